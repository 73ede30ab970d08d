package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The layout INIT and INIT ACK share (RFC 9260 sections 3.3.2 and 3.3.3): Initiate Tag, a_rwnd,
 * outbound and inbound stream counts and Initial TSN in 16 fixed bytes, then the parameters.
 */
final class InitFields {

  /** Builds the record from the decoded fields. */
  @FunctionalInterface
  interface Factory<T> {
    T create(
        int initiateTag,
        long advertisedReceiverWindowCredit,
        int outboundStreams,
        int inboundStreams,
        int initialTsn,
        List<Parameter> parameters);
  }

  /** The fields as the records expose them. */
  interface Values {
    int initiateTag();

    long advertisedReceiverWindowCredit();

    int outboundStreams();

    int inboundStreams();

    int initialTsn();

    List<Parameter> parameters();
  }

  private static final int FIXED = 16;

  /** The chunk header and the fixed fields, before the parameters. */
  static final int HEADER_LENGTH = Wire.TLV_HEADER + FIXED;

  private InitFields() {}

  /** Checks the fields that must fit fewer bits than their Java type. */
  static void checkRanges(
      long advertisedReceiverWindowCredit, int outboundStreams, int inboundStreams) {
    Wire.checkU32(advertisedReceiverWindowCredit, "advertisedReceiverWindowCredit");
    Wire.checkU16(outboundStreams, "outboundStreams");
    Wire.checkU16(inboundStreams, "inboundStreams");
  }

  static <T> T parse(byte[] b, int off, int len, String what, Factory<T> factory)
      throws WireFormatException {
    Wire.requireValueAtLeast(len, FIXED, what);
    return factory.create(
        Wire.i32(b, off),
        Wire.u32(b, off + 4),
        Wire.u16(b, off + 8),
        Wire.u16(b, off + 10),
        Wire.i32(b, off + 12),
        TlvWalker.PARAMETERS.parse(b, off + FIXED, len - FIXED, what));
  }

  static int encodedLength(List<Parameter> parameters) {
    return HEADER_LENGTH + TlvLists.length(parameters);
  }

  static void writeChunk(ByteBuffer out, int type, Values chunk) {
    Wire.writeChunkHeader(out, type, 0, encodedLength(chunk.parameters()));
    out.putInt(chunk.initiateTag());
    out.putInt((int) chunk.advertisedReceiverWindowCredit());
    out.putShort((short) chunk.outboundStreams());
    out.putShort((short) chunk.inboundStreams());
    out.putInt(chunk.initialTsn());
    TlvLists.write(out, chunk.parameters());
  }
}
