package org.jsctp.testkit.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one scenario over many seeds and stops at the first that fails, reporting it as a {@link
 * SoakFailure}. The number of seeds comes from {@code -Dsim.soak.count} (default {@value
 * #DEFAULT_COUNT}, for CI); the seeds follow from {@code -Dsim.soak.base} or a fresh printed
 * base. With {@code -Dsim.seed=N} only seed N runs, which replays a reported failure.
 */
public final class SeedSoak {

  /** System property with the number of seeds. */
  public static final String COUNT_PROPERTY = "sim.soak.count";

  /** System property with the base the seeds are derived from. */
  public static final String BASE_PROPERTY = "sim.soak.base";

  /** The base seed when {@value #BASE_PROPERTY} is not set, so that CI runs the same seeds. */
  public static final long DEFAULT_BASE = 20_261_121L;

  /** Seeds per soak when {@value #COUNT_PROPERTY} is not set. */
  public static final int DEFAULT_COUNT = 20;

  /** One run of the scenario in a fresh simulator. */
  @FunctionalInterface
  public interface Scenario {
    /** Sets up and drives {@code simulator}; throws (an assertion, say) when the run is wrong. */
    void run(Simulator simulator) throws Exception;
  }

  private SeedSoak() {}

  /** Runs {@code scenario} over the seeds the system properties ask for. */
  public static void run(Scenario scenario) {
    run(count(), scenario);
  }

  /** Runs {@code scenario} over {@code count} seeds (or only {@code -Dsim.seed}). */
  public static void run(int count, Scenario scenario) {
    List<Long> seeds;
    if (SimSeed.fromProperty().isPresent()) {
      seeds = List.of(SimSeed.fromProperty().getAsLong());
    } else {
      // A fixed base keeps CI deterministic; -Dsim.soak.base=random explores new seeds.
      String text = System.getProperty(BASE_PROPERTY);
      long base;
      if (text == null || text.isBlank()) {
        base = DEFAULT_BASE;
      } else if (text.trim().equals("random")) {
        base = SimSeed.fresh();
      } else {
        base = SimSeed.parse(text.trim());
      }
      System.out.println("[sim] soak over " + count + " seeds from base " + base
          + " (replay all with -D" + BASE_PROPERTY + "=" + base + ")");
      seeds = seeds(base, count);
    }
    for (int i = 0; i < seeds.size(); i++) {
      long seed = seeds.get(i);
      Simulator simulator = Simulator.withSeed(seed);
      try {
        scenario.run(simulator);
      } catch (Exception | AssertionError e) {
        throw new SoakFailure(seed, i, seeds.size(), simulator, e);
      }
    }
  }

  /** The number of seeds from {@value #COUNT_PROPERTY}, or {@value #DEFAULT_COUNT}. */
  public static int count() {
    return count(DEFAULT_COUNT);
  }

  /** The number of seeds from {@value #COUNT_PROPERTY}, or {@code defaultCount}. */
  public static int count(int defaultCount) {
    String text = System.getProperty(COUNT_PROPERTY);
    if (text == null || text.isBlank()) {
      return defaultCount;
    }
    int count = Integer.parseInt(text.trim());
    if (count <= 0) {
      throw new IllegalArgumentException("-D" + COUNT_PROPERTY + " must be positive: " + count);
    }
    return count;
  }

  /** The {@code count} seeds derived from {@code base}. */
  public static List<Long> seeds(long base, int count) {
    List<Long> seeds = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      seeds.add(SeedStreams.nth(base, i));
    }
    return seeds;
  }
}
