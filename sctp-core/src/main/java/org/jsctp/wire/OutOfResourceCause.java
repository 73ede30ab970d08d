package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Out of Resource (RFC 9260 section 3.3.10.4): the sender is out of resources, usually memory.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Cause Code = 4         |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record OutOfResourceCause() implements ErrorCause {

  static OutOfResourceCause parse(byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueLength(len, 0, "OutOfResourceCause");
    return new OutOfResourceCause();
  }

  @Override
  public int code() {
    return CauseCode.OUT_OF_RESOURCE;
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
