package org.jsctp.wire;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * IPv4 Address (RFC 9260 section 3.3.2.1), in INIT and INIT ACK, and inside the ASCONF parameters
 * of RFC 5061. Left out behind NAT (RFC 6951 section 5.7).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Type = 5            |          Length = 8           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         IPv4 Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param address the address
 */
public record Ipv4AddressParameter(Inet4Address address) implements Parameter {

  /** Checks the address is present. */
  public Ipv4AddressParameter {
    Objects.requireNonNull(address, "address");
  }

  static Ipv4AddressParameter parse(byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueLength(len, 4, "IPv4 Address parameter");
    byte[] raw = new byte[4];
    System.arraycopy(b, off, raw, 0, 4);
    try {
      return new Ipv4AddressParameter((Inet4Address) InetAddress.getByAddress(raw));
    } catch (UnknownHostException e) {
      throw new WireFormatException(
          WireFormatException.Reason.BAD_LENGTH_FOR_TYPE,
          "IPv4 Address parameter: " + e.getMessage());
    }
  }

  @Override
  public int type() {
    return ParameterType.IPV4_ADDRESS;
  }

  @Override
  public int encodedLength() {
    return 8;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, type(), 8);
    out.put(address.getAddress());
  }
}
