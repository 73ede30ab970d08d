package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Unsupported HMAC Identifier (RFC 4895 section 4.1): an AUTH chunk used an HMAC the receiver does
 * not support. Its Length is 6; two bytes of padding follow.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Cause Code = 0x0105      |       Cause Length = 6        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        HMAC Identifier        |            Padding            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param hmacId the unsupported HMAC identifier
 */
public record UnsupportedHmacIdentifierCause(int hmacId) implements ErrorCause {

  /** Checks the identifier fits 16 bits. */
  public UnsupportedHmacIdentifierCause {
    Wire.checkU16(hmacId, "hmacId");
  }

  static UnsupportedHmacIdentifierCause parse(byte[] b, int off, int len)
      throws WireFormatException {
    Wire.requireValueLength(len, 2, "Unsupported HMAC Identifier cause");
    return new UnsupportedHmacIdentifierCause(Wire.u16(b, off));
  }

  @Override
  public int code() {
    return CauseCode.UNSUPPORTED_HMAC_IDENTIFIER;
  }

  @Override
  public int encodedLength() {
    return 6;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, code(), 6);
    out.putShort((short) hmacId);
    out.putShort((short) 0);
  }
}
