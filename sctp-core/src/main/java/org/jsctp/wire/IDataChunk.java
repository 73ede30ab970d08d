package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.OptionalInt;

/**
 * I-DATA (RFC 8260 section 2.1): DATA with a 32-bit Message Identifier so that messages of
 * different streams can interleave. The first fragment (B set) carries the payload protocol
 * identifier, every other fragment its Fragment Sequence Number in the same field.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 64   |  Res  |I|U|B|E|            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              TSN                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       Stream Identifier       |           Reserved            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Message Identifier                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Payload Protocol Identifier / Fragment Sequence Number     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                           User Data                           /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param immediate the I bit: the sender asks for a SACK without delay
 * @param unordered the U bit: deliver without regard to the message identifier order
 * @param beginning the B bit: first fragment of a message
 * @param ending the E bit: last fragment of a message
 * @param tsn transmission sequence number (32-bit unsigned)
 * @param streamId stream identifier, 0..65535
 * @param messageId message identifier (32-bit unsigned, serial arithmetic)
 * @param payloadProtocolIdOrFragmentSequence PPID if {@code beginning}, else the FSN
 * @param userData the payload; may share the decoded packet's array
 */
public record IDataChunk(
    boolean immediate,
    boolean unordered,
    boolean beginning,
    boolean ending,
    int tsn,
    int streamId,
    int messageId,
    int payloadProtocolIdOrFragmentSequence,
    Bytes userData)
    implements UserDataChunk {

  /** Length of the header before the user data: chunk header plus 16 bytes of fields. */
  public static final int HEADER_LENGTH = 20;

  /** Checks the stream identifier and that the chunk fits a 16-bit Length. */
  public IDataChunk {
    Wire.checkU16(streamId, "streamId");
    UserDataChunks.checkUserData(userData, HEADER_LENGTH, "IDataChunk");
  }

  static IDataChunk parse(int flags, byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueAtLeast(len, HEADER_LENGTH - Wire.TLV_HEADER, "I-DATA");
    return new IDataChunk(
        UserDataChunks.immediate(flags),
        UserDataChunks.unordered(flags),
        UserDataChunks.beginning(flags),
        UserDataChunks.ending(flags),
        Wire.i32(b, off),
        Wire.u16(b, off + 4),
        Wire.i32(b, off + 8),
        Wire.i32(b, off + 12),
        UserDataChunks.userData(b, off, len, HEADER_LENGTH));
  }

  /** RFC 8260 section 2.1: the payload protocol identifier, carried by the first fragment only. */
  public OptionalInt ppid() {
    return beginning ? OptionalInt.of(payloadProtocolIdOrFragmentSequence) : OptionalInt.empty();
  }

  /** RFC 8260 section 2.1: the first fragment's PPID; 0 on the others, which carry none. */
  @Override
  public int payloadProtocolId() {
    return beginning ? payloadProtocolIdOrFragmentSequence : 0;
  }

  /** RFC 8260 section 2.1: the fragment sequence number; the first fragment's is implicitly 0. */
  public int fragmentSequenceNumber() {
    return beginning ? 0 : payloadProtocolIdOrFragmentSequence;
  }

  @Override
  public int type() {
    return ChunkType.I_DATA;
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
    out.putShort((short) 0);
    out.putInt(messageId);
    out.putInt(payloadProtocolIdOrFragmentSequence);
    UserDataChunks.writeUserData(out, userData, encodedLength());
  }

  @Override
  public String toString() {
    return "I-DATA[tsn="
        + Integer.toUnsignedString(tsn)
        + ", sid="
        + streamId
        + ", mid="
        + Integer.toUnsignedString(messageId)
        + (beginning ? ", ppid=" : ", fsn=")
        + Integer.toUnsignedString(payloadProtocolIdOrFragmentSequence)
        + UserDataChunks.describe(immediate, unordered, beginning, ending, userData);
  }
}
