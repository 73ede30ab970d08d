package org.jsctp.wire;

import java.nio.ByteBuffer;

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
    OpaqueValue.check(reason, "reason", "UserInitiatedAbortCause");
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
    return OpaqueValue.encodedLength(reason);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeTlv(out, code(), reason);
  }
}
