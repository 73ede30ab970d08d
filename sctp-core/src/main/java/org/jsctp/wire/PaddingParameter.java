package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Padding (RFC 4820 section 3), in INIT: makes the INIT bigger for path MTU discovery; the receiver
 * ignores the content.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Type = 0x8005         |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                         Padding Data                          /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param padding the padding bytes; may share the decoded packet's array
 */
public record PaddingParameter(Bytes padding) implements Parameter {

  /** Checks that the value fits a 16-bit Length. */
  public PaddingParameter {
    OpaqueValue.check(padding, "padding", "PaddingParameter");
  }

  static PaddingParameter parse(byte[] b, int off, int len) {
    return new PaddingParameter(Bytes.wrap(b, off, len));
  }

  @Override
  public int type() {
    return ParameterType.PADDING;
  }

  @Override
  public int encodedLength() {
    return OpaqueValue.encodedLength(padding);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeTlv(out, type(), padding);
  }
}
