package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Unresolvable Address (RFC 9260 section 3.3.10.5): the sender cannot use an address parameter it
 * was given.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Cause Code = 5         |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                     Unresolvable Address                      /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param address the complete address parameter TLV
 */
public record UnresolvableAddressCause(Bytes address) implements ErrorCause {

  /** Checks that the value fits a 16-bit Length. */
  public UnresolvableAddressCause {
    OpaqueValue.check(address, "address", "UnresolvableAddressCause");
  }

  static UnresolvableAddressCause parse(byte[] b, int off, int len) {
    return new UnresolvableAddressCause(Bytes.wrap(b, off, len));
  }

  @Override
  public int code() {
    return CauseCode.UNRESOLVABLE_ADDRESS;
  }

  @Override
  public int encodedLength() {
    return OpaqueValue.encodedLength(address);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeTlv(out, code(), address);
  }
}
