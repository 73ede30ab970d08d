package org.jsctp.examples;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --interval SECONDS} of the throughput tools: how often to print an INTERVAL line. */
final class IntervalOption {

  static final double MIN_SECONDS = 0.01;
  static final double MAX_SECONDS = 3600;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--interval", defaultValue = "0", paramLabel = "SECONDS",
      description = "Print an INTERVAL line every SECONDS (decimals allowed, e.g. 0.5), "
          + "as iperf does; 0 = off (default: ${DEFAULT-VALUE}).")
  double seconds;

  /**
   * Checks the value: 0, or 0.01..3600 seconds.
   *
   * @throws picocli.CommandLine.ParameterException (exit code 2) when it is neither
   */
  void validate() {
    Usage.check(spec, seconds == 0 || (seconds >= MIN_SECONDS && seconds <= MAX_SECONDS),
        "--interval must be 0 (off) or " + MIN_SECONDS + ".." + MAX_SECONDS + " seconds, got "
            + seconds);
  }

  boolean on() {
    return seconds > 0;
  }

  long nanos() {
    return Math.round(seconds * 1e9);
  }
}
