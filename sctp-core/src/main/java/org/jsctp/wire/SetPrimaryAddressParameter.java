package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Set Primary Address (RFC 5061 section 4.2.4), in ASCONF (and INIT/INIT ACK): asks the peer to use
 * this address as its primary destination.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Type = 0xC004         |       Length = Variable       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 ASCONF-Request Correlation ID                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                       Address Parameter                       /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param correlationId chosen by the sender to match the answer in the ASCONF-ACK
 * @param address an {@link Ipv4AddressParameter} or {@link Ipv6AddressParameter}; the wildcard
 *     address means the packet's source address
 */
public record SetPrimaryAddressParameter(int correlationId, Parameter address)
    implements Parameter {

  /** Checks that {@code address} is an IPv4 or IPv6 Address parameter. */
  public SetPrimaryAddressParameter {
    Wire.requireAddress(address, "address");
  }

  static SetPrimaryAddressParameter parse(byte[] b, int off, int len) throws WireFormatException {
    return CorrelatedAddress.parse(
        b, off, len, "SetPrimaryAddressParameter", SetPrimaryAddressParameter::new);
  }

  @Override
  public int type() {
    return ParameterType.SET_PRIMARY_ADDRESS;
  }

  @Override
  public int encodedLength() {
    return CorrelatedAddress.encodedLength(address);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    CorrelatedAddress.writeTlv(out, type(), correlationId, address);
  }
}
