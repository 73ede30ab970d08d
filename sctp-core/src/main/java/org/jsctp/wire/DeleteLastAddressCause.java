package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Request to Delete Last Remaining IP Address (RFC 5061 section 5.2), in an ASCONF-ACK: the request
 * would have removed the peer's last address.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       Cause Code = 0xA0       |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /            TLV-Copied Delete IP Address Parameter             /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param request a copy of the refused request parameter
 */
public record DeleteLastAddressCause(Bytes request) implements ErrorCause {

  /** Checks that the value fits a 16-bit Length. */
  public DeleteLastAddressCause {
    OpaqueValue.check(request, "request", "DeleteLastAddressCause");
  }

  static DeleteLastAddressCause parse(byte[] b, int off, int len) {
    return new DeleteLastAddressCause(Bytes.wrap(b, off, len));
  }

  @Override
  public int code() {
    return CauseCode.DELETE_LAST_ADDRESS;
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
