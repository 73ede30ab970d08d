package org.jsctp.path;

import org.jsctp.api.PathState;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsctp.TestAddresses;
import org.jsctp.stats.MibCounters;
import org.jsctp.wire.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The path state machine of RFC 9260 section 8.2 and RFC 7829 section 3, as a table: every
 * (state, thresholds, error count, event) row names the state that must follow, transitions and
 * non-transitions alike, and whether a heartbeat goes out at once.
 */
class PathStateMachineTest {

  private static final long MS = 1_000_000L;
  private static final InetAddress PEER = TestAddresses.v4("10.0.0.2");

  enum Event {
    ERROR,
    SUCCESS
  }

  /** One row: from which state, with which thresholds and counter, which event, what follows. */
  record Row(String name, PathState from, int pmr, int pf, boolean pfEnabled, int errorsBefore,
      Event event, PathState to, boolean heartbeatAtOnce) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> table() {
    return Stream.of(
        row("ACTIVE, first error, pf 0 -> PF with a heartbeat at once",
            PathState.ACTIVE, 5, 0, true, 0, Event.ERROR, PathState.POTENTIALLY_FAILED, true),
        row("ACTIVE, error up to pf 2 stays ACTIVE",
            PathState.ACTIVE, 5, 2, true, 1, Event.ERROR, PathState.ACTIVE, false),
        row("ACTIVE, error beyond pf 2 -> PF",
            PathState.ACTIVE, 5, 2, true, 2, Event.ERROR, PathState.POTENTIALLY_FAILED, true),
        row("ACTIVE, error beyond pmr 0 -> INACTIVE directly",
            PathState.ACTIVE, 0, 0, true, 0, Event.ERROR, PathState.INACTIVE, false),
        row("ACTIVE, pf above pmr (PF off) stays ACTIVE below pmr",
            PathState.ACTIVE, 5, 6, true, 4, Event.ERROR, PathState.ACTIVE, false),
        row("ACTIVE, pf equal to pmr (PF off) -> INACTIVE beyond pmr",
            PathState.ACTIVE, 5, 5, true, 5, Event.ERROR, PathState.INACTIVE, false),
        row("ACTIVE, pf_enable 0 stays ACTIVE below pmr",
            PathState.ACTIVE, 5, 0, false, 3, Event.ERROR, PathState.ACTIVE, false),
        row("ACTIVE, pf_enable 0 -> INACTIVE beyond pmr",
            PathState.ACTIVE, 5, 0, false, 5, Event.ERROR, PathState.INACTIVE, false),
        row("PF, error up to pmr stays PF",
            PathState.POTENTIALLY_FAILED, 5, 0, true, 3, Event.ERROR, PathState.POTENTIALLY_FAILED, false),
        row("PF, error beyond pmr -> INACTIVE",
            PathState.POTENTIALLY_FAILED, 5, 0, true, 5, Event.ERROR, PathState.INACTIVE, false),
        row("INACTIVE, error stays INACTIVE",
            PathState.INACTIVE, 5, 0, true, 6, Event.ERROR, PathState.INACTIVE, false),
        row("UNCONFIRMED, error stays UNCONFIRMED",
            PathState.UNCONFIRMED, 5, 0, true, 0, Event.ERROR, PathState.UNCONFIRMED, false),
        row("UNCONFIRMED, errors beyond pmr stay UNCONFIRMED",
            PathState.UNCONFIRMED, 1, 0, true, 7, Event.ERROR, PathState.UNCONFIRMED, false),
        row("ACTIVE, success stays ACTIVE",
            PathState.ACTIVE, 5, 2, true, 2, Event.SUCCESS, PathState.ACTIVE, false),
        row("PF, success -> ACTIVE",
            PathState.POTENTIALLY_FAILED, 5, 0, true, 3, Event.SUCCESS, PathState.ACTIVE, false),
        row("INACTIVE, success -> ACTIVE",
            PathState.INACTIVE, 5, 0, true, 9, Event.SUCCESS, PathState.ACTIVE, false),
        row("UNCONFIRMED, success -> ACTIVE (confirmed)",
            PathState.UNCONFIRMED, 5, 0, true, 2, Event.SUCCESS, PathState.ACTIVE, false));
  }

  private static Arguments row(String name, PathState from, int pmr, int pf, boolean pfEnabled,
      int errorsBefore, Event event, PathState to, boolean heartbeat) {
    return Arguments.of(new Row(name, from, pmr, pf, pfEnabled, errorsBefore, event, to, heartbeat));
  }

  /** Records what the path manager asks of its association. */
  static final class Recorder implements PathEnvironment {
    final List<String> changes = new ArrayList<>();
    final List<Path> heartbeats = new ArrayList<>();
    final List<String> dataPathChanges = new ArrayList<>();
    final MibCounters counters = new MibCounters();

    @Override
    public void pathStateChanged(Path path, PathState from, PathState to, long now) {
      changes.add(from + "->" + to);
    }

    @Override
    public void dataPathChanged(Path from, Path to, long now) {
      dataPathChanges.add(from.id() + "->" + to.id());
    }

    @Override
    public void primarySwitchedOver(Path from, Path to, long now) {}

    @Override
    public void primaryRequested(Path path, long now) {}

    @Override
    public void probeDeferred(Path path) {}

    @Override
    public void sendHeartbeat(Path path, Bytes info, long now) {
      heartbeats.add(path);
    }

    @Override
    public void sendProbe(Path path, Bytes info, int size, long now) {}

    @Override
    public void pathMtuChanged(Path path, int from, int to, long now) {}

    @Override
    public void blackHoleDetected(Path path, long now) {}

    @Override
    public MibCounters counters() {
      return counters;
    }

    @Override
    public long nextRandomLong() {
      return 42;
    }
  }

  static Path path(int id, InetAddress address, PathState state, PathThresholds thresholds) {
    return new Path(id, address, 9899, TestAddresses.v4("10.0.0.1"), state, thresholds,
        new RtoEstimator(1000 * MS, 1000 * MS, 60_000 * MS, 3, 2), 1500, 100_000, 30_000 * MS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void followsTheTable(Row row) {
    Recorder env = new Recorder();
    PathManager manager = new PathManager(env);
    Path p = path(0, PEER, row.from(), new PathThresholds(row.pmr(), row.pf(), row.pfEnabled()));
    p.setErrorCount(row.errorsBefore());
    manager.add(p);
    if (row.event() == Event.ERROR) {
      manager.recordError(p, 0);
      assertThat(p.errorCount()).isEqualTo(row.errorsBefore() + 1);
    } else {
      manager.recordSuccess(p, 0);
      assertThat(p.errorCount()).isZero();
    }
    assertThat(p.state()).isEqualTo(row.to());
    assertThat(env.changes).isEqualTo(row.from() == row.to() ? List.of() : List.of(row.from() + "->" + row.to()));
    assertThat(env.heartbeats).hasSize(row.heartbeatAtOnce() ? 1 : 0);
  }
}
