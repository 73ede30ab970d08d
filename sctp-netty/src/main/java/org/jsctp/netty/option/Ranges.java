package org.jsctp.netty.option;

/** Range checks whose messages name the option, the field and the allowed range. */
final class Ranges {

  private Ranges() {}

  static long check(String option, String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          option + " " + field + " = " + value + " is out of range " + min + ".." + max);
    }
    return value;
  }
}
