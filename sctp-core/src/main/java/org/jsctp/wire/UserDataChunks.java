package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What DATA and I-DATA share (RFC 9260 section 3.3.1, RFC 8260 section 2.1): the I, U, B and E
 * flags, the TSN and stream identifier first, the user data last and zero padded.
 */
final class UserDataChunks {

  private static final int FLAG_E = 0x01;
  private static final int FLAG_B = 0x02;
  private static final int FLAG_U = 0x04;
  private static final int FLAG_I = 0x08;

  private UserDataChunks() {}

  /** The I bit (RFC 7053): the sender asks for a SACK without delay. */
  static boolean immediate(int flags) {
    return (flags & FLAG_I) != 0;
  }

  static boolean unordered(int flags) {
    return (flags & FLAG_U) != 0;
  }

  static boolean beginning(int flags) {
    return (flags & FLAG_B) != 0;
  }

  static boolean ending(int flags) {
    return (flags & FLAG_E) != 0;
  }

  static int flags(boolean immediate, boolean unordered, boolean beginning, boolean ending) {
    return (immediate ? FLAG_I : 0)
        | (unordered ? FLAG_U : 0)
        | (beginning ? FLAG_B : 0)
        | (ending ? FLAG_E : 0);
  }

  /** Checks the user data is present and fits a 16-bit Length after {@code headerLength}. */
  static void checkUserData(Bytes userData, int headerLength, String what) {
    Objects.requireNonNull(userData, "userData");
    Wire.checkEncodedLength(headerLength + userData.length(), what);
  }

  /** The user data after the fixed fields of a chunk value {@code b[off, off + len)}. */
  static Bytes userData(byte[] b, int off, int len, int headerLength) {
    int fields = headerLength - Wire.TLV_HEADER;
    return Bytes.wrap(b, off + fields, len - fields);
  }

  /** Writes the chunk header, TSN and stream identifier. */
  static void writeStart(ByteBuffer out, Chunk chunk, int tsn, int streamId) {
    Wire.writeChunkHeader(out, chunk.type(), chunk.flags(), chunk.encodedLength());
    out.putInt(tsn);
    out.putShort((short) streamId);
  }

  /** Writes the user data and the chunk's padding. */
  static void writeUserData(ByteBuffer out, Bytes userData, int encodedLength) {
    userData.writeTo(out);
    Wire.writePadding(out, encodedLength);
  }

  /** The end of a chunk's {@code toString}: the flags set and the user data's size. */
  static String describe(
      boolean immediate, boolean unordered, boolean beginning, boolean ending, Bytes userData) {
    return (immediate ? " I" : "")
        + (unordered ? " U" : "")
        + (beginning ? " B" : "")
        + (ending ? " E" : "")
        + ", "
        + userData.length()
        + " bytes]";
  }
}
