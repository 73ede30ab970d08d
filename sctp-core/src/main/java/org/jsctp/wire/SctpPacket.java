package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jsctp.wire.WireFormatException.Reason;

/**
 * An SCTP packet (RFC 9260 section 3): the common header followed by one or more chunks, each
 * padded to a multiple of 4 bytes.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Common Header                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Chunk #1                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           ...                                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Chunk #n                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Decoding validates every length before use and throws only {@link WireFormatException}. All
 * chunks are decoded, also those after an unknown chunk whose type says "stop" or after an ABORT:
 * acting on those rules is the protocol's business. Decoded {@link Bytes} values (user data,
 * cookies, unknown values) share the input array without copying: the caller must not modify the
 * input afterwards.
 *
 * @param header the common header; its checksum is the one received, and is ignored by {@link
 *     #encode()}
 * @param chunks the chunks in packet order, at least one
 */
public record SctpPacket(CommonHeader header, List<Chunk> chunks) {

  /** Copies the chunk list and checks it is not empty. */
  public SctpPacket {
    Objects.requireNonNull(header, "header");
    chunks = List.copyOf(chunks);
    if (chunks.isEmpty()) {
      throw new IllegalArgumentException("an SCTP packet has at least one chunk");
    }
  }

  /**
   * Decodes and checks the CRC32c first (RFC 9260 section 6.8). The decoded packet may share
   * {@code data}: do not modify it afterwards.
   *
   * @throws WireFormatException with {@link Reason#BAD_CHECKSUM} for a wrong checksum, or any other
   *     reason for a malformed packet
   */
  public static SctpPacket decode(byte[] data, int off, int len) throws WireFormatException {
    Objects.checkFromIndexSize(off, len, data.length);
    requireHeader(len);
    if (!Crc32c.verify(data, off, len)) {
      throw new WireFormatException(
          Reason.BAD_CHECKSUM,
          "checksum field 0x"
              + Integer.toHexString(Crc32c.read(data, off))
              + ", computed 0x"
              + Integer.toHexString(Crc32c.compute(data, off, len)));
    }
    return decodeUnchecked(data, off, len);
  }

  /** Decodes the whole array, checking the CRC32c first. */
  public static SctpPacket decode(byte[] data) throws WireFormatException {
    return decode(data, 0, data.length);
  }

  /**
   * Decodes the bytes between position and limit, checking the CRC32c first. The buffer's position
   * does not move. A heap buffer is shared without copying; any other is copied.
   */
  public static SctpPacket decode(ByteBuffer buffer) throws WireFormatException {
    if (buffer.hasArray()) {
      return decode(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    }
    byte[] copy = new byte[buffer.remaining()];
    buffer.get(buffer.position(), copy);
    return decode(copy, 0, copy.length);
  }

  /**
   * Decodes without looking at the checksum: for tools, tests and simulator filters. The decoded
   * packet may share {@code data}: do not modify it afterwards.
   *
   * @throws WireFormatException for a malformed packet, never with {@link Reason#BAD_CHECKSUM}
   */
  public static SctpPacket decodeUnchecked(byte[] data, int off, int len)
      throws WireFormatException {
    Objects.checkFromIndexSize(off, len, data.length);
    requireHeader(len);
    CommonHeader header = CommonHeader.parse(data, off);
    // RFC 9260 section 3.1: port 0 is not allowed.
    if (header.sourcePort() == 0 || header.destinationPort() == 0) {
      throw new WireFormatException(
          Reason.ZERO_PORT, "ports " + header.sourcePort() + " -> " + header.destinationPort());
    }
    int end = off + len;
    int p = off + CommonHeader.LENGTH;
    if (p == end) {
      throw new WireFormatException(Reason.NO_CHUNKS, "a common header and no chunk");
    }
    List<Chunk> chunks = new ArrayList<>(4);
    while (p < end) {
      int at = p - off;
      if (end - p < Wire.TLV_HEADER) {
        throw new WireFormatException(
            Reason.CHUNK_PAST_PACKET_END,
            (end - p) + " bytes at offset " + at + ", too few for a chunk header");
      }
      int type = Wire.u8(data, p);
      int flags = Wire.u8(data, p + 1);
      int length = Wire.u16(data, p + 2);
      // RFC 9260 section 3.2: a Length below 4 would never advance (trap 4).
      if (length < Wire.TLV_HEADER) {
        throw new WireFormatException(
            Reason.CHUNK_LENGTH_BELOW_4,
            ChunkType.name(type) + " at offset " + at + " has Length " + length);
      }
      if (length > end - p) {
        throw new WireFormatException(
            Reason.CHUNK_PAST_PACKET_END,
            ChunkType.name(type)
                + " at offset "
                + at
                + " has Length "
                + length
                + ", "
                + (end - p)
                + " bytes left");
      }
      int padded = Wire.pad4(length);
      // RFC 9260 section 3.2: every chunk, the last one too, is padded to 4 bytes.
      if (padded > end - p) {
        throw new WireFormatException(
            Reason.BAD_PADDING,
            "the packet ends inside the padding of " + ChunkType.name(type) + " at offset " + at);
      }
      try {
        chunks.add(Chunks.parse(type, flags, data, p + Wire.TLV_HEADER, length - Wire.TLV_HEADER));
      } catch (WireFormatException e) {
        throw e.within(ChunkType.name(type) + " at offset " + at);
      }
      p += padded;
    }
    return new SctpPacket(header, chunks);
  }

  /** Decodes the whole array without looking at the checksum. */
  public static SctpPacket decodeUnchecked(byte[] data) throws WireFormatException {
    return decodeUnchecked(data, 0, data.length);
  }

  /**
   * Decodes between position and limit without looking at the checksum; the position does not move.
   */
  public static SctpPacket decodeUnchecked(ByteBuffer buffer) throws WireFormatException {
    if (buffer.hasArray()) {
      return decodeUnchecked(
          buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
    }
    byte[] copy = new byte[buffer.remaining()];
    buffer.get(buffer.position(), copy);
    return decodeUnchecked(copy, 0, copy.length);
  }

  private static void requireHeader(int len) throws WireFormatException {
    if (len < CommonHeader.LENGTH) {
      throw new WireFormatException(
          Reason.TRUNCATED_HEADER, len + " bytes, the common header alone has 12");
    }
  }

  /** The size of the encoded packet: header plus every chunk with its padding. */
  public int encodedLength() {
    int total = CommonHeader.LENGTH;
    for (int i = 0, n = chunks.size(); i < n; i++) {
      total += chunks.get(i).paddedLength();
    }
    return total;
  }

  /**
   * Encodes the packet into a new array and writes its CRC32c; {@code header().checksum()} is
   * ignored.
   */
  public byte[] encode() {
    byte[] out = new byte[encodedLength()];
    ByteBuffer buffer = ByteBuffer.wrap(out);
    header.writeTo(buffer);
    for (int i = 0, n = chunks.size(); i < n; i++) {
      chunks.get(i).writeTo(buffer);
    }
    Crc32c.write(out, 0, out.length);
    return out;
  }
}
