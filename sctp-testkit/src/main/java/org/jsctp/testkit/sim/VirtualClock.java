package org.jsctp.testkit.sim;

/** The simulator's notion of now; it only moves forward, and only when the simulator says so. */
final class VirtualClock {

  private long now = SimTime.ORIGIN;

  long now() {
    return now;
  }

  void advanceTo(long time) {
    if (time < now) {
      throw new IllegalStateException(
          "virtual time cannot go back from " + SimTime.format(now) + " to " + SimTime.format(time));
    }
    now = time;
  }
}
