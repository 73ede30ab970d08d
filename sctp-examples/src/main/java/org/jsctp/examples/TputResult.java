package org.jsctp.examples;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The counters of one throughput run and its RESULT line:
 * {@code RESULT messages=N bytes=B seconds=S msgs_per_s=X mbit_per_s=Y cpu_s=C}, where cpu_s is
 * the CPU time the whole process used over the run (all threads, user and system).
 */
final class TputResult {

  private final long startNanos;
  private final long startCpu;
  private long messages;
  private long bytes;

  TputResult() {
    this.startNanos = System.nanoTime();
    this.startCpu = processCpuNanos();
  }

  void add(long messageCount, long byteCount) {
    messages += messageCount;
    bytes += byteCount;
  }

  long messages() {
    return messages;
  }

  long bytes() {
    return bytes;
  }

  String line(long endNanos) {
    double seconds = Math.max(1e-9, (endNanos - startNanos) / 1e9);
    double cpu = Math.max(0, processCpuNanos() - startCpu) / 1e9;
    return String.format(
        Locale.ROOT,
        "RESULT messages=%d bytes=%d seconds=%.3f msgs_per_s=%.1f mbit_per_s=%.2f cpu_s=%.3f",
        messages,
        bytes,
        seconds,
        messages / seconds,
        bytes * 8 / seconds / 1e6,
        cpu);
  }

  /** CPU time of this process in nanoseconds, or 0 where the platform does not say. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }
}
