package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Forward-TSN Supported (RFC 3758 section 3.1), in INIT and INIT ACK: the sender understands
 * FORWARD-TSN.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Type = 0xC000         |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record ForwardTsnSupportedParameter() implements Parameter {

  static ForwardTsnSupportedParameter parse(byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueLength(len, 0, "ForwardTsnSupportedParameter");
    return new ForwardTsnSupportedParameter();
  }

  @Override
  public int type() {
    return ParameterType.FORWARD_TSN_SUPPORTED;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, type(), Wire.TLV_HEADER);
  }
}
