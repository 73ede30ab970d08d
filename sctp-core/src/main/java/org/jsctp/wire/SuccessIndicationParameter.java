package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Success Indication (RFC 5061 section 4.2.5), in ASCONF-ACK: the request with this correlation ID
 * succeeded.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Type = 0xC005         |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 ASCONF-Request Correlation ID                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param correlationId the correlation ID of the request
 */
public record SuccessIndicationParameter(int correlationId) implements Parameter {

  static SuccessIndicationParameter parse(byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueLength(len, 4, "SuccessIndicationParameter");
    return new SuccessIndicationParameter(Wire.i32(b, off));
  }

  @Override
  public int type() {
    return ParameterType.SUCCESS_INDICATION;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER + 4;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, type(), encodedLength());
    out.putInt(correlationId);
  }
}
