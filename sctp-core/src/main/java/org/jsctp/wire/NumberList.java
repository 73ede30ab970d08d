package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A list of 8- or 16-bit numbers on the wire (chunk types, HMAC identifiers, address types, stream
 * numbers), filling the rest of a parameter or cause that is zero padded after it.
 */
enum NumberList {
  U8(1),
  U16(2);

  private final int width;

  NumberList(int width) {
    this.width = width;
  }

  private void check(int value, String name) {
    if (this == U8) {
      Wire.checkU8(value, name);
    } else {
      Wire.checkU16(value, name);
    }
  }

  private int read(byte[] b, int off) {
    return this == U8 ? Wire.u8(b, off) : Wire.u16(b, off);
  }

  private void put(ByteBuffer out, int value) {
    if (this == U8) {
      out.put((byte) value);
    } else {
      out.putShort((short) value);
    }
  }

  /** A copy of {@code values}, each checked to fit the width. */
  List<Integer> checked(List<Integer> values, String name) {
    List<Integer> copy = List.copyOf(values);
    for (Integer v : copy) {
      check(v, name);
    }
    return copy;
  }

  /** {@link #checked} for a parameter holding only the list: it must fit a 16-bit Length. */
  List<Integer> checkedTlv(List<Integer> values, String name, String what) {
    List<Integer> copy = checked(values, name);
    Wire.checkEncodedLength(tlvLength(copy), what);
    return copy;
  }

  /** The numbers filling {@code b[off, off + len)}, which must hold a whole number of them. */
  List<Integer> parse(byte[] b, int off, int len, String what) throws WireFormatException {
    int n = Wire.entryCount(len, width, what);
    Integer[] values = new Integer[n];
    for (int i = 0; i < n; i++) {
      values[i] = read(b, off + width * i);
    }
    return List.of(values);
  }

  /** The bytes the numbers take, without padding. */
  int length(List<Integer> values) {
    return width * values.size();
  }

  /** The Length of a parameter holding only the list. */
  int tlvLength(List<Integer> values) {
    return Wire.TLV_HEADER + length(values);
  }

  /** Writes the numbers, without padding. */
  void write(ByteBuffer out, List<Integer> values) {
    for (Integer v : values) {
      put(out, v);
    }
  }

  /** Writes a parameter holding only the list: header, numbers and padding. */
  void writeTlv(ByteBuffer out, int type, List<Integer> values) {
    Wire.writeTlvHeader(out, type, tlvLength(values));
    write(out, values);
    Wire.writePadding(out, tlvLength(values));
  }
}
