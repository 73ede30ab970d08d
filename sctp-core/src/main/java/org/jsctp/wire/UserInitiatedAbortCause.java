package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * User-Initiated Abort (RFC 9260 section 3.3.10.12): the upper layer aborted; it may give a reason.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Cause Code = 12        |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                   Upper Layer Abort Reason                    /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param reason the upper layer's reason, possibly empty
 */
public record UserInitiatedAbortCause(Bytes reason) implements ErrorCause {

  /** Checks that the value fits a 16-bit Length. */
  public UserInitiatedAbortCause {
    Objects.requireNonNull(reason, "reason");
    Wire.checkEncodedLength(Wire.TLV_HEADER + reason.length(), "UserInitiatedAbortCause");
  }

  static UserInitiatedAbortCause parse(byte[] b, int off, int len) {
    return new UserInitiatedAbortCause(Bytes.wrap(b, off, len));
  }

  @Override
  public int code() {
    return CauseCode.USER_INITIATED_ABORT;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER + reason.length();
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, code(), encodedLength());
    reason.writeTo(out);
    Wire.writePadding(out, encodedLength());
  }
}
