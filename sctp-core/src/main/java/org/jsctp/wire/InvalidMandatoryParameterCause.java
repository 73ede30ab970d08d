package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Invalid Mandatory Parameter (RFC 9260 section 3.3.10.7): a mandatory parameter of an INIT or INIT
 * ACK has an invalid value.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Cause Code = 7         |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record InvalidMandatoryParameterCause() implements ErrorCause {

  static InvalidMandatoryParameterCause parse(byte[] b, int off, int len)
      throws WireFormatException {
    Wire.requireValueLength(len, 0, "InvalidMandatoryParameterCause");
    return new InvalidMandatoryParameterCause();
  }

  @Override
  public int code() {
    return CauseCode.INVALID_MANDATORY_PARAMETER;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, code(), Wire.TLV_HEADER);
  }
}
