package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.Objects;
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
    implements Chunk {

  /** Length of the header before the user data: chunk header plus 16 bytes of fields. */
  public static final int HEADER_LENGTH = 20;

  private static final int FLAG_E = 0x01;
  private static final int FLAG_B = 0x02;
  private static final int FLAG_U = 0x04;
  private static final int FLAG_I = 0x08;

  /** Checks the stream identifier and that the chunk fits a 16-bit Length. */
  public IDataChunk {
    Wire.checkU16(streamId, "streamId");
    Objects.requireNonNull(userData, "userData");
    Wire.checkEncodedLength(HEADER_LENGTH + userData.length(), "IDataChunk");
  }

  static IDataChunk parse(int flags, byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueAtLeast(len, HEADER_LENGTH - Wire.TLV_HEADER, "I-DATA");
    return new IDataChunk(
        (flags & FLAG_I) != 0,
        (flags & FLAG_U) != 0,
        (flags & FLAG_B) != 0,
        (flags & FLAG_E) != 0,
        Wire.i32(b, off),
        Wire.u16(b, off + 4),
        Wire.i32(b, off + 8),
        Wire.i32(b, off + 12),
        Bytes.wrap(b, off + 16, len - 16));
  }

  /** RFC 8260 section 2.1: the payload protocol identifier, carried by the first fragment only. */
  public OptionalInt ppid() {
    return beginning ? OptionalInt.of(payloadProtocolIdOrFragmentSequence) : OptionalInt.empty();
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
    Wire.writeChunkHeader(out, ChunkType.I_DATA, flags(), encodedLength());
    out.putInt(tsn);
    out.putShort((short) streamId);
    out.putShort((short) 0);
    out.putInt(messageId);
    out.putInt(payloadProtocolIdOrFragmentSequence);
    userData.writeTo(out);
    Wire.writePadding(out, encodedLength());
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
        + (immediate ? " I" : "")
        + (unordered ? " U" : "")
        + (beginning ? " B" : "")
        + (ending ? " E" : "")
        + ", "
        + userData.length()
        + " bytes]";
  }
}
