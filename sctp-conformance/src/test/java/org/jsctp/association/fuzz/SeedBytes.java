package org.jsctp.association.fuzz;

import java.io.ByteArrayOutputStream;

/**
 * The byte format of {@link Choices} in both directions, without Jazzer's native code: {@link
 * Writer} turns decisions into the bytes from which {@code FuzzedDataProvider.consumeInt(min,
 * max)} reads them back, and {@link #reader(byte[])} reads bytes as it does. An integer in a
 * range of {@code n} bytes takes {@code n} bytes from the end of the input, the first taken being
 * the most significant, modulo the range size (libFuzzer's {@code ConsumeIntegralInRange}).
 */
final class SeedBytes {

  private SeedBytes() {}

  /** Bytes that {@code consumeInt(min, max)} needs for this range. */
  private static int width(int min, int max) {
    long range = (long) max - min;
    int n = 0;
    while (n < 4 && (range >>> (8 * n)) > 0) {
      n++;
    }
    return n;
  }

  /** Reads {@code data} as Jazzer's {@code FuzzedDataProvider.consumeInt(min, max)} does. */
  static Choices reader(byte[] data) {
    return new Choices() {
      private int remaining = data.length;

      @Override
      public int pick(int min, int max) {
        long range = (long) max - min;
        long result = 0;
        for (int i = 0; i < width(min, max) && remaining > 0; i++) {
          result = (result << 8) | (data[--remaining] & 0xFF);
        }
        return (int) (min + result % (range + 1));
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
      if (value < min || value > max) {
        throw new IllegalArgumentException(value + " outside [" + min + ", " + max + "]");
      }
      int n = width(min, max);
      long r = (long) value - min;
      for (int i = n - 1; i >= 0; i--) {
        forward.write((int) (r >>> (8 * i)));
      }
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
