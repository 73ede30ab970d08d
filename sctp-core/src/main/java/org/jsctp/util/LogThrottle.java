package org.jsctp.util;

/**
 * Keeps a log line that a peer can cause (a malformed or oversized chunk, a refused association)
 * to at most one per interval: the first occurrence is logged, the following ones within the
 * interval are counted, and the next line reports how many were left out. Time comes from the
 * caller, as everywhere in the core. For one thread.
 */
public final class LogThrottle {

  /** The interval the core and the runtime use: one line per minute per kind of event. */
  public static final long DEFAULT_INTERVAL_NANOS = 60_000_000_000L;

  private final long intervalNanos;
  private long lastLineAt;
  private boolean logged;
  private long suppressed;

  public LogThrottle(long intervalNanos) {
    if (intervalNanos <= 0) {
      throw new IllegalArgumentException("interval must be positive: " + intervalNanos);
    }
    this.intervalNanos = intervalNanos;
  }

  /** One line per minute. */
  public LogThrottle() {
    this(DEFAULT_INTERVAL_NANOS);
  }

  /**
   * Whether a line may be written at {@code now}; if not, the occurrence is counted. After a true
   * answer, {@link #takeSuppressed()} tells how many occurrences were not logged since the last line.
   */
  public boolean allow(long now) {
    if (!logged || now - lastLineAt >= intervalNanos) {
      logged = true;
      lastLineAt = now;
      return true;
    }
    suppressed++;
    return false;
  }

  /** The occurrences not logged since the last line, and starts counting again. */
  public long takeSuppressed() {
    long n = suppressed;
    suppressed = 0;
    return n;
  }
}
