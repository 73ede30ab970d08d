package org.jsctp.wire;

import java.util.zip.CRC32C;

/**
 * The SCTP checksum (RFC 9260 section 6.8 and appendix A): CRC32c (Castagnoli) over the whole
 * packet with the 4-byte checksum field at offset 8 counted as zero. The value goes on the wire
 * least-significant byte first, unlike every other SCTP field.
 */
public final class Crc32c {

  private static final byte[] ZERO_CHECKSUM = new byte[4];

  private Crc32c() {}

  /** The plain CRC32c of a byte range ("123456789" gives 0xE3069283). */
  public static int crc(byte[] data, int off, int len) {
    CRC32C crc = new CRC32C();
    crc.update(data, off, len);
    return (int) crc.getValue();
  }

  /**
   * The checksum of the SCTP packet in {@code packet[off, off + len)}, with its checksum field
   * (bytes 8..11 of the packet) counted as zero whatever it holds. Nothing is copied.
   *
   * @throws IllegalArgumentException if {@code len} is below the 12-byte common header
   */
  public static int compute(byte[] packet, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, packet.length);
    if (len < CommonHeader.LENGTH) {
      throw new IllegalArgumentException("an SCTP packet has at least 12 bytes: " + len);
    }
    CRC32C crc = new CRC32C();
    crc.update(packet, off, 8);
    crc.update(ZERO_CHECKSUM, 0, 4);
    crc.update(packet, off + CommonHeader.LENGTH, len - CommonHeader.LENGTH);
    return (int) crc.getValue();
  }

  /** Computes the checksum and stores it in the packet's checksum field. */
  public static void write(byte[] packet, int off, int len) {
    int value = compute(packet, off, len);
    // RFC 9260 appendix A: the CRC is stored least-significant byte first.
    packet[off + 8] = (byte) value;
    packet[off + 9] = (byte) (value >>> 8);
    packet[off + 10] = (byte) (value >>> 16);
    packet[off + 11] = (byte) (value >>> 24);
  }

  /** Whether the packet's checksum field holds its checksum. */
  public static boolean verify(byte[] packet, int off, int len) {
    return compute(packet, off, len) == read(packet, off);
  }

  /** The value in the checksum field of the packet starting at {@code off}. */
  static int read(byte[] packet, int off) {
    return (packet[off + 8] & 0xFF)
        | (packet[off + 9] & 0xFF) << 8
        | (packet[off + 10] & 0xFF) << 16
        | (packet[off + 11] & 0xFF) << 24;
  }
}
