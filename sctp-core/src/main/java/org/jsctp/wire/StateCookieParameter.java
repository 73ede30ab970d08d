package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * State Cookie (RFC 9260 section 3.3.3.1), mandatory in INIT ACK: everything the responder needs to
 * build its TCB, echoed back in COOKIE ECHO.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Type = 7            |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                            Cookie                             /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param cookie opaque to the initiator; may share the decoded packet's array
 */
public record StateCookieParameter(Bytes cookie) implements Parameter {

  /** Checks that the value fits a 16-bit Length. */
  public StateCookieParameter {
    OpaqueValue.check(cookie, "cookie", "StateCookieParameter");
  }

  static StateCookieParameter parse(byte[] b, int off, int len) {
    return new StateCookieParameter(Bytes.wrap(b, off, len));
  }

  @Override
  public int type() {
    return ParameterType.STATE_COOKIE;
  }

  @Override
  public int encodedLength() {
    return OpaqueValue.encodedLength(cookie);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeTlv(out, type(), cookie);
  }
}
