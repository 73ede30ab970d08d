package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Association Aborted Due to Illegal ASCONF-ACK (RFC 5061 section 5.2), in an ABORT.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       Cause Code = 0xA3       |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                    Additional Information                     /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param information normally empty
 */
public record IllegalAsconfAckCause(Bytes information) implements ErrorCause {

  /** Checks that the value fits a 16-bit Length. */
  public IllegalAsconfAckCause {
    OpaqueValue.check(information, "information", "IllegalAsconfAckCause");
  }

  static IllegalAsconfAckCause parse(byte[] b, int off, int len) {
    return new IllegalAsconfAckCause(Bytes.wrap(b, off, len));
  }

  @Override
  public int code() {
    return CauseCode.ILLEGAL_ASCONF_ACK;
  }

  @Override
  public int encodedLength() {
    return OpaqueValue.encodedLength(information);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeTlv(out, code(), information);
  }
}
