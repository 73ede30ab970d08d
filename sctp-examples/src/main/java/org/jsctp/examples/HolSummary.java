package org.jsctp.examples;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The table that ends a {@code hol} benchmark: per mode, the median over the rounds of each run's
 * median, 99th percentile and maximum latency, with the range over the rounds; the ratio of the
 * run's median latency to that of the first mode in the same round (rounds interleave the modes,
 * so a ratio compares runs a few seconds apart); and the bulk throughput. Latencies in
 * milliseconds.
 */
final class HolSummary {

  private final List<HolMode> modes;
  private final int rounds;
  private final List<HolResult> results;

  HolSummary(List<HolMode> modes, int rounds, List<HolResult> results) {
    this.modes = modes;
    this.rounds = rounds;
    this.results = results;
  }

  String table() {
    HolMode baseline = modes.get(0);
    StringBuilder t = new StringBuilder();
    t.append("| mode | p50 ms | p99 ms | max ms | p50 / ").append(baseline.label())
        .append(" p50 | bulk Mbit/s | undelivered |\n");
    t.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (HolMode mode : modes) {
      double[] ratios = new double[rounds];
      int undelivered = 0;
      for (int round = 1; round <= rounds; round++) {
        ratios[round - 1] = of(mode, round).percentileMs(50) / of(baseline, round).percentileMs(50);
        undelivered += of(mode, round).undelivered();
      }
      t.append("| ").append(mode.label())
          .append(" | ").append(spread(over(mode, r -> r.percentileMs(50)), "%.1f"))
          .append(" | ").append(spread(over(mode, r -> r.percentileMs(99)), "%.1f"))
          .append(" | ").append(spread(over(mode, HolResult::maxMs), "%.1f"))
          .append(" | ").append(spread(ratios, "%.3f"))
          .append(" | ").append(spread(over(mode, HolResult::bulkMbitPerSecond), "%.0f"))
          .append(" | ").append(undelivered)
          .append(" |\n");
    }
    t.append("\nEach cell: the median over ").append(rounds)
        .append(" rounds, then the lowest and highest in brackets.\n");
    return t.toString();
  }

  private HolResult of(HolMode mode, int round) {
    for (HolResult r : results) {
      if (r.mode().equals(mode) && r.round() == round) {
        return r;
      }
    }
    throw new IllegalArgumentException("no run of " + mode.label() + " in round " + round);
  }

  private double[] over(HolMode mode, ToDoubleFunction<HolResult> value) {
    double[] v = new double[rounds];
    for (int round = 1; round <= rounds; round++) {
      v[round - 1] = value.applyAsDouble(of(mode, round));
    }
    return v;
  }

  /** "median [lowest, highest]", the median by nearest rank. */
  static String spread(double[] values, String format) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double median = sorted[(int) Math.ceil(sorted.length / 2.0) - 1];
    String f = format + " [" + format + ", " + format + "]";
    return String.format(Locale.ROOT, f, median, sorted[0], sorted[sorted.length - 1]);
  }
}
