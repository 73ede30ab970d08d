package org.jsctp.association;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.jsctp.wire.Ipv4AddressParameter;
import org.jsctp.wire.Ipv6AddressParameter;
import org.jsctp.wire.Parameter;

/** Between an IP address and its IPv4 or IPv6 Address parameter (RFC 9260 section 3.3.2.1). */
final class AddressParameters {

  private AddressParameters() {}

  static Parameter of(InetAddress address) {
    if (address instanceof Inet4Address v4) {
      return new Ipv4AddressParameter(v4);
    }
    return new Ipv6AddressParameter((Inet6Address) address);
  }

  /** The address of an IPv4 or IPv6 Address parameter, or null for any other parameter. */
  static InetAddress address(Parameter p) {
    if (p instanceof Ipv4AddressParameter v4) {
      return v4.address();
    }
    if (p instanceof Ipv6AddressParameter v6) {
      return v6.address();
    }
    return null;
  }
}
