package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * The SCTP common header (RFC 9260 section 3.1), 12 bytes in network byte order except the
 * checksum:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Source Port Number        |     Destination Port Number   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Verification Tag                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           Checksum                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param sourcePort 0..65535 (0 is refused on decode)
 * @param destinationPort 0..65535 (0 is refused on decode)
 * @param verificationTag 32-bit unsigned tag carried in an {@code int}
 * @param checksum the CRC32c value as {@link Crc32c#compute} returns it; on the wire it is stored
 *     least-significant byte first. Ignored when encoding: the encoder computes it.
 */
public record CommonHeader(int sourcePort, int destinationPort, int verificationTag, int checksum) {

  /** The size of the common header in bytes. */
  public static final int LENGTH = 12;

  /** Checks the ports are in 0..65535. */
  public CommonHeader {
    Wire.checkU16(sourcePort, "sourcePort");
    Wire.checkU16(destinationPort, "destinationPort");
  }

  static CommonHeader parse(byte[] b, int off) {
    return new CommonHeader(
        Wire.u16(b, off), Wire.u16(b, off + 2), Wire.i32(b, off + 4), Crc32c.read(b, off));
  }

  /** Writes the header with a zero checksum field, to be filled in by {@link Crc32c#write}. */
  void writeTo(ByteBuffer out) {
    out.putShort((short) sourcePort);
    out.putShort((short) destinationPort);
    out.putInt(verificationTag);
    out.putInt(0);
  }

  @Override
  public String toString() {
    return "CommonHeader["
        + sourcePort
        + " -> "
        + destinationPort
        + ", vtag=0x"
        + Integer.toHexString(verificationTag)
        + ", crc=0x"
        + Integer.toHexString(checksum)
        + "]";
  }
}
