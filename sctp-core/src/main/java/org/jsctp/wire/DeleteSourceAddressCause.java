package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Request to Delete Source IP Address (RFC 5061 section 5.2), in an ASCONF-ACK: the request would
 * have removed the address the ASCONF came from.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       Cause Code = 0xA2       |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /            TLV-Copied Delete IP Address Parameter             /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param request a copy of the refused request parameter
 */
public record DeleteSourceAddressCause(Bytes request) implements ErrorCause {

  /** Checks that the value fits a 16-bit Length. */
  public DeleteSourceAddressCause {
    Objects.requireNonNull(request, "request");
    Wire.checkEncodedLength(Wire.TLV_HEADER + request.length(), "DeleteSourceAddressCause");
  }

  static DeleteSourceAddressCause parse(byte[] b, int off, int len) {
    return new DeleteSourceAddressCause(Bytes.wrap(b, off, len));
  }

  @Override
  public int code() {
    return CauseCode.DELETE_SOURCE_ADDRESS;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER + request.length();
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, code(), encodedLength());
    request.writeTo(out);
    Wire.writePadding(out, encodedLength());
  }
}
