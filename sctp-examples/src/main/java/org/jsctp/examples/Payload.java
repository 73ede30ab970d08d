package org.jsctp.examples;

import java.nio.ByteBuffer;

/**
 * The content of echo message {@code seq}: its sequence number (8 bytes, when it fits) followed by
 * bytes derived from the sequence number and the position, so that every echoed byte can be
 * checked.
 */
final class Payload {

  private Payload() {}

  static byte at(long seq, int i) {
    return (byte) (seq * 31 + i * 7 + (i >>> 8));
  }

  static byte[] build(long seq, int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = at(seq, i);
    }
    if (size >= 8) {
      ByteBuffer.wrap(b).putLong(0, seq);
    }
    return b;
  }

  /** The sequence number of a received message, or -1 when it is too short to carry one. */
  static long sequence(byte[] b, int length) {
    return length >= 8 ? ByteBuffer.wrap(b).getLong(0) : -1;
  }

  /** Whether {@code b[0..length)} is exactly message {@code seq} of {@code size} bytes. */
  static boolean matches(byte[] b, int length, long seq, int size) {
    if (length != size) {
      return false;
    }
    byte[] expected = build(seq, size);
    for (int i = 0; i < size; i++) {
      if (b[i] != expected[i]) {
        return false;
      }
    }
    return true;
  }
}
