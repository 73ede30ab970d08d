package org.jsctp.testkit.sim;

import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Where a randomized run gets its seed: {@code -Dsim.seed=N} (decimal, or hex with {@code 0x})
 * replays a run exactly; without it each run draws a fresh seed, which it must print.
 */
public final class SimSeed {

  /** The system property that fixes the seed. */
  public static final String PROPERTY = "sim.seed";

  private SimSeed() {}

  /** The seed from {@code -Dsim.seed}, or a fresh one. */
  public static long resolve() {
    return fromProperty().orElseGet(SimSeed::fresh);
  }

  /**
   * The seed from {@code -Dsim.seed}, or one fixed by {@code name} (so that a test runs the same
   * way every time unless asked otherwise); {@code -Dsim.seed=random} draws a fresh one.
   */
  public static long resolve(String name) {
    String text = System.getProperty(PROPERTY);
    if (text != null && text.trim().equals("random")) {
      return fresh();
    }
    return fromProperty().orElseGet(() -> SeedStreams.nth(name.hashCode(), 0));
  }

  /** The seed from {@code -Dsim.seed}, if given. */
  public static OptionalLong fromProperty() {
    String text = System.getProperty(PROPERTY);
    if (text == null || text.isBlank() || text.trim().equals("random")) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(parse(text.trim()));
  }

  /** A seed nobody chose: the only nondeterminism of a simulated run, so print it. */
  public static long fresh() {
    return new SplittableRandom().nextLong();
  }

  /** {@code sim.seed=N (replay with -Dsim.seed=N)}. */
  public static String describe(long seed) {
    return PROPERTY + "=" + seed + " (replay with -D" + PROPERTY + "=" + seed + ")";
  }

  static long parse(String text) {
    try {
      if (text.startsWith("0x") || text.startsWith("0X")) {
        return Long.parseUnsignedLong(text.substring(2), 16);
      }
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + PROPERTY + " is not a number: " + text, e);
    }
  }
}
