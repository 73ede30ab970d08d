package org.jsctp.association.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * Where the fuzz driver's decisions come from: the fuzzer's bytes while fuzzing, a seed file in
 * regression mode. Every decision is one bounded integer, read as Jazzer's {@link
 * FuzzedDataProvider#consumeInt(int, int)} reads it, so that a seed can be written by hand (see
 * {@link SeedBytes}).
 */
interface Choices {

  /** A value in {@code [min, max]}; {@code min} once the input is used up. */
  int pick(int min, int max);

  /** Whether the input is used up. */
  boolean exhausted();

  default boolean flag() {
    return pick(0, 1) == 1;
  }

  /** A value from {@code table}, chosen by its index. */
  default int pickFrom(int[] table) {
    return table[pick(0, table.length - 1)];
  }

  /** A value from {@code table}, chosen by its index. */
  default long pickFrom(long[] table) {
    return table[pick(0, table.length - 1)];
  }

  /** The fuzzer's bytes. */
  static Choices of(FuzzedDataProvider data) {
    return new Choices() {
      @Override
      public int pick(int min, int max) {
        return data.consumeInt(min, max);
      }

      @Override
      public boolean exhausted() {
        return data.remainingBytes() == 0;
      }
    };
  }
}
