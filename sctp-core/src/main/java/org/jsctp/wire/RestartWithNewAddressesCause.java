package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Restart of an Association with New Addresses (RFC 9260 section 3.3.10.11): an INIT for a restart
 * named addresses the association did not have.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Cause Code = 11        |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                    TLV-Encoded Address(es)                    /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param addresses the new address parameter TLVs, concatenated
 */
public record RestartWithNewAddressesCause(Bytes addresses) implements ErrorCause {

  /** Checks that the value fits a 16-bit Length. */
  public RestartWithNewAddressesCause {
    OpaqueValue.check(addresses, "addresses", "RestartWithNewAddressesCause");
  }

  static RestartWithNewAddressesCause parse(byte[] b, int off, int len) {
    return new RestartWithNewAddressesCause(Bytes.wrap(b, off, len));
  }

  @Override
  public int code() {
    return CauseCode.RESTART_WITH_NEW_ADDRESSES;
  }

  @Override
  public int encodedLength() {
    return OpaqueValue.encodedLength(addresses);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeTlv(out, code(), addresses);
  }
}
