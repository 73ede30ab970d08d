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
 * <p>Packets are built for their path's PLPMTU (RFC 8899) and should go with the IP
 * don't-fragment bit set, so that path MTU discovery sees their loss. A few may not:
 * {@code allowFragmentation} marks a packet larger than the PLPMTU that cannot be made smaller (a
 * chunk that already has a TSN is never cut again, RFC 9260 section 6.9) or that goes to a path
 * where even BASE_PLPMTU failed. RFC 8899 section 4.4 lets such a packet be fragmented by the
 * network layer; the driver sends it so if it can (clearing DF, sender-side IP fragmentation),
 * else as it is. {@code probe} marks a PLPMTUD probe, which must not be fragmented at all, not
 * even by the sending host when it is larger than the host's own idea of the path MTU: its loss
 * is the answer the probe asks for.
 *
 * @param localAddress the local IP to send from; one UDP channel is bound per local IP
 * @param remoteAddress the peer IP to send to
 * @param remoteUdpPort the peer's UDP encapsulation port for this path
 * @param packet the complete SCTP packet, checksum included
 * @param allowFragmentation whether the IP layer may fragment the datagram
 * @param probe whether it is a PLPMTUD probe, never to be fragmented (never with
 *     {@code allowFragmentation})
 */
public record Transmit(
    InetAddress localAddress,
    InetAddress remoteAddress,
    int remoteUdpPort,
    byte[] packet,
    boolean allowFragmentation,
    boolean probe) {

  /** A packet that fits its path: sent with don't-fragment where the driver can set it. */
  public Transmit(InetAddress localAddress, InetAddress remoteAddress, int remoteUdpPort, byte[] packet) {
    this(localAddress, remoteAddress, remoteUdpPort, packet, false, false);
  }

  /** A packet that is no probe, which the IP layer may fragment or not. */
  public Transmit(InetAddress localAddress, InetAddress remoteAddress, int remoteUdpPort,
      byte[] packet, boolean allowFragmentation) {
    this(localAddress, remoteAddress, remoteUdpPort, packet, allowFragmentation, false);
  }

  public Transmit {
    Objects.requireNonNull(localAddress, "localAddress");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(packet, "packet");
    if (remoteUdpPort <= 0 || remoteUdpPort > 0xFFFF) {
      throw new IllegalArgumentException("remoteUdpPort out of range 1..65535: " + remoteUdpPort);
    }
    if (probe && allowFragmentation) {
      throw new IllegalArgumentException("a PLPMTUD probe may not be fragmented");
    }
  }

  @Override
  public String toString() {
    return "Transmit[" + localAddress.getHostAddress() + " -> " + remoteAddress.getHostAddress()
        + ":" + remoteUdpPort + ", " + packet.length + " bytes"
        + (allowFragmentation ? ", may fragment" : "") + (probe ? ", probe" : "") + "]";
  }
}
