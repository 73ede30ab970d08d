package org.jsctp.interop;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The messages of a chaos run, all derived from the run's seed and the message's number: its size
 * (mostly below one packet, a quarter of them fragmented into up to 5 DATA chunks, a few into up to
 * 15), the stream it goes on, whether it is unordered, and its bytes. An echo or a piece of data
 * the stack hands back is checked against the message it names without the sender keeping a copy.
 *
 * <p>The message number travels as the PPID (the echo servers return it unchanged), so a run can
 * send 2^32 messages.
 */
final class ChaosPayload {

  static final int MAX_SIZE = 20_000;

  /** What message {@code id} looks like apart from its bytes. */
  record Spec(long id, int size, int streamPick, boolean unordered) {
    /** The stream among {@code streams} outbound ones. */
    int stream(int streams) {
      return streamPick % streams;
    }

    /** The PPID that carries the message number. */
    int ppid() {
      return (int) id;
    }
  }

  private final long seed;

  ChaosPayload(long seed) {
    this.seed = seed;
  }

  /** The message number a PPID carries. */
  static long idOf(int ppid) {
    return Integer.toUnsignedLong(ppid);
  }

  Spec spec(long id) {
    SplittableRandom r = new SplittableRandom(key(id));
    int p = r.nextInt(100);
    int size;
    if (p < 70) {
      size = 1 + r.nextInt(1200);
    } else if (p < 95) {
      size = 1200 + r.nextInt(4800);
    } else {
      size = 6000 + r.nextInt(MAX_SIZE - 6000 + 1);
    }
    return new Spec(id, size, r.nextInt(1 << 16), r.nextInt(8) == 0);
  }

  /** The bytes of message {@code id}. */
  byte[] bytes(long id) {
    byte[] b = new byte[spec(id).size()];
    SplittableRandom r = new SplittableRandom(~key(id));
    for (int i = 0; i < b.length; i += 8) {
      long v = r.nextLong();
      for (int j = 0; j < 8 && i + j < b.length; j++) {
        b[i + j] = (byte) (v >>> (8 * j));
      }
    }
    return b;
  }

  /** Whether {@code data[0..length)} is message {@code id}, whole and unchanged. */
  boolean isWhole(long id, byte[] data, int length) {
    byte[] expected = bytes(id);
    return expected.length == length && Arrays.equals(expected, 0, length, data, 0, length);
  }

  /**
   * Whether {@code piece} is a non-empty part of message {@code id} as it is: where it starts is
   * not known (a fragment, the unsent rest, or the whole message).
   */
  boolean isPart(long id, byte[] piece) {
    byte[] m = bytes(id);
    if (piece.length == 0 || piece.length > m.length) {
      return false;
    }
    for (int at = 0; at + piece.length <= m.length; at++) {
      if (Arrays.equals(m, at, at + piece.length, piece, 0, piece.length)) {
        return true;
      }
    }
    return false;
  }

  private long key(long id) {
    // SplitMix64's finaliser: neighbouring ids and seeds give unrelated streams.
    long z = seed + 0x9E3779B97F4A7C15L * (id + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
