package org.jsctp.association;

import java.net.InetAddress;
import org.jsctp.path.Path;

/**
 * Where a packet goes: the peer IP and UDP encapsulation port, and the local IP to send from.
 * Replies to a packet go to its source even when that source is not a known path (RFC 9260
 * section 6.4: reply to the address the chunk came from).
 *
 * @param remote the peer IP
 * @param udpPort the peer's UDP port
 * @param local the local IP
 */
public record Destination(InetAddress remote, int udpPort, InetAddress local) {

  static Destination of(Path path) {
    return new Destination(path.address(), path.udpPort(), path.localAddress());
  }
}
