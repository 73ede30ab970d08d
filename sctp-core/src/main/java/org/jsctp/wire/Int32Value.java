package org.jsctp.wire;

import java.nio.ByteBuffer;

/** Parameters and causes whose value is one 32-bit field, so whose Length is always 8. */
final class Int32Value {

  /** The Length field: header plus the 32-bit value. */
  static final int ENCODED_LENGTH = Wire.TLV_HEADER + 4;

  private Int32Value() {}

  /** Checks the Length is 8 and reads the value. */
  static int parse(byte[] b, int off, int len, String what) throws WireFormatException {
    Wire.requireValueLength(len, 4, what);
    return Wire.i32(b, off);
  }

  /** {@link #parse} for an unsigned value. */
  static long parseUnsigned(byte[] b, int off, int len, String what) throws WireFormatException {
    return Integer.toUnsignedLong(parse(b, off, len, what));
  }

  /** Writes header and value. */
  static void writeTlv(ByteBuffer out, int type, int value) {
    Wire.writeTlvHeader(out, type, ENCODED_LENGTH);
    out.putInt(value);
  }
}
