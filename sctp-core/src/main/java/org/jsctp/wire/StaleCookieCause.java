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
    Wire.requireValueLength(len, 4, "StaleCookieCause");
    return new StaleCookieCause(Wire.u32(b, off));
  }

  @Override
  public int code() {
    return CauseCode.STALE_COOKIE;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER + 4;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, code(), encodedLength());
    out.putInt((int) stalenessMicros);
  }
}
