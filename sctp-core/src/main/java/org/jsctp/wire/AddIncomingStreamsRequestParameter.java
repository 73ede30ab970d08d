package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Add Incoming Streams Request (RFC 6525 section 4.6), in RE-CONFIG: asks the peer to add outgoing
 * streams of its own.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Parameter Type = 18      |     Parameter Length = 12     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Re-configuration Request Sequence Number            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Number of new streams     |           Reserved            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param requestSequence this request's sequence number
 * @param newStreams how many streams to add, 0..65535
 */
public record AddIncomingStreamsRequestParameter(int requestSequence, int newStreams)
    implements Parameter {

  /** Checks the number of new streams fits 16 bits. */
  public AddIncomingStreamsRequestParameter {
    Wire.checkU16(newStreams, "newStreams");
  }

  static AddIncomingStreamsRequestParameter parse(byte[] b, int off, int len)
      throws WireFormatException {
    return AddStreamsRequest.parse(
        b, off, len, "AddIncomingStreamsRequestParameter", AddIncomingStreamsRequestParameter::new);
  }

  @Override
  public int type() {
    return ParameterType.ADD_INCOMING_STREAMS_REQUEST;
  }

  @Override
  public int encodedLength() {
    return AddStreamsRequest.ENCODED_LENGTH;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    AddStreamsRequest.writeTlv(out, type(), requestSequence, newStreams);
  }
}
