package org.jsctp.netty;

/**
 * A token bucket: at most {@code perSecond} answers a second, with bursts of as many. Time is the
 * caller's, in nanoseconds. Not thread-safe: one event loop owns it.
 */
final class AnswerBudget {

  private static final long SECOND = 1_000_000_000L;

  private final int perSecond;
  private double tokens;
  private long last;
  private boolean started;

  AnswerBudget(int perSecond) {
    if (perSecond < 1) {
      throw new IllegalArgumentException("perSecond must be positive: " + perSecond);
    }
    this.perSecond = perSecond;
    this.tokens = perSecond;
  }

  /** Takes one token at {@code now}; false when none is left. */
  boolean take(long now) {
    if (started && now > last) {
      tokens = Math.min(perSecond, tokens + (double) (now - last) * perSecond / SECOND);
    }
    if (!started || now > last) {
      last = now;
      started = true;
    }
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
