package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Parameters, causes and chunks whose whole value is opaque bytes after the 4-byte header, zero
 * padded to a multiple of 4 on the wire (RFC 9260 section 3.2).
 */
final class OpaqueValue {

  private OpaqueValue() {}

  /** Checks that {@code value} is present and that header plus value fit a 16-bit Length. */
  static void check(Bytes value, String name, String what) {
    Objects.requireNonNull(value, name);
    Wire.checkEncodedLength(encodedLength(value), what);
  }

  /** The Length field: header plus value. */
  static int encodedLength(Bytes value) {
    return Wire.TLV_HEADER + value.length();
  }

  /** Writes a parameter or cause: header, value and padding. */
  static void writeTlv(ByteBuffer out, int type, Bytes value) {
    Wire.writeTlvHeader(out, type, encodedLength(value));
    writePadded(out, value);
  }

  /** Writes a chunk: header, value and padding. */
  static void writeChunk(ByteBuffer out, int type, int flags, Bytes value) {
    Wire.writeChunkHeader(out, type, flags, encodedLength(value));
    writePadded(out, value);
  }

  private static void writePadded(ByteBuffer out, Bytes value) {
    value.writeTo(out);
    Wire.writePadding(out, encodedLength(value));
  }
}
