package org.jsctp.wire;

import java.util.Objects;

/**
 * The bytes a decoded {@link SctpPacket} came from, for what works on the packet as it was
 * received rather than on its chunks: the HMAC of an AUTH chunk covers the AUTH chunk and every
 * chunk after it as they were on the wire (RFC 4895 section 6.3). The array is shared with the
 * decoded packet and must not be modified.
 *
 * @param array the datagram array
 * @param offset where the SCTP common header starts
 * @param length the SCTP packet's length, common header included
 */
public record RawPacket(byte[] array, int offset, int length) {

  /** Checks that the range lies in the array and holds a common header. */
  public RawPacket {
    Objects.checkFromIndexSize(offset, length, array.length);
    if (length < CommonHeader.LENGTH) {
      throw new IllegalArgumentException("a packet of " + length + " bytes has no common header");
    }
  }

  /** The whole array as one packet. */
  public static RawPacket of(byte[] packet) {
    return new RawPacket(packet, 0, packet.length);
  }

  /** Where the packet ends in the array (exclusive). */
  public int end() {
    return offset + length;
  }

  /**
   * The array offset of the chunk at {@code index} in packet order, found by walking the chunk
   * headers of a packet that decoded; -1 when the packet has fewer chunks.
   */
  public int chunkOffset(int index) {
    int p = offset + CommonHeader.LENGTH;
    int end = end();
    for (int i = 0; i < index && p + Wire.TLV_HEADER <= end; i++) {
      int chunkLength = Wire.u16(array, p + 2);
      if (chunkLength < Wire.TLV_HEADER) {
        return -1;
      }
      p += Wire.pad4(chunkLength);
    }
    return p + Wire.TLV_HEADER <= end ? p : -1;
  }
}
