package org.jsctp.association.fuzz;

/** The one way the fuzz driver reports a broken invariant: an {@link AssertionError}, a finding. */
final class Checks {

  private Checks() {}

  static void check(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new AssertionError(String.format(format, args));
    }
  }
}
