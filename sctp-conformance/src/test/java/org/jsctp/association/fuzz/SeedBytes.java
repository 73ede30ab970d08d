package org.jsctp.association.fuzz;

import java.io.ByteArrayOutputStream;

/**
 * The byte format of {@link Choices} in both directions, without Jazzer's native code: {@link
 * Writer} turns decisions into the bytes from which {@code FuzzedDataProvider.consumeInt(min,
 * max)} reads them back, and {@link #reader(byte[])} reads bytes as it does.
 *
 * <p>Every range the decoder uses spans at most 256 values, so each decision takes one byte, from
 * the end of the input towards its start. Jazzer 0.30 answers a byte {@code b} (0 to 255, or 0
 * once the input is used up) with {@code b} itself when it lies in {@code [min, max]}, and with
 * {@code min + b % (max - min + 1)} otherwise (unlike libFuzzer, which always takes the second
 * form). {@code AssociationFuzzSeedsTest} checks this against Jazzer's own provider.
 */
final class SeedBytes {

  private SeedBytes() {}

  /** The value {@code consumeInt(min, max)} gives for byte {@code b}. */
  static int value(int b, int min, int max) {
    checkRange(min, max);
    return b >= min && b <= max ? b : min + b % (max - min + 1);
  }

  private static void checkRange(int min, int max) {
    if (max < min || (long) max - min > 255) {
      throw new IllegalArgumentException("only ranges of 1 to 256 values: " + min + ".." + max);
    }
  }

  /** Reads {@code data} as Jazzer's {@code FuzzedDataProvider.consumeInt(min, max)} does. */
  static Choices reader(byte[] data) {
    return new Choices() {
      private int remaining = data.length;

      @Override
      public int pick(int min, int max) {
        int b = 0;
        if (min != max && remaining > 0) {
          b = data[--remaining] & 0xFF;
        }
        return value(b, min, max);
      }

      @Override
      public boolean exhausted() {
        return remaining == 0;
      }
    };
  }

  /** Records decisions and writes them as bytes that {@link #reader} reads back. */
  static final class Writer {
    private final ByteArrayOutputStream forward = new ByteArrayOutputStream();

    /** The next decision, a pick in {@code [min, max]}, is {@code value}. */
    void write(int min, int max, int value) {
      checkRange(min, max);
      if (value < min || value > max) {
        throw new IllegalArgumentException(value + " outside [" + min + ", " + max + "]");
      }
      if (min == max) {
        return;
      }
      for (int b = 0; b < 256; b++) {
        if (value(b, min, max) == value) {
          forward.write(b);
          return;
        }
      }
      throw new AssertionError("no byte gives " + value + " in [" + min + ", " + max + "]");
    }

    /** The input: the decisions' bytes in reading order, reversed, since reading starts at the end. */
    byte[] toBytes() {
      byte[] f = forward.toByteArray();
      byte[] reversed = new byte[f.length];
      for (int i = 0; i < f.length; i++) {
        reversed[i] = f[f.length - 1 - i];
      }
      return reversed;
    }
  }
}
