package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Error Cause Indication (RFC 5061 section 4.2.3), in ASCONF-ACK: the request with this correlation
 * ID failed for the causes given.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Type = 0xC003         |       Length = Variable       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 ASCONF-Request Correlation ID                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                        Error Cause(s)                         /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param correlationId the correlation ID of the failed request
 * @param causes why it failed
 */
public record ErrorCauseIndicationParameter(int correlationId, List<ErrorCause> causes)
    implements Parameter {

  /** Copies the list and checks the whole fits a 16-bit Length. */
  public ErrorCauseIndicationParameter {
    causes = TlvLists.checkedCopy(causes, Wire.TLV_HEADER + 4, "ErrorCauseIndicationParameter");
  }

  static ErrorCauseIndicationParameter parse(byte[] b, int off, int len)
      throws WireFormatException {
    Wire.requireValueAtLeast(len, 4, "Error Cause Indication parameter");
    return new ErrorCauseIndicationParameter(
        Wire.i32(b, off),
        TlvWalker.CAUSES.parse(b, off + 4, len - 4, "Error Cause Indication parameter"));
  }

  @Override
  public int type() {
    return ParameterType.ERROR_CAUSE_INDICATION;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER + 4 + TlvLists.length(causes);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, type(), encodedLength());
    out.putInt(correlationId);
    TlvLists.write(out, causes);
  }
}
