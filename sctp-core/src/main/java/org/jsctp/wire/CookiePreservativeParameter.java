package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Cookie Preservative (RFC 9260 section 3.3.2.1), in INIT: asks for a longer cookie life after a
 * stale cookie error.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Type = 9            |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Suggested Cookie Life-Span Increment (msec)          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param suggestedIncrementMillis the extra lifetime asked for, in milliseconds (0..2^32-1)
 */
public record CookiePreservativeParameter(long suggestedIncrementMillis) implements Parameter {

  /** Checks the range 0..2^32-1. */
  public CookiePreservativeParameter {
    Wire.checkU32(suggestedIncrementMillis, "suggestedIncrementMillis");
  }

  static CookiePreservativeParameter parse(byte[] b, int off, int len) throws WireFormatException {
    return new CookiePreservativeParameter(
        Int32Value.parseUnsigned(b, off, len, "CookiePreservativeParameter"));
  }

  @Override
  public int type() {
    return ParameterType.COOKIE_PRESERVATIVE;
  }

  @Override
  public int encodedLength() {
    return Int32Value.ENCODED_LENGTH;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Int32Value.writeTlv(out, type(), (int) suggestedIncrementMillis);
  }
}
