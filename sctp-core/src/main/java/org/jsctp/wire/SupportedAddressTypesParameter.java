package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Supported Address Types (RFC 9260 section 3.3.2.1), in INIT: the address parameter types the
 * sender can use; absent means any.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Type = 12           |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /            Address Type #1, #2, ... (16 bits each)            /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param addressTypes parameter types (5 IPv4, 6 IPv6, 11 host name)
 */
public record SupportedAddressTypesParameter(List<Integer> addressTypes) implements Parameter {

  /** Copies the list and checks each value fits 16 bits and the whole a 16-bit Length. */
  public SupportedAddressTypesParameter {
    addressTypes =
        NumberList.U16.checkedTlv(addressTypes, "addressTypes", "SupportedAddressTypesParameter");
  }

  static SupportedAddressTypesParameter parse(byte[] b, int off, int len)
      throws WireFormatException {
    return new SupportedAddressTypesParameter(
        NumberList.U16.parse(b, off, len, "SupportedAddressTypesParameter"));
  }

  @Override
  public int type() {
    return ParameterType.SUPPORTED_ADDRESS_TYPES;
  }

  @Override
  public int encodedLength() {
    return NumberList.U16.tlvLength(addressTypes);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    NumberList.U16.writeTlv(out, type(), addressTypes);
  }
}
