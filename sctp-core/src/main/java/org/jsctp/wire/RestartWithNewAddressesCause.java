package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.Objects;

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
    Objects.requireNonNull(addresses, "addresses");
    Wire.checkEncodedLength(Wire.TLV_HEADER + addresses.length(), "RestartWithNewAddressesCause");
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
    return Wire.TLV_HEADER + addresses.length();
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, code(), encodedLength());
    addresses.writeTo(out);
    Wire.writePadding(out, encodedLength());
  }
}
