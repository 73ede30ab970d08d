package org.jsctp.examples;

import java.util.Locale;

/**
 * The arithmetic of the INTERVAL lines: each line covers what was counted since the previous one,
 * {@code INTERVAL t=T bytes=B msgs=M mbit_s=X}, where T is the seconds from the run's start to
 * the end of the interval and X the interval's bytes over its own measured length. Not
 * thread-safe: one reporter thread calls it.
 */
final class IntervalLine {

  private final long startNanos;
  private final String suffix;
  private long lastNanos;
  private long lastBytes;
  private long lastMessages;

  /** Intervals from {@code startNanos}; {@code suffix} (e.g. " assoc=3") ends every line. */
  IntervalLine(long startNanos, String suffix) {
    this.startNanos = startNanos;
    this.suffix = suffix;
    this.lastNanos = startNanos;
  }

  /** The line for the interval ending at {@code nowNanos} with these running totals. */
  String next(long nowNanos, long totalBytes, long totalMessages) {
    long bytes = totalBytes - lastBytes;
    long messages = totalMessages - lastMessages;
    String line = format((nowNanos - startNanos) / 1e9, bytes, messages,
        (nowNanos - lastNanos) / 1e9) + suffix;
    lastNanos = nowNanos;
    lastBytes = totalBytes;
    lastMessages = totalMessages;
    return line;
  }

  static String format(double t, long bytes, long messages, double seconds) {
    double mbit = seconds > 0 ? bytes * 8 / seconds / 1e6 : 0;
    return String.format(Locale.ROOT, "INTERVAL t=%.2f bytes=%d msgs=%d mbit_s=%.2f",
        t, bytes, messages, mbit);
  }
}
