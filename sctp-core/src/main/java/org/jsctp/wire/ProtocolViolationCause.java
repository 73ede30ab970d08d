package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Protocol Violation (RFC 9260 section 3.3.10.13): the peer broke the protocol in a way no other
 * cause describes.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Cause Code = 13        |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                    Additional Information                     /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param information free-form details, possibly empty
 */
public record ProtocolViolationCause(Bytes information) implements ErrorCause {

  /** Checks that the value fits a 16-bit Length. */
  public ProtocolViolationCause {
    OpaqueValue.check(information, "information", "ProtocolViolationCause");
  }

  /** The cause with {@code text}, in US-ASCII, as its information. */
  public static ProtocolViolationCause of(String text) {
    return new ProtocolViolationCause(
        Bytes.wrap(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }

  static ProtocolViolationCause parse(byte[] b, int off, int len) {
    return new ProtocolViolationCause(Bytes.wrap(b, off, len));
  }

  @Override
  public int code() {
    return CauseCode.PROTOCOL_VIOLATION;
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
