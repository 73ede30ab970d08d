package org.jsctp.netty;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.Collection;
import java.util.List;

/**
 * Checks of the peer addresses an application hands to a channel (connect, send, per-address
 * options), at the API edge: resolved, with an SCTP port, inside the stack's allowed peer
 * addresses.
 */
final class PeerAddresses {

  private PeerAddresses() {}

  /**
   * The addresses of one association to connect to: resolved, one SCTP port, allowed.
   *
   * @param ips filled with the peer's IPs, in order
   * @return the peer's SCTP port
   */
  static int checkConnect(
      SctpStack stack, Collection<? extends SocketAddress> remotes, List<InetAddress> ips) {
    if (remotes == null || remotes.isEmpty()) {
      throw new IllegalArgumentException("connect needs at least one remote address");
    }
    int port = -1;
    for (SocketAddress r : remotes) {
      if (!(r instanceof InetSocketAddress isa)) {
        throw new UnsupportedAddressTypeException();
      }
      if (isa.isUnresolved()) {
        throw new IllegalArgumentException("unresolved address: " + isa);
      }
      if (isa.getPort() <= 0) {
        throw new IllegalArgumentException(
            "remote SCTP port out of range 1..65535: " + isa.getPort());
      }
      if (port != -1 && isa.getPort() != port) {
        throw new IllegalArgumentException(
            "all remote addresses of one association need the same SCTP port");
      }
      port = isa.getPort();
      stack.checkAllowedPeer(isa.getAddress());
      ips.add(isa.getAddress());
    }
    return port;
  }

  /** The address a one-to-many send without an association names: resolved, a port, allowed. */
  static InetSocketAddress checkSend(SctpStack stack, SocketAddress address) {
    if (!(address instanceof InetSocketAddress peer)
        || peer.isUnresolved()
        || peer.getPort() <= 0) {
      throw new IllegalArgumentException(
          "the MessageInfo needs an association or a resolved peer address with a port: "
              + address);
    }
    stack.checkAllowedPeer(peer.getAddress());
    return peer;
  }

  /** The peer address of a per-address option: null, or resolved. */
  static InetSocketAddress ofOption(SocketAddress peer) {
    if (peer == null) {
      return null;
    }
    if (!(peer instanceof InetSocketAddress isa) || isa.isUnresolved()) {
      throw new IllegalArgumentException("not a resolved peer address: " + peer);
    }
    return isa;
  }
}
