package org.jsctp.interop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The seeded schedule of a chaos soak: two phases of equal length, the first against jsctp's
 * echo-server, the second against usrsctp (mhpeer), each a shuffled list of faults that always
 * includes one outage of both paths and one restart of the peer. The seed and the length fix the
 * whole schedule (which fault, in which order, how strong, for how long); the packets that a random
 * rule picks come from the kernel and are not replayed.
 *
 * @param seed the seed of the schedule and of the client's messages
 * @param minutes the planned length of the fault phases, about
 * @param phases the phases in order
 */
record ChaosPlan(long seed, double minutes, List<ChaosPlan.Phase> phases) {

  /** The peer of a phase: jsctp's echo-server or usrsctp's mhpeer, both on host b. */
  enum PeerKind {
    JSCTP,
    USRSCTP
  }

  /** One phase: a peer and the faults played against it. */
  record Phase(PeerKind peer, List<Fault> faults) {}

  /** About how long a fault takes with its recovery, to size a phase. */
  static final int SECONDS_PER_FAULT = 7;

  static ChaosPlan of(long seed, double minutes) {
    Random r = new Random(seed);
    int perPhase = Math.max(4, (int) Math.round(minutes * 60 / 2 / SECONDS_PER_FAULT));
    List<Phase> phases = new ArrayList<>();
    for (PeerKind peer : PeerKind.values()) {
      List<Fault> faults = new ArrayList<>();
      faults.add(outage(r));
      faults.add(restart(r));
      while (faults.size() < perPhase) {
        faults.add(random(r));
      }
      Collections.shuffle(faults, r);
      phases.add(new Phase(peer, List.copyOf(faults)));
    }
    return new ChaosPlan(seed, minutes, List.copyOf(phases));
  }

  private static Fault random(Random r) {
    int pick = r.nextInt(16);
    if (pick < 3) {
      return new Fault.Loss(10 + r.nextInt(41), hold(r));
    } else if (pick < 6) {
      return new Fault.Reorder(3 + r.nextInt(8), 400 + 100 * r.nextInt(5), hold(r));
    } else if (pick < 8) {
      return new Fault.Duplicate(1 + r.nextInt(5), hold(r));
    } else if (pick < 10) {
      return new Fault.CutPath(1 + r.nextInt(2), hold(r));
    } else if (pick < 13) {
      return new Fault.FlapPath(1 + r.nextInt(2), host(r), 1000 + r.nextInt(5001));
    } else if (pick < 14) {
      return outage(r);
    } else {
      return restart(r);
    }
  }

  private static Fault outage(Random r) {
    return new Fault.Outage(r.nextBoolean(), host(r));
  }

  private static Fault restart(Random r) {
    // Half come back at once, in time to answer the old association's packets with an ABORT.
    return new Fault.RestartPeer(r.nextBoolean(), r.nextBoolean() ? 0 : r.nextInt(3001));
  }

  private static int hold(Random r) {
    return 2000 + r.nextInt(4001);
  }

  private static char host(Random r) {
    return r.nextBoolean() ? 'a' : 'b';
  }

  /** The schedule, one fault a line, with the line that replays it. */
  String describe() {
    StringBuilder b = new StringBuilder();
    b.append("chaos soak: seed ")
        .append(seed)
        .append(", about ")
        .append(minutes)
        .append(" min of faults; replay with -Dchaos.seed=")
        .append(seed)
        .append(" -Dchaos.minutes=")
        .append(minutes)
        .append('\n');
    for (Phase p : phases) {
      b.append("phase against ").append(p.peer()).append(":\n");
      for (int i = 0; i < p.faults().size(); i++) {
        b.append(String.format("  %2d. %s%n", i + 1, p.faults().get(i)));
      }
    }
    return b.toString();
  }
}
