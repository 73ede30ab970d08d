package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Request Refused - No Authorization (RFC 5061 section 5.2), in an ASCONF-ACK.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       Cause Code = 0xA4       |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                 TLV-Copied Request Parameter                  /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param request a copy of the refused request parameter
 */
public record NoAuthorizationCause(Bytes request) implements ErrorCause {

  /** Checks that the value fits a 16-bit Length. */
  public NoAuthorizationCause {
    OpaqueValue.check(request, "request", "NoAuthorizationCause");
  }

  static NoAuthorizationCause parse(byte[] b, int off, int len) {
    return new NoAuthorizationCause(Bytes.wrap(b, off, len));
  }

  @Override
  public int code() {
    return CauseCode.NO_AUTHORIZATION;
  }

  @Override
  public int encodedLength() {
    return OpaqueValue.encodedLength(request);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeTlv(out, code(), request);
  }
}
