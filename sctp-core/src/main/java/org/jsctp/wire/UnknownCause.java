package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * An error cause with a code this codec has no record for, kept raw so that it can be logged or
 * re-encoded unchanged.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Cause Code           |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                  Cause-Specific Information                   /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param code the cause code, 0..65535
 * @param value the information after the 4-byte header, without padding
 */
public record UnknownCause(int code, Bytes value) implements ErrorCause {

  /** Checks the code fits 16 bits and the value a 16-bit Length. */
  public UnknownCause {
    Wire.checkU16(code, "code");
    OpaqueValue.check(value, "value", "UnknownCause");
  }

  static UnknownCause parse(int code, byte[] b, int off, int len) {
    return new UnknownCause(code, Bytes.wrap(b, off, len));
  }

  @Override
  public int encodedLength() {
    return OpaqueValue.encodedLength(value);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeTlv(out, code, value);
  }
}
