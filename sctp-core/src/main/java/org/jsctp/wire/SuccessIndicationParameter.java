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
    return new SuccessIndicationParameter(
        Int32Value.parse(b, off, len, "SuccessIndicationParameter"));
  }

  @Override
  public int type() {
    return ParameterType.SUCCESS_INDICATION;
  }

  @Override
  public int encodedLength() {
    return Int32Value.ENCODED_LENGTH;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Int32Value.writeTlv(out, type(), correlationId);
  }
}
