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
    Wire.requireValueLength(len, 4, "CookiePreservativeParameter");
    return new CookiePreservativeParameter(Wire.u32(b, off));
  }

  @Override
  public int type() {
    return ParameterType.COOKIE_PRESERVATIVE;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER + 4;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, type(), encodedLength());
    out.putInt((int) suggestedIncrementMillis);
  }
}
