package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Add Outgoing Streams Request (RFC 6525 section 4.5), in RE-CONFIG: the sender adds outgoing
 * streams.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Parameter Type = 17      |     Parameter Length = 12     |
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
public record AddOutgoingStreamsRequestParameter(int requestSequence, int newStreams)
    implements Parameter {

  /** Checks the number of new streams fits 16 bits. */
  public AddOutgoingStreamsRequestParameter {
    Wire.checkU16(newStreams, "newStreams");
  }

  static AddOutgoingStreamsRequestParameter parse(byte[] b, int off, int len)
      throws WireFormatException {
    return AddStreamsRequest.parse(
        b, off, len, "AddOutgoingStreamsRequestParameter", AddOutgoingStreamsRequestParameter::new);
  }

  @Override
  public int type() {
    return ParameterType.ADD_OUTGOING_STREAMS_REQUEST;
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
