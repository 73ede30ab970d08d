package org.jsctp.interop;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plays the faults of a chaos soak one after the other and checks what each must leave behind.
 *
 * <ul>
 *   <li>A survivable fault (loss, reordering, duplication, one path blackholed or its link down) is
 *       held for its time, then the client must still echo 100 messages while it lasts, and 100
 *       more after it healed.
 *   <li>An outage (both paths down) lasts until the client reports its association ended; it must
 *       end (an association that stays up with every path dead is stuck), then the client must
 *       reconnect once the paths are back and echo 100 messages.
 *   <li>A restart of the peer must end the association too (the new process answers the old
 *       association's packets with an ABORT, or a SIGTERM-ed jsctp shuts it down), and the client
 *       must reconnect and echo 100 messages from the new process.
 * </ul>
 *
 * The client's output is cut into intervals, one per fault from its start to the next fault's: in
 * the interval of a survivable fault (and before the first fault) no association may end. Every
 * wait is for lines the client prints, with a timeout that only catches a hang.
 */
final class FaultRunner {

  static final Duration STEP = Duration.ofSeconds(60);
  static final int ECHOES = 100;

  private final Topology t;
  private final ChaosDriver driver;
  private final Map<String, long[]> figures = new TreeMap<>();
  private int endingFaults;
  private int intervalStart;
  private boolean endsAllowed;
  private String interval = "the start, before any fault";

  FaultRunner(Topology t, ChaosDriver driver) {
    this.t = t;
    this.driver = driver;
  }

  /**
   * Closes the current interval (failing when an association ended in it although nothing allowed
   * that) and opens one for {@code what}; returns where it starts in the client's output.
   */
  int interval(String what, boolean allowEnds) {
    int now = driver.mark();
    if (!endsAllowed) {
      driver
          .endSince(intervalStart, now)
          .ifPresent(
              line -> {
                throw new AssertionError(
                    "an association ended during "
                        + interval
                        + ", which it must survive: "
                        + line
                        + "\n"
                        + driver.tail());
              });
    }
    intervalStart = now;
    endsAllowed = allowEnds;
    interval = what;
    return now;
  }

  /** Plays {@code f} against {@code peer} and checks its outcome. */
  void run(Fault f, ChaosPeer peer) {
    System.out.println("chaos: " + f);
    try {
      play(f, peer);
    } catch (AssertionError e) {
      throw new AssertionError("during " + f + ": " + e.getMessage() + "\n" + peer.status(), e);
    }
  }

  private void play(Fault f, ChaosPeer peer) {
    int mark = interval(f.toString(), !f.survivable());
    long packets = 0;
    if (f.survivable()) {
      try (NetFaults.Injected injected = inject(f)) {
        Env.sleep(f.holdMs());
        driver.awaitEchoes(ECHOES, STEP);
        packets = injected.packets();
      }
      driver.awaitEchoes(ECHOES, STEP);
    } else if (f instanceof Fault.Outage o) {
      Proc.Found end;
      try (NetFaults.Injected injected =
          o.byLinks() ? NetFaults.linksDown(host(o.host()), 1, 2) : NetFaults.blackhole(t, 1, 2)) {
        end = driver.awaitEnd(mark, STEP);
        packets = injected.packets();
      }
      driver.awaitUp(end.index() + 1, STEP);
      driver.awaitEchoes(ECHOES, STEP);
      endingFaults++;
    } else if (f instanceof Fault.RestartPeer r) {
      // The old process is gone when restart returns: echoes from then on come from the new one.
      peer.restart(r.kill(), r.downMs());
      driver.awaitEnd(mark, STEP);
      driver.awaitEchoes(ECHOES, STEP);
      endingFaults++;
    }
    long[] fig =
        figures.computeIfAbsent(f.kind().name().toLowerCase(Locale.ROOT), k -> new long[2]);
    fig[0]++;
    fig[1] += packets;
  }

  private NetFaults.Injected inject(Fault f) {
    if (f instanceof Fault.Loss l) {
      return NetFaults.loss(t, l.permille());
    } else if (f instanceof Fault.Reorder r) {
      return NetFaults.reorder(t, r.percent(), r.slowKbit());
    } else if (f instanceof Fault.Duplicate d) {
      return NetFaults.duplicate(t, d.percent());
    } else if (f instanceof Fault.CutPath c) {
      return NetFaults.blackhole(t, c.path());
    } else if (f instanceof Fault.FlapPath fl) {
      return NetFaults.linksDown(host(fl.host()), fl.path());
    }
    throw new IllegalArgumentException("not a survivable network fault: " + f);
  }

  private NetNs host(char h) {
    return h == 'a' ? t.a() : t.b();
  }

  /** Faults that ended an association (outages and restarts). */
  int endingFaults() {
    return endingFaults;
  }

  /** "loss 3 (1234 packets), ..." for the result line. */
  String figures() {
    StringBuilder b = new StringBuilder();
    figures.forEach(
        (kind, f) -> {
          if (b.length() > 0) {
            b.append(", ");
          }
          b.append(kind).append(' ').append(f[0]);
          if (f[1] > 0) {
            b.append(" (").append(f[1]).append(" packets)");
          }
        });
    return b.toString();
  }
}
