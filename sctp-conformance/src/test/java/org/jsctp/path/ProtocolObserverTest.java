package org.jsctp.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.PathState;
import org.jsctp.association.AssociationState;
import org.jsctp.association.ProtocolObserver;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.FailoverRun;
import org.jsctp.testkit.MultihomedPair;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.sim.SimulatorExtension;
import org.jsctp.wire.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The protocol observer (what sctp-netty turns into JFR events) in virtual time: it is told every
 * moment, in the order the moments happen, and as often as the MIB counters count them.
 */
@ExtendWith(SimulatorExtension.class)
class ProtocolObserverTest {

  static final long S = SimTime.seconds(1);
  static final StackConfig DEFAULTS = StackConfig.defaults();

  /** Every call, as a line, in order. */
  static final class Timeline implements ProtocolObserver {
    final List<String> lines = new ArrayList<>();

    @Override
    public void associationStateChanged(
        SctpAssociation association, AssociationState from, AssociationState to, long now) {
      lines.add("state " + from + " -> " + to);
    }

    @Override
    public void pathStateChanged(
        SctpAssociation association,
        InetAddress address,
        PathState from,
        PathState to,
        int errorCount,
        long now) {
      lines.add("path " + address.getHostAddress() + " " + from + " -> " + to);
    }

    @Override
    public void dataPathChanged(
        SctpAssociation association, InetAddress from, InetAddress to, long now) {
      lines.add("data " + from.getHostAddress() + " -> " + to.getHostAddress());
    }

    @Override
    public void primarySwitchedOver(
        SctpAssociation association, InetAddress from, InetAddress to, long now) {
      lines.add("primary " + from.getHostAddress() + " -> " + to.getHostAddress());
    }

    @Override
    public void t3RtxExpired(
        SctpAssociation association, InetAddress address, long rtoMillis, long now) {
      lines.add("t3 " + address.getHostAddress());
    }

    @Override
    public void aborted(
        SctpAssociation association,
        boolean received,
        List<org.jsctp.wire.ErrorCause> causes,
        String reason,
        long now) {
      lines.add("abort " + (received ? "received " : "sent ")
          + causes.stream().map(c -> c.getClass().getSimpleName()).toList());
    }

    long count(String prefix) {
      return lines.stream().filter(l -> l.startsWith(prefix)).count();
    }

    int indexOf(String line) {
      int i = lines.indexOf(line);
      assertThat(i).as("%s in %s", line, lines).isNotNegative();
      return i;
    }
  }

  @Test
  void tellsOfTheT3ExpiryThenThePotentiallyFailedPathThenTheDataMovingWhenThePrimaryIsCut(
      Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, DEFAULTS, DEFAULTS, 2);
    Timeline timeline = new Timeline();
    pair.client.endpoint().setObserver(timeline);
    FailoverRun run = new FailoverRun(pair, SimTime.millis(50), 200);
    run.runUntil(sim.now() + 2 * S);
    assertThat(timeline.lines).isEmpty();

    pair.blackhole(1, true);
    run.runUntil(sim.now() + 10 * S);
    pair.blackhole(1, false);
    run.runUntil(sim.now() + 30 * S);

