package org.jsctp.examples;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Argument checks that fail as usage errors: picocli prints the message and usage, exit code 2. */
final class Usage {

  private Usage() {}

  /**
   * Throws a usage error of {@code spec}'s command with {@code message} unless {@code ok}.
   *
   * @throws ParameterException when {@code ok} is false
   */
  static void check(CommandSpec spec, boolean ok, String message) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }

  /**
   * Throws a usage error of {@code spec}'s command, "{@code option} must be min..max, got value",
   * unless {@code value} is within {@code min..max}.
   *
   * @throws ParameterException when {@code value} is outside the range
   */
  static void checkRange(CommandSpec spec, String option, long value, long min, long max) {
    check(
        spec,
        value >= min && value <= max,
        option + " must be " + min + ".." + max + ", got " + value);
  }
}
