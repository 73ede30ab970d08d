package org.jsctp.testkit.sim;

import java.util.List;

/**
 * A simulation that could not go on or did not reach its goal: the message names the seed (to
 * replay with {@code -Dsim.seed=}), the virtual time and the last events.
 */
public final class SimulationFailure extends AssertionError {

  private static final long serialVersionUID = 1L;

  private final long seed;
  private final long atNanos;
  private final List<String> recentEvents;
  private final transient Simulator simulator;

  SimulationFailure(String reason, Simulator simulator, List<String> recentEvents, Throwable cause) {
    super(message(reason, simulator.seed(), simulator.now(), recentEvents), cause);
    this.seed = simulator.seed();
    this.atNanos = simulator.now();
    this.recentEvents = List.copyOf(recentEvents);
    this.simulator = simulator;
  }

  /** The seed of the failed run. */
  public long seed() {
    return seed;
  }

  /** Virtual time of the failure. */
  public long atNanos() {
    return atNanos;
  }

  /** The last events before the failure, oldest first. */
  public List<String> recentEvents() {
    return recentEvents;
  }

  /** The simulator that failed, to write its capture; {@code null} after deserialization. */
  public Simulator simulator() {
    return simulator;
  }

  private static String message(String reason, long seed, long now, List<String> recent) {
    StringBuilder text = new StringBuilder(reason)
        .append(" (").append(SimSeed.describe(seed)).append(", t=").append(SimTime.format(now))
        .append(')');
    if (!recent.isEmpty()) {
      text.append("\nlast events:");
      for (String line : recent) {
        text.append("\n  ").append(line);
      }
    }
    return text.toString();
  }
}
