package org.jsctp.netty.option;

import java.net.InetSocketAddress;

/**
 * SCTP_REMOTE_UDP_ENCAPS_PORT (RFC 6951 section 6.1, struct sctp_udpencaps): the peer's UDP port
 * for one of its addresses, or, with a null address, for associations set up afterwards and every
 * path of the current one. The stack also learns the port from the packets the peer sends (RFC 6951
 * section 5.4), so this matters mostly before the first packet arrives.
 *
 * <p>0, which in RFC 6951 turns encapsulation off, is refused: this stack only runs over UDP.
 *
 * @param address the peer address (its IP selects the path), or null for all and future paths
 * @param port the peer's UDP encapsulation port, 1..65535 (sue_port)
 */
public record RemoteUdpEncapsPort(InetSocketAddress address, int port) {

  /** Checks the port. */
  public RemoteUdpEncapsPort {
    if (port == 0) {
      throw new IllegalArgumentException(
          "SCTP_REMOTE_UDP_ENCAPS_PORT sue_port = 0 (no encapsulation) is not supported: this stack"
              + " only runs over UDP; range 1..65535");
    }
    Ranges.check("SCTP_REMOTE_UDP_ENCAPS_PORT", "sue_port", port, 1, 0xFFFF);
  }
}
