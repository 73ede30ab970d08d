package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Outgoing SSN Reset Request (RFC 6525 section 4.1), in RE-CONFIG: the sender resets the given
 * outgoing streams (all of them when the list is empty) once every TSN up to its last assigned one
 * has arrived.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Parameter Type = 13      | Parameter Length = 16 + 2 * N |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Re-configuration Request Sequence Number            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Re-configuration Response Sequence Number           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Sender's Last Assigned TSN                   |
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
 * @param responseSequence the sequence number of the incoming request this answers, if any
 * @param senderLastTsn the last TSN the sender assigned
 * @param streams the stream numbers; empty means all streams
 */
public record OutgoingSsnResetRequestParameter(
    int requestSequence, int responseSequence, int senderLastTsn, List<Integer> streams)
    implements Parameter {

  /** Copies the list and checks every stream number fits 16 bits. */
  public OutgoingSsnResetRequestParameter {
    streams = NumberList.U16.checked(streams, "streams");
    Wire.checkEncodedLength(
        Wire.TLV_HEADER + 12 + NumberList.U16.length(streams), "OutgoingSsnResetRequestParameter");
  }

  static OutgoingSsnResetRequestParameter parse(byte[] b, int off, int len)
      throws WireFormatException {
    Wire.requireValueAtLeast(len, 12, "Outgoing SSN Reset Request parameter");
    return new OutgoingSsnResetRequestParameter(
        Wire.i32(b, off),
        Wire.i32(b, off + 4),
        Wire.i32(b, off + 8),
        NumberList.U16.parse(b, off + 12, len - 12, "Outgoing SSN Reset Request parameter"));
  }

  @Override
  public int type() {
    return ParameterType.OUTGOING_SSN_RESET_REQUEST;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER + 12 + NumberList.U16.length(streams);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, type(), encodedLength());
    out.putInt(requestSequence);
    out.putInt(responseSequence);
    out.putInt(senderLastTsn);
    NumberList.U16.write(out, streams);
    Wire.writePadding(out, encodedLength());
  }
}
