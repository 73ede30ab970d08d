package org.jsctp.netty;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before a client's next attempt to set up an association: {@code initial} after the
 * first failure, doubled with every further one up to {@code max}, less up to a fifth at random so
 * that the clients of one restarted server do not all come back in the same instant. Used by
 * {@link ReconnectingClient} and by the Netty channel's reconnecting bootstrap.
 */
public final class ReconnectBackoff {

  private final Duration initial;
  private final Duration max;

  /**
   * @throws IllegalArgumentException when a delay is not positive or {@code max} is shorter than
   *     {@code initial}
   */
  public ReconnectBackoff(Duration initial, Duration max) {
    if (initial == null || initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initialDelay must be positive, got " + initial);
    }
    if (max == null || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "maxDelay " + max + " is shorter than initialDelay " + initial);
    }
    this.initial = initial;
    this.max = max;
  }

  /** The wait after the {@code attempt}th failure in a row (1 for the first). */
  public Duration delay(int attempt) {
    long d = initial.toNanos();
    long limit = max.toNanos();
    for (int i = 1; i < attempt && d < limit; i++) {
      d = Math.min(limit, d * 2);
    }
    long jitter = d / 5 == 0 ? 0 : ThreadLocalRandom.current().nextLong(d / 5 + 1);
    return Duration.ofNanos(d - jitter);
  }

  /** The wait before the first attempt after an association that was up has ended. */
  public Duration initial() {
    return initial;
  }
}