    int t3 = timeline.indexOf("t3 10.0.1.2");
    int pf = timeline.indexOf("path 10.0.1.2 ACTIVE -> POTENTIALLY_FAILED");
    int away = timeline.indexOf("data 10.0.1.2 -> 10.0.2.2");
    int back = timeline.indexOf("path 10.0.1.2 POTENTIALLY_FAILED -> ACTIVE");
    int home = timeline.lines.lastIndexOf("data 10.0.2.2 -> 10.0.1.2");
    assertThat(List.of(t3, pf, away, back, home)).as("%s", timeline.lines).isSorted();
    assertThat(timeline.count("t3 "))
        .isEqualTo(pair.a.counters().get(MibCounter.SCTP_T3_RTX_EXPIREDS));
    assertThat(timeline.count("path 10.0.1.2 ACTIVE -> POTENTIALLY_FAILED"))
        .isEqualTo(pair.a.counters().get(MibCounter.SCTP_PF_ENTRIES));
    assertThat(timeline.count("data "))
        .isEqualTo(pair.a.counters().get(MibCounter.SCTP_PATH_SWITCHOVERS));
    assertThat(timeline.count("state ")).as("the association stayed up").isZero();
  }

  @Test
  void tellsOfThePrimarySwitchover(Simulator sim) {
    StackConfig config = StackConfig.builder().set(Sysctl.PS_RETRANS, 0).build();
    MultihomedPair pair = new MultihomedPair(sim, config, config, 2);
    Timeline timeline = new Timeline();
    pair.client.endpoint().setObserver(timeline);
    FailoverRun run = new FailoverRun(pair, SimTime.millis(50), 200);
    run.runUntil(sim.now() + 2 * S);

    pair.blackhole(1, true);
    run.runUntil(sim.now() + 5 * S);

    assertThat(timeline.lines).contains("primary 10.0.1.2 -> 10.0.2.2");
    assertThat(timeline.count("primary "))
        .isEqualTo(pair.a.counters().get(MibCounter.SCTP_PRIMARY_SWITCHOVERS));
  }

  @Test
  void tellsEveryStateOfBothSidesOnTheWayUpAndDown(Simulator sim) {
    InetAddress a = SimAddresses.v4("10.0.0.1");
    InetAddress b = SimAddresses.v4("10.0.0.2");
    SimEndpoint client = new SimEndpoint(StackConfig.defaults(), sim.random("client"), 9899, a);
    SimEndpoint server = new SimEndpoint(StackConfig.defaults(), sim.random("server"), 9899, b);
    Timeline clientTimeline = new Timeline();
    Timeline serverTimeline = new Timeline();
    client.endpoint().setObserver(clientTimeline);
    server.endpoint().setObserver(serverTimeline);
    server.endpoint().listen(true);
    sim.attach("client", client);
    sim.attach("server", server);

    SctpAssociation association = client.connect(sim.now(), 9899, b);
    sim.runUntil("up", () -> client.hasEvent(AssociationChange.Kind.COMM_UP), 30 * S);
    association.shutdown(sim.now());
    sim.runUntil("down", () -> client.hasEvent(AssociationChange.Kind.SHUTDOWN_COMP)
        && server.hasEvent(AssociationChange.Kind.SHUTDOWN_COMP), 30 * S);

    assertThat(clientTimeline.lines)
        .containsExactly(
            "state CLOSED -> COOKIE_WAIT",
            "state COOKIE_WAIT -> COOKIE_ECHOED",
            "state COOKIE_ECHOED -> ESTABLISHED",
            "state ESTABLISHED -> SHUTDOWN_PENDING",
            "state SHUTDOWN_PENDING -> SHUTDOWN_SENT",
            "state SHUTDOWN_SENT -> CLOSED");
    assertThat(serverTimeline.lines)
        .containsExactly(
            "state CLOSED -> ESTABLISHED",
            "state ESTABLISHED -> SHUTDOWN_RECEIVED",
            "state SHUTDOWN_RECEIVED -> SHUTDOWN_ACK_SENT",
            "state SHUTDOWN_ACK_SENT -> CLOSED");
  }

  @Test
  void tellsOfAnAbortOnBothSidesBeforeTheAssociationCloses(Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, DEFAULTS, DEFAULTS, 2);
    Timeline clientTimeline = new Timeline();
    Timeline serverTimeline = new Timeline();
    pair.client.endpoint().setObserver(clientTimeline);
    pair.server.endpoint().setObserver(serverTimeline);

    pair.a.abort(sim.now(), Bytes.wrap("bye".getBytes()));
    sim.runUntil("the server lost it", () -> pair.server.hasEvent(AssociationChange.Kind.COMM_LOST),
        10 * S);

    assertThat(clientTimeline.lines)
        .containsExactly("abort sent [UserInitiatedAbortCause]", "state ESTABLISHED -> CLOSED");
    assertThat(serverTimeline.lines)
        .containsExactly("abort received [UserInitiatedAbortCause]", "state ESTABLISHED -> CLOSED");
    assertThat(pair.b.counters().get(MibCounter.SCTP_ABORTEDS)).isEqualTo(1);
  }
}
