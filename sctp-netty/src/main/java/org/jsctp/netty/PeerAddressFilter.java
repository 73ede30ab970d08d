package org.jsctp.netty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Ready-made peer address sets for {@link SctpStack.Builder#allowedPeerAddresses(Predicate)}:
 * subnets in CIDR notation.
 */
public final class PeerAddressFilter {

  private PeerAddressFilter() {}

  /** Every address. */
  public static Predicate<InetAddress> any() {
    return a -> true;
  }

  /** 127.0.0.0/8 and ::1: nothing leaves the host. */
  public static Predicate<InetAddress> loopback() {
    return InetAddress::isLoopbackAddress;
  }

  /**
   * The addresses in any of the given subnets, such as {@code "127.0.0.0/8"} or {@code "fd00::/8"};
   * a bare address means that address alone.
   *
   * @throws IllegalArgumentException for a malformed subnet
   */
  public static Predicate<InetAddress> subnets(String... cidrs) {
    List<Subnet> list = new ArrayList<>();
    for (String cidr : cidrs) {
      list.add(Subnet.parse(cidr));
    }
    List<Subnet> copy = List.copyOf(list);
    return a -> {
      for (Subnet s : copy) {
        if (s.contains(a)) {
          return true;
        }
      }
      return false;
    };
  }

  private record Subnet(byte[] prefix, int bits) {

    static Subnet parse(String cidr) {
      String[] parts = cidr.trim().split("/", 2);
      byte[] address;
      try {
        // Only literal addresses: parse without any name lookup.
        if (!parts[0].matches("[0-9a-fA-F:.]+")) {
          throw new UnknownHostException(parts[0]);
        }
        address = InetAddress.getByName(parts[0]).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an IP address in subnet '" + cidr + "'", e);
      }
      int bits = address.length * 8;
      if (parts.length == 2) {
        try {
          bits = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad prefix length in subnet '" + cidr + "'", e);
        }
        if (bits < 0 || bits > address.length * 8) {
          throw new IllegalArgumentException(
              "prefix length out of range 0.." + address.length * 8 + " in '" + cidr + "'");
        }
      }
      return new Subnet(address, bits);
    }

    boolean contains(InetAddress a) {
      byte[] b = a.getAddress();
      if (b.length != prefix.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (b[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (b[full] & mask) == (prefix[full] & mask);
    }
  }
}
