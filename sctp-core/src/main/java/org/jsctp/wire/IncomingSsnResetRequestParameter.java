package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Incoming SSN Reset Request (RFC 6525 section 4.2), in RE-CONFIG: asks the peer to reset the given
 * outgoing streams of its own (all of them when the list is empty).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Parameter Type = 14      | Parameter Length = 8 + 2 * N  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Re-configuration Request Sequence Number            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Stream Number 1 (optional)   |  Stream Number 2 (optional)   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                            ......                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Stream Number N-1 (optional)  |  Stream Number N (optional)   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param requestSequence this request's sequence number
 * @param streams the stream numbers; empty means all streams
 */
public record IncomingSsnResetRequestParameter(int requestSequence, List<Integer> streams)
    implements Parameter {

  /** Copies the list and checks every stream number fits 16 bits. */
  public IncomingSsnResetRequestParameter {
    streams = NumberList.U16.checked(streams, "streams");
    Wire.checkEncodedLength(
        Wire.TLV_HEADER + 4 + NumberList.U16.length(streams), "IncomingSsnResetRequestParameter");
  }

  static IncomingSsnResetRequestParameter parse(byte[] b, int off, int len)
      throws WireFormatException {
    Wire.requireValueAtLeast(len, 4, "Incoming SSN Reset Request parameter");
    return new IncomingSsnResetRequestParameter(
        Wire.i32(b, off),
        NumberList.U16.parse(b, off + 4, len - 4, "Incoming SSN Reset Request parameter"));
  }

  @Override
  public int type() {
    return ParameterType.INCOMING_SSN_RESET_REQUEST;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER + 4 + NumberList.U16.length(streams);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, type(), encodedLength());
    out.putInt(requestSequence);
    NumberList.U16.write(out, streams);
    Wire.writePadding(out, encodedLength());
  }
}
