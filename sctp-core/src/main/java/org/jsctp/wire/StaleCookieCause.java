package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Stale Cookie (RFC 9260 section 3.3.10.3): a COOKIE ECHO arrived after the cookie expired.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Cause Code = 3         |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Measure of Staleness (usec)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param stalenessMicros how long ago the cookie expired, in microseconds (0..2^32-1)
 */
public record StaleCookieCause(long stalenessMicros) implements ErrorCause {

  /** Checks the range 0..2^32-1. */
  public StaleCookieCause {
    Wire.checkU32(stalenessMicros, "stalenessMicros");
  }

  static StaleCookieCause parse(byte[] b, int off, int len) throws WireFormatException {
    return new StaleCookieCause(Int32Value.parseUnsigned(b, off, len, "StaleCookieCause"));
  }

  @Override
  public int code() {
    return CauseCode.STALE_COOKIE;
  }

  @Override
  public int encodedLength() {
    return Int32Value.ENCODED_LENGTH;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Int32Value.writeTlv(out, code(), (int) stalenessMicros);
  }
}
