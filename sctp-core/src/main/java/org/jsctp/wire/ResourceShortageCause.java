package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Operation Refused Due to Resource Shortage (RFC 5061 section 5.2), in an ASCONF-ACK.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       Cause Code = 0xA1       |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                 TLV-Copied Request Parameter                  /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param request a copy of the refused request parameter
 */
public record ResourceShortageCause(Bytes request) implements ErrorCause {

  /** Checks that the value fits a 16-bit Length. */
  public ResourceShortageCause {
    OpaqueValue.check(request, "request", "ResourceShortageCause");
  }

  static ResourceShortageCause parse(byte[] b, int off, int len) {
    return new ResourceShortageCause(Bytes.wrap(b, off, len));
  }

  @Override
  public int code() {
    return CauseCode.RESOURCE_SHORTAGE;
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
