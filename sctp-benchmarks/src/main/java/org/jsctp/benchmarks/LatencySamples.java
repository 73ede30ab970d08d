package org.jsctp.benchmarks;

import java.util.Arrays;

/** Latency samples in nanoseconds, with nearest-rank percentiles. Not thread-safe. */
final class LatencySamples {

  private long[] samples = new long[1024];
  private int count;

  void add(long nanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, count * 2);
    }
    samples[count++] = nanos;
  }

  int count() {
    return count;
  }

  /**
   * Nearest rank: the smallest sample with at least {@code p} percent of the samples at or below
   * it; 0 without samples.
   */
  long percentile(double p) {
    if (count == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, rank - 1)];
  }

  long max() {
    return percentile(100);
  }
}
