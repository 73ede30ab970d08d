package org.jsctp.wire;

import java.nio.ByteBuffer;

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
    implements UserDataChunk {

  /** Length of the header before the user data: chunk header plus 12 bytes of fields. */
  public static final int HEADER_LENGTH = 16;

  /** Checks the 16-bit fields and that the chunk fits a 16-bit Length. */
  public DataChunk {
    Wire.checkU16(streamId, "streamId");
    Wire.checkU16(streamSequenceNumber, "streamSequenceNumber");
    UserDataChunks.checkUserData(userData, HEADER_LENGTH, "DataChunk");
  }

  static DataChunk parse(int flags, byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueAtLeast(len, HEADER_LENGTH - Wire.TLV_HEADER, "DATA");
    return new DataChunk(
        UserDataChunks.immediate(flags),
        UserDataChunks.unordered(flags),
        UserDataChunks.beginning(flags),
        UserDataChunks.ending(flags),
        Wire.i32(b, off),
        Wire.u16(b, off + 4),
        Wire.u16(b, off + 6),
        Wire.i32(b, off + 8),
        UserDataChunks.userData(b, off, len, HEADER_LENGTH));
  }

  /** The SSN. */
  @Override
  public int messageId() {
    return streamSequenceNumber;
  }

  @Override
  public int type() {
    return ChunkType.DATA;
  }

  @Override
  public int flags() {
    return UserDataChunks.flags(immediate, unordered, beginning, ending);
  }

  @Override
  public int encodedLength() {
    return HEADER_LENGTH + userData.length();
  }

  @Override
  public void writeTo(ByteBuffer out) {
    UserDataChunks.writeStart(out, this, tsn, streamId);
    out.putShort((short) streamSequenceNumber);
    out.putInt(payloadProtocolId);
    UserDataChunks.writeUserData(out, userData, encodedLength());
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
        + UserDataChunks.describe(immediate, unordered, beginning, ending, userData);
  }
}
