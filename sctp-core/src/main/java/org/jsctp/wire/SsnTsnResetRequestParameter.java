package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * SSN/TSN Reset Request (RFC 6525 section 4.3), in RE-CONFIG: asks to reset all streams and the
 * TSN.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Type = 15           |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Re-configuration Request Sequence Number            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param requestSequence this request's sequence number
 */
public record SsnTsnResetRequestParameter(int requestSequence) implements Parameter {

  static SsnTsnResetRequestParameter parse(byte[] b, int off, int len) throws WireFormatException {
    return new SsnTsnResetRequestParameter(
        Int32Value.parse(b, off, len, "SsnTsnResetRequestParameter"));
  }

  @Override
  public int type() {
    return ParameterType.SSN_TSN_RESET_REQUEST;
  }

  @Override
  public int encodedLength() {
    return Int32Value.ENCODED_LENGTH;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Int32Value.writeTlv(out, type(), requestSequence);
  }
}
