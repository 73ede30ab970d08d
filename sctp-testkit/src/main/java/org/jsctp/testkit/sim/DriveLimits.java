package org.jsctp.testkit.sim;

/**
 * Bounds on one run call of the {@link Simulator}, beyond which it fails instead of spinning.
 *
 * @param maxEventsPerRun events one run call may process in total (event budget)
 * @param maxEventsPerInstant events that may run at one virtual time before the run is declared a
 *     livelock (something keeps rescheduling itself without letting time advance)
 * @param recentEventsReported how many of the last events a failure report lists
 */
public record DriveLimits(long maxEventsPerRun, long maxEventsPerInstant, int recentEventsReported) {

  /** Ten million events per run, a million at one instant, the last 20 events reported. */
  public static final DriveLimits DEFAULT = new DriveLimits(10_000_000, 1_000_000, 20);

  public DriveLimits {
    if (maxEventsPerRun <= 0 || maxEventsPerInstant <= 0 || recentEventsReported < 0) {
      throw new IllegalArgumentException("limits must be positive: maxEventsPerRun="
          + maxEventsPerRun + " maxEventsPerInstant=" + maxEventsPerInstant
          + " recentEventsReported=" + recentEventsReported);
    }
  }

  /** These limits with another event budget. */
  public DriveLimits withMaxEventsPerRun(long events) {
    return new DriveLimits(events, maxEventsPerInstant, recentEventsReported);
  }

  /** These limits with another livelock threshold. */
  public DriveLimits withMaxEventsPerInstant(long events) {
    return new DriveLimits(maxEventsPerRun, events, recentEventsReported);
  }
}
