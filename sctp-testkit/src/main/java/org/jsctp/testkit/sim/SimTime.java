package org.jsctp.testkit.sim;

import java.time.Duration;

/**
 * Virtual time of the simulator: a {@code long} of nanoseconds that starts at {@link #ORIGIN},
 * deliberately not zero so that code under test cannot mistake "zero" for "never" or "start".
 */
public final class SimTime {

  /** The virtual time at which every simulation starts. */
  public static final long ORIGIN = 1_000_000_000_000L;

  private SimTime() {}

  /** {@code n} microseconds in nanoseconds. */
  public static long micros(long n) {
    return Math.multiplyExact(n, 1_000L);
  }

  /** {@code n} milliseconds in nanoseconds. */
  public static long millis(long n) {
    return Math.multiplyExact(n, 1_000_000L);
  }

  /** {@code n} seconds in nanoseconds. */
  public static long seconds(long n) {
    return Math.multiplyExact(n, 1_000_000_000L);
  }

  /** A duration in nanoseconds. */
  public static long of(Duration duration) {
    return duration.toNanos();
  }

  /** The absolute virtual time that lies {@code elapsedNanos} after {@link #ORIGIN}. */
  public static long fromOrigin(long elapsedNanos) {
    return Math.addExact(ORIGIN, elapsedNanos);
  }

  /** An absolute virtual time as elapsed seconds since the origin: {@code +1.250000000s}. */
  public static String format(long absoluteNanos) {
    return formatDuration(absoluteNanos - ORIGIN, true);
  }

  /** A duration in seconds with nanosecond digits: {@code 0.003000000s}. */
  public static String formatDuration(long nanos) {
    return formatDuration(nanos, false);
  }

  private static String formatDuration(long nanos, boolean signed) {
    String sign = nanos < 0 ? "-" : signed ? "+" : "";
    long magnitude = Math.abs(nanos);
    return String.format("%s%d.%09ds", sign, magnitude / 1_000_000_000L, magnitude % 1_000_000_000L);
  }
}
