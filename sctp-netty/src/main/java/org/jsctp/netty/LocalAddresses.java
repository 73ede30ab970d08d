package org.jsctp.netty;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which local IPs a bind or an automatic bind uses. */
final class LocalAddresses {

  private LocalAddresses() {}

  /** The socket address of a bind call: checked, resolved. */
  static InetSocketAddress checkBind(SocketAddress local) {
    if (local == null) {
      return new InetSocketAddress(0);
    }
    if (!(local instanceof InetSocketAddress isa)) {
      throw new UnsupportedAddressTypeException();
    }
    if (isa.isUnresolved()) {
      throw new IllegalArgumentException("unresolved address: " + isa);
    }
    return isa;
  }

  /**
   * The IPs a bind to {@code isa} means: the address itself, or for the wildcard every address of
   * every interface that is up (IPv6 link-local addresses excluded: they need a scope).
   */
  static List<InetAddress> expand(InetSocketAddress isa) throws IOException {
    InetAddress a = isa.getAddress();
    if (!a.isAnyLocalAddress()) {
      return List.of(a);
    }
    Set<InetAddress> all = new LinkedHashSet<>();
    Enumeration<NetworkInterface> nics = NetworkInterface.getNetworkInterfaces();
    while (nics != null && nics.hasMoreElements()) {
      NetworkInterface nic = nics.nextElement();
      if (!nic.isUp()) {
        continue;
      }
      for (Enumeration<InetAddress> e = nic.getInetAddresses(); e.hasMoreElements(); ) {
        InetAddress ip = e.nextElement();
        if (ip instanceof Inet6Address && ip.isLinkLocalAddress()) {
          continue;
        }
        all.add(ip);
      }
    }
    if (all.isEmpty()) {
      throw new SocketException("no local address is up");
    }
    return new ArrayList<>(all);
  }

  /**
   * The local IPs an unbound channel uses for {@code peers}: for each peer the IP the operating
   * system would send from (asked with a connected UDP socket, which sends nothing).
   */
  static List<InetAddress> forPeers(Collection<InetAddress> peers) throws IOException {
    Set<InetAddress> out = new LinkedHashSet<>();
    for (InetAddress peer : peers) {
      try (DatagramSocket probe = new DatagramSocket()) {
        probe.connect(peer, 9);
        InetAddress local = probe.getLocalAddress();
        if (local == null || local.isAnyLocalAddress()) {
          local = peer.isLoopbackAddress() ? peer : InetAddress.getLocalHost();
        }
        out.add(local);
      }
    }
    return new ArrayList<>(out);
  }
}
