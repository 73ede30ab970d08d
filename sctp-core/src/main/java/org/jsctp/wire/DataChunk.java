package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * DATA (RFC 9260 section 3.3.1): one fragment of a user message. The flags are I (0x08, SACK
 * immediately, RFC 7053), U (0x04, unordered), B (0x02, first fragment) and E (0x01, last
 * fragment). The codec accepts empty user data (Length 16); answering it with cause 9 is the
 * protocol's business.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 0    |  Res  |I|U|B|E|            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              TSN                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Stream Identifier S      |   Stream Sequence Number n    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Payload Protocol Identifier                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                 User Data (seq n of Stream S)                 /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param immediate the I bit: the sender asks for a SACK without delay
 * @param unordered the U bit: deliver without regard to the stream sequence number
 * @param beginning the B bit: first fragment of a message
 * @param ending the E bit: last fragment of a message
 * @param tsn transmission sequence number (32-bit unsigned)
 * @param streamId stream identifier, 0..65535
 * @param streamSequenceNumber stream sequence number, 0..65535
 * @param payloadProtocolId payload protocol identifier (32-bit unsigned, opaque to SCTP)
 * @param userData the payload; may share the decoded packet's array
 */
public record DataChunk(
    boolean immediate,
    boolean unordered,
    boolean beginning,
    boolean ending,
    int tsn,
    int streamId,
    int streamSequenceNumber,
    int payloadProtocolId,
    Bytes userData)
    implements Chunk {

  /** Length of the header before the user data: chunk header plus 12 bytes of fields. */
  public static final int HEADER_LENGTH = 16;

  private static final int FLAG_E = 0x01;
  private static final int FLAG_B = 0x02;
  private static final int FLAG_U = 0x04;
  private static final int FLAG_I = 0x08;

  /** Checks the 16-bit fields and that the chunk fits a 16-bit Length. */
  public DataChunk {
    Wire.checkU16(streamId, "streamId");
    Wire.checkU16(streamSequenceNumber, "streamSequenceNumber");
    Objects.requireNonNull(userData, "userData");
    Wire.checkEncodedLength(HEADER_LENGTH + userData.length(), "DataChunk");
  }

  static DataChunk parse(int flags, byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueAtLeast(len, HEADER_LENGTH - Wire.TLV_HEADER, "DATA");
    return new DataChunk(
        (flags & FLAG_I) != 0,
        (flags & FLAG_U) != 0,
        (flags & FLAG_B) != 0,
        (flags & FLAG_E) != 0,
        Wire.i32(b, off),
        Wire.u16(b, off + 4),
        Wire.u16(b, off + 6),
        Wire.i32(b, off + 8),
        Bytes.wrap(b, off + 12, len - 12));
  }

  @Override
  public int type() {
    return ChunkType.DATA;
  }

  @Override
  public int flags() {
    return (immediate ? FLAG_I : 0)
        | (unordered ? FLAG_U : 0)
        | (beginning ? FLAG_B : 0)
        | (ending ? FLAG_E : 0);
  }

  @Override
  public int encodedLength() {
    return HEADER_LENGTH + userData.length();
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeChunkHeader(out, ChunkType.DATA, flags(), encodedLength());
    out.putInt(tsn);
    out.putShort((short) streamId);
    out.putShort((short) streamSequenceNumber);
    out.putInt(payloadProtocolId);
    userData.writeTo(out);
    Wire.writePadding(out, encodedLength());
  }

  @Override
  public String toString() {
    return "DATA[tsn="
        + Integer.toUnsignedString(tsn)
        + ", sid="
        + streamId
        + ", ssn="
        + streamSequenceNumber
        + ", ppid="
        + Integer.toUnsignedString(payloadProtocolId)
        + (immediate ? " I" : "")
        + (unordered ? " U" : "")
        + (beginning ? " B" : "")
        + (ending ? " E" : "")
        + ", "
        + userData.length()
        + " bytes]";
  }
}
