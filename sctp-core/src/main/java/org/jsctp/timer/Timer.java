package org.jsctp.timer;

/**
 * A timer as a value: a deadline in the caller's monotonic nanoseconds, the duration it was
 * last armed with, and how many times in a row it has expired (the restart count RFC 9260 uses
 * for Max.Init.Retransmits, Path.Max.Retrans and friends). It never fires by itself: its owner
 * compares {@link #deadline()} with the time it is given.
 */
public final class Timer {

  /** The deadline of a stopped timer. */
  public static final long NEVER = Long.MAX_VALUE;

  private final TimerKind kind;
  private long deadline = NEVER;
  private long duration;
  private int expirations;

  public Timer(TimerKind kind) {
    this.kind = kind;
  }

  public TimerKind kind() {
    return kind;
  }

  /** Arms the timer to expire {@code durationNanos} after {@code now}, replacing any deadline. */
  public void start(long now, long durationNanos) {
    if (durationNanos < 0) {
      throw new IllegalArgumentException("negative duration " + durationNanos);
    }
    this.duration = durationNanos;
    long d = now + durationNanos;
    this.deadline = d < now ? NEVER - 1 : d;
  }

  /** Arms the timer only if it is not running (RFC 9260 section 6.3.2 rule R1). */
  public void startIfStopped(long now, long durationNanos) {
    if (!isRunning()) {
      start(now, durationNanos);
    }
  }

  /** Stops the timer; the expiration count is kept. */
  public void stop() {
    deadline = NEVER;
  }

  /** Stops the timer and clears the expiration count. */
  public void reset() {
    deadline = NEVER;
    expirations = 0;
  }

  public boolean isRunning() {
    return deadline != NEVER;
  }

  /** True when the timer is running and its deadline is at or before {@code now}. */
  public boolean isDue(long now) {
    return deadline != NEVER && deadline <= now;
  }

  /**
   * Consumes an expiry: stops the timer and counts it.
   *
   * @return the number of consecutive expirations, this one included
   */
  public int expire() {
    deadline = NEVER;
    return ++expirations;
  }

  public long deadline() {
    return deadline;
  }

  public long duration() {
    return duration;
  }

  public int expirations() {
    return expirations;
  }

  public void clearExpirations() {
    expirations = 0;
  }

  @Override
  public String toString() {
    return kind + (isRunning() ? "@" + deadline : "[stopped]") + "x" + expirations;
  }
}
