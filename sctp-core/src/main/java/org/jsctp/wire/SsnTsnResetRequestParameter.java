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
    Wire.requireValueLength(len, 4, "SsnTsnResetRequestParameter");
    return new SsnTsnResetRequestParameter(Wire.i32(b, off));
  }

  @Override
  public int type() {
    return ParameterType.SSN_TSN_RESET_REQUEST;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER + 4;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, type(), encodedLength());
    out.putInt(requestSequence);
  }
}
