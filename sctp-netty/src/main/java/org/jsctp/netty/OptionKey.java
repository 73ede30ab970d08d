package org.jsctp.netty;

import java.util.Objects;

/**
 * The implementation of {@link SctpSocketOption}: a name, a value type and a range check whose
 * message names the option and its allowed range.
 */
final class OptionKey<T> implements SctpSocketOption<T> {

  /** Checks a value; throws IllegalArgumentException naming the option and range. */
  @FunctionalInterface
  interface Check<T> {
    void check(String option, T value);
  }

  private final String name;
  private final Class<T> type;
  private final Check<T> check;

  OptionKey(String name, Class<T> type, Check<T> check) {
    this.name = name;
    this.type = type;
    this.check = check;
  }

  static OptionKey<Integer> intRange(String name, long min, long max) {
    return new OptionKey<>(
        name,
        Integer.class,
        (option, v) -> {
          if (v < min || v > max) {
            throw new IllegalArgumentException(
                option + " = " + v + " is out of range " + min + ".." + max);
          }
        });
  }

  static <T> OptionKey<T> of(String name, Class<T> type) {
    return new OptionKey<>(name, type, (option, v) -> {});
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Class<T> type() {
    return type;
  }

  /** Checks a value given by the application; null is refused. */
  T validate(Object value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " needs a value, got null");
    }
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          name + " takes a " + type.getSimpleName() + ", got a " + value.getClass().getName());
    }
    T v = type.cast(value);
    check.check(name, v);
    return v;
  }

  @Override
  public String toString() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(name);
  }
}
