package org.jsctp.examples;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The counters of one throughput run and its RESULT line:
 * {@code RESULT messages=N bytes=B seconds=S msgs_per_s=X mbit_per_s=Y cpu_s=C}, where cpu_s is
 * the CPU time the whole process used over the run (all threads, user and system). One thread
 * counts; others may read the running totals (opaque accesses: no fence on the counting path).
 */
final class TputResult {

  private static final VarHandle MESSAGES;
  private static final VarHandle BYTES;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MESSAGES = lookup.findVarHandle(TputResult.class, "messages", long.class);
      BYTES = lookup.findVarHandle(TputResult.class, "bytes", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final long startNanos;
  private final long startCpu;
  private long messages;
  private long bytes;

  TputResult() {
    this.startNanos = System.nanoTime();
    this.startCpu = processCpuNanos();
  }

  /** Counts; called by one thread only. */
  void add(long messageCount, long byteCount) {
    MESSAGES.setOpaque(this, messages + messageCount);
    BYTES.setOpaque(this, bytes + byteCount);
  }

  long messages() {
    return (long) MESSAGES.getOpaque(this);
  }

  long bytes() {
    return (long) BYTES.getOpaque(this);
  }

  long startNanos() {
    return startNanos;
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
