package org.jsctp.wire;

import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * IPv6 Address (RFC 9260 section 3.3.2.1), in INIT and INIT ACK, and inside the ASCONF parameters
 * of RFC 5061. An IPv4-mapped address stays an {@link Inet6Address} here.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Type = 6            |          Length = 20          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         IPv6 Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          (128 bits)                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param address the address; its scope is not carried on the wire
 */
public record Ipv6AddressParameter(Inet6Address address) implements Parameter {

  /** Checks the address is present. */
  public Ipv6AddressParameter {
    Objects.requireNonNull(address, "address");
  }

  static Ipv6AddressParameter parse(byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueLength(len, 16, "IPv6 Address parameter");
    byte[] raw = new byte[16];
    System.arraycopy(b, off, raw, 0, 16);
    try {
      // Inet6Address.getByAddress keeps IPv4-mapped addresses as IPv6, unlike InetAddress's.
      return new Ipv6AddressParameter(Inet6Address.getByAddress(null, raw, -1));
    } catch (UnknownHostException e) {
      throw new WireFormatException(
          WireFormatException.Reason.BAD_LENGTH_FOR_TYPE,
          "IPv6 Address parameter: " + e.getMessage());
    }
  }

  @Override
  public int type() {
    return ParameterType.IPV6_ADDRESS;
  }

  @Override
  public int encodedLength() {
    return 20;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, type(), 20);
    out.put(address.getAddress());
  }
}
