package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * An immutable sequence of bytes: a view of part of an array that nobody modifies.
 *
 * <p>{@link #wrap(byte[])} and {@link #wrap(byte[], int, int)} do not copy: the caller promises
 * never to modify the wrapped range afterwards. Values decoded by {@link SctpPacket#decode} wrap
 * the input array in this way. {@link #copyOf(byte[])} and {@link #copyOf(ByteBuffer)} take a
 * private copy. Equality and hash code are by content.
 */
public final class Bytes {

  /** The empty sequence. */
  public static final Bytes EMPTY = new Bytes(new byte[0], 0, 0);

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final byte[] array;
  private final int offset;
  private final int length;

  private Bytes(byte[] array, int offset, int length) {
    this.array = array;
    this.offset = offset;
    this.length = length;
  }

  /** Wraps a whole array without copying; the caller must not modify it afterwards. */
  public static Bytes wrap(byte[] array) {
    return wrap(array, 0, array.length);
  }

  /** Wraps part of an array without copying; the caller must not modify that part afterwards. */
  public static Bytes wrap(byte[] array, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, array.length);
    return length == 0 ? EMPTY : new Bytes(array, offset, length);
  }

  /** Copies an array. */
  public static Bytes copyOf(byte[] array) {
    return array.length == 0 ? EMPTY : new Bytes(array.clone(), 0, array.length);
  }

  /** Copies the bytes between the buffer's position and limit; the position does not move. */
  public static Bytes copyOf(ByteBuffer buffer) {
    byte[] copy = new byte[buffer.remaining()];
    buffer.get(buffer.position(), copy);
    return copy.length == 0 ? EMPTY : new Bytes(copy, 0, copy.length);
  }

  /**
   * Parses hexadecimal digits, upper or lower case; whitespace anywhere is ignored.
   *
   * @throws IllegalArgumentException on any other character or an odd number of digits
   */
  public static Bytes fromHex(String hex) {
    byte[] out = new byte[hex.length() / 2];
    int n = 0;
    int high = -1;
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (Character.isWhitespace(c)) {
        continue;
      }
      int digit = Character.digit(c, 16);
      if (digit < 0) {
        throw new IllegalArgumentException("not a hex digit at index " + i + ": '" + c + "'");
      }
      if (high < 0) {
        high = digit;
      } else {
        out[n++] = (byte) (high << 4 | digit);
        high = -1;
      }
    }
    if (high >= 0) {
      throw new IllegalArgumentException("odd number of hex digits");
    }
    return n == 0 ? EMPTY : new Bytes(out, 0, n);
  }

  /** The number of bytes. */
  public int length() {
    return length;
  }

  /** Whether there are no bytes. */
  public boolean isEmpty() {
    return length == 0;
  }

  /** The byte at {@code index} as an unsigned value 0..255. */
  public int get(int index) {
    Objects.checkIndex(index, length);
    return array[offset + index] & 0xFF;
  }

  /** A view of {@code length} bytes from {@code offset}, sharing the storage. */
  public Bytes slice(int offset, int length) {
    Objects.checkFromIndexSize(offset, length, this.length);
    if (offset == 0 && length == this.length) {
      return this;
    }
    return length == 0 ? EMPTY : new Bytes(array, this.offset + offset, length);
  }

  /** Copies all bytes into {@code dst} from {@code dstOffset}. */
  public void copyTo(byte[] dst, int dstOffset) {
    System.arraycopy(array, offset, dst, dstOffset, length);
  }

  /** Puts all bytes into {@code out} at its position, advancing it by {@link #length()}. */
  public void writeTo(ByteBuffer out) {
    out.put(array, offset, length);
  }

  /** A new array holding a copy of the bytes. */
  public byte[] toByteArray() {
    byte[] copy = new byte[length];
    System.arraycopy(array, offset, copy, 0, length);
    return copy;
  }

  /** A read-only buffer over the bytes (no copy), position 0 and limit {@link #length()}. */
  public ByteBuffer asReadOnlyByteBuffer() {
    return ByteBuffer.wrap(array, offset, length).slice().asReadOnlyBuffer();
  }

  /** The bytes as lowercase hexadecimal digits without separators. */
  public String toHex() {
    char[] out = new char[length * 2];
    for (int i = 0; i < length; i++) {
      int b = array[offset + i] & 0xFF;
      out[2 * i] = HEX[b >>> 4];
      out[2 * i + 1] = HEX[b & 0xF];
    }
    return new String(out);
  }

  byte[] array() {
    return array;
  }

  int offset() {
    return offset;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Bytes that) || that.length != length) {
      return false;
    }
    return java.util.Arrays.equals(
        array, offset, offset + length, that.array, that.offset, that.offset + length);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = offset; i < offset + length; i++) {
      h = 31 * h + array[i];
    }
    return h;
  }

  /** The length and up to the first 16 bytes in hex, for logs. */
  @Override
  public String toString() {
    if (length <= 16) {
      return "Bytes[" + length + ": " + toHex() + "]";
    }
    return "Bytes[" + length + ": " + slice(0, 16).toHex() + "...]";
  }
}
