package org.jsctp.tx;

import java.util.Arrays;

/**
 * One int per outbound stream, 0 until written. The array grows to the highest stream written
 * (at most 65536 entries), so an association that uses a few low streams holds a few ints however
 * many streams it negotiated.
 */
final class StreamInts {

  /** Stream identifiers are 16 bits (RFC 9260 section 3.3.1). */
  static final int MAX_STREAMS = 1 << 16;

  private int[] values = new int[0];

  int get(int stream) {
    return stream < values.length ? values[stream] : 0;
  }

  void set(int stream, int value) {
    if (stream >= values.length) {
      if (value == 0) {
        return;
      }
      values = Arrays.copyOf(values,
          Math.max(stream + 1, Math.min(MAX_STREAMS, Math.max(16, values.length * 2))));
    }
    values[stream] = value;
  }

  /** One more than the highest stream that may hold a value other than 0. */
  int limit() {
    return values.length;
  }

  void clear() {
    Arrays.fill(values, 0);
  }
}
