package org.jsctp.association.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * Where the fuzz driver's decisions come from: the fuzzer's bytes while fuzzing, a seed file in
 * regression mode. Every decision is one bounded integer, read with Jazzer's {@link
 * FuzzedDataProvider#consumeInt(int, int)}, so that seeds can be written from actions (see {@link
 * SeedBytes}).
 */
interface Choices {

  /**
   * A value in {@code [min, max]}, a range of at most 256 values (one byte of input each); once
   * the input is used up, the value a zero byte gives (0 when the range holds it, else {@code
   * min}).
   */
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
