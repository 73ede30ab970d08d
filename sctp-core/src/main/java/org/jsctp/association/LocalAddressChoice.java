package org.jsctp.association;

import java.net.InetAddress;
import java.util.List;

/**
 * The local address a path sends from: of the same family as the peer address, the one sharing
 * the longest address prefix with it (a stand-in for the routing table the core cannot see,
 * which pairs 10.0.1.1 with 10.0.1.2 rather than with 10.0.2.2). It stays fixed for the path;
 * replies to a packet still go out from the address it arrived on.
 */
final class LocalAddressChoice {

  private LocalAddressChoice() {}

  static InetAddress forPeer(InetAddress remote, List<InetAddress> locals) {
    InetAddress best = null;
    int bestPrefix = -1;
    byte[] r = remote.getAddress();
    for (InetAddress local : locals) {
      byte[] l = local.getAddress();
      if (l.length != r.length) {
        continue;
      }
      int prefix = commonPrefixBits(l, r);
      if (prefix > bestPrefix) {
        best = local;
        bestPrefix = prefix;
      }
    }
    return best != null ? best : locals.get(0);
  }

  private static int commonPrefixBits(byte[] a, byte[] b) {
    int bits = 0;
    for (int i = 0; i < a.length; i++) {
      int x = (a[i] ^ b[i]) & 0xFF;
      if (x == 0) {
        bits += 8;
        continue;
      }
      return bits + Integer.numberOfLeadingZeros(x) - 24;
    }
    return bits;
  }
}
