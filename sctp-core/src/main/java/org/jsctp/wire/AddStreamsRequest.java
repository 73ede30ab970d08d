package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * The value of Add Outgoing and Add Incoming Streams Requests (RFC 6525 sections 4.5 and 4.6): the
 * request sequence number, the number of new streams and two reserved bytes.
 */
final class AddStreamsRequest {

  /** Builds the record from the decoded fields. */
  @FunctionalInterface
  interface Factory<T> {
    T create(int requestSequence, int newStreams);
  }

  /** The Length field, fixed. */
  static final int ENCODED_LENGTH = 12;

  private AddStreamsRequest() {}

  static <T> T parse(byte[] b, int off, int len, String what, Factory<T> factory)
      throws WireFormatException {
    Wire.requireValueLength(len, ENCODED_LENGTH - Wire.TLV_HEADER, what);
    return factory.create(Wire.i32(b, off), Wire.u16(b, off + 4));
  }

  static void writeTlv(ByteBuffer out, int type, int requestSequence, int newStreams) {
    Wire.writeTlvHeader(out, type, ENCODED_LENGTH);
    out.putInt(requestSequence);
    out.putShort((short) newStreams);
    out.putShort((short) 0);
  }
}
