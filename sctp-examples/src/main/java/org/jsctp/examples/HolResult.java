package org.jsctp.examples;

import java.util.Arrays;
import java.util.Locale;

/**
 * What one run of the {@code hol} benchmark measured: the latencies of the small messages sent
 * during the measurement (in nanoseconds, sorted; one still undelivered at the end counts with the
 * time it had waited by then, a lower bound), and the bulk bytes delivered during it.
 *
 * @param mode the mode of the run
 * @param round the round, from 1
 * @param latencies sorted latencies, undelivered ones included
 * @param undelivered how many small messages had not arrived at the end
 * @param bulkBytes bulk bytes delivered during the measurement
 * @param seconds the length of the measurement
 */
record HolResult(
    HolMode mode, int round, long[] latencies, int undelivered, long bulkBytes, double seconds) {

  HolResult {
    latencies = latencies.clone();
    Arrays.sort(latencies);
  }

  /** The {@code p}th percentile (nearest rank) in milliseconds. */
  double percentileMs(int p) {
    return EchoStats.percentile(latencies, p) / 1e6;
  }

  double maxMs() {
    return latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6;
  }

  double bulkMbitPerSecond() {
    return bulkBytes * 8 / seconds / 1e6;
  }

  /**
   * {@code HOL round=R mode=M probes=N undelivered=U p50_ms=X p90_ms=Y p99_ms=Z max_ms=W
   * bulk_mbit_per_s=B}.
   */
  String line() {
    return String.format(
        Locale.ROOT,
        "HOL round=%d mode=%s probes=%d undelivered=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f"
            + " max_ms=%.2f bulk_mbit_per_s=%.1f",
        round,
        mode.label(),
        latencies.length,
        undelivered,
        percentileMs(50),
        percentileMs(90),
        percentileMs(99),
        maxMs(),
        bulkMbitPerSecond());
  }
}
