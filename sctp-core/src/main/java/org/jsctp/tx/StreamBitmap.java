package org.jsctp.tx;

import java.util.Arrays;

/**
 * A set of streams in stream order, for the round-robin schedulers: a bitmap in three levels of 64
 * (a bit per stream; a bit per word of the level below, set while that word is not 0), so that the
 * next stream at or after a given one is found in a few word operations whatever the number of
 * streams. The words grow with the highest stream added: 65536 streams take 1041 longs.
 */
final class StreamBitmap {

  /** Level 0 has a bit per stream; the single word of level 2 covers 262144 streams. */
  private final long[][] levels = {new long[0], new long[0], new long[1]};

  void add(int stream) {
    if (stream >>> 6 >= levels[0].length) {
      grow(stream >>> 6);
    }
    int bit = stream;
    for (long[] words : levels) {
      words[bit >>> 6] |= 1L << bit;
      bit >>>= 6;
    }
  }

  void remove(int stream) {
    if (stream >>> 6 >= levels[0].length) {
      return;
    }
    int bit = stream;
    for (long[] words : levels) {
      int word = bit >>> 6;
      words[word] &= ~(1L << bit);
      if (words[word] != 0) {
        return;
      }
      bit = word;
    }
  }

  boolean contains(int stream) {
    int word = stream >>> 6;
    return word < levels[0].length && (levels[0][word] & (1L << stream)) != 0;
  }

  boolean isEmpty() {
    return levels[levels.length - 1][0] == 0;
  }

  /** The first stream at or after {@code from} in the set, or -1. */
  int nextAtOrAfter(int from) {
    return next(0, from);
  }

  /** The first bit at or after {@code from} set in {@code level}, or -1. */
  private int next(int level, int from) {
    if (level == levels.length) {
      return -1;
    }
    long[] words = levels[level];
    int word = from >>> 6;
    if (word >= words.length) {
      return -1;
    }
    long bits = words[word] & (-1L << from);
    if (bits != 0) {
      return (word << 6) + Long.numberOfTrailingZeros(bits);
    }
    int next = next(level + 1, word + 1);
    return next < 0 ? -1 : (next << 6) + Long.numberOfTrailingZeros(words[next]);
  }

  private void grow(int word) {
    int words = Math.max(word + 1,
        Math.min(StreamInts.MAX_STREAMS >>> 6, Math.max(4, levels[0].length * 2)));
    levels[0] = Arrays.copyOf(levels[0], words);
    levels[1] = Arrays.copyOf(levels[1], (words + 63) >>> 6);
  }

  void clear() {
    for (long[] words : levels) {
      Arrays.fill(words, 0);
    }
  }
}
