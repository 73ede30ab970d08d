package org.jsctp.endpoint;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One SCTP packet the core wants sent, as answered by {@code pollTransmit()}.
 *
 * <p>The driver sends {@code packet} as the payload of one UDP datagram from its channel bound
 * to {@code localAddress} (on the endpoint's UDP encapsulation port) to {@code remoteAddress}
 * and {@code remoteUdpPort} (RFC 6951 section 5.3). Ownership of the array passes to the
 * driver: the core never touches it again.
 *
 * @param localAddress the local IP to send from; one UDP channel is bound per local IP
 * @param remoteAddress the peer IP to send to
 * @param remoteUdpPort the peer's UDP encapsulation port for this path
 * @param packet the complete SCTP packet, checksum included
 */
public record Transmit(
    InetAddress localAddress, InetAddress remoteAddress, int remoteUdpPort, byte[] packet) {

  public Transmit {
    Objects.requireNonNull(localAddress, "localAddress");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(packet, "packet");
    if (remoteUdpPort <= 0 || remoteUdpPort > 0xFFFF) {
      throw new IllegalArgumentException("remoteUdpPort out of range 1..65535: " + remoteUdpPort);
    }
  }

  @Override
  public String toString() {
    return "Transmit[" + localAddress.getHostAddress() + " -> " + remoteAddress.getHostAddress()
        + ":" + remoteUdpPort + ", " + packet.length + " bytes]";
  }
}
