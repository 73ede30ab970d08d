package org.jsctp.testkit.sim;

/** The first seed of a {@link SeedSoak} whose run failed, with that run's simulator and cause. */
public final class SoakFailure extends AssertionError {

  private static final long serialVersionUID = 1L;

  private final long seed;
  private final int run;
  private final transient Simulator simulator;

  SoakFailure(long seed, int run, int runs, Simulator simulator, Throwable cause) {
    super("soak failed at seed " + seed + " on run " + (run + 1) + " of " + runs + ": " + cause
        + "\n" + SimSeed.describe(seed), cause);
    this.seed = seed;
    this.run = run;
    this.simulator = simulator;
  }

  /** The failing seed. */
  public long seed() {
    return seed;
  }

  /** Index of the failing run, from 0. */
  public int run() {
    return run;
  }

  /** The failed run's simulator, to write its capture; {@code null} after deserialization. */
  public Simulator simulator() {
    return simulator;
  }
}
