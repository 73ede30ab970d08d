package org.jsctp.netty.stats;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.association.AssociationState;

/**
 * One association, as a row of Linux's {@code /proc/net/sctp/assocs} (sctp(7)): socket style,
 * association state, association id, bytes in the transmit and receive queues, ports and addresses,
 * plus what multihoming and UDP encapsulation add.
 *
 * @param associationId the association id
 * @param style "one-to-one" or "one-to-many", from the channel it belongs to
 * @param state the RFC 9260 state
 * @param txQueue bytes in the transmit queue: queued or sent and not yet acknowledged
 * @param rxQueue bytes in the receive queue: delivered and unread, plus held for reassembly and
 *     ordering
 * @param localPort the local SCTP port
 * @param remotePort the peer's SCTP port
 * @param localUdpPort the local UDP encapsulation port
 * @param localAddresses the local IPs
 * @param remoteAddresses the peer's IPs, primary first
 * @param primary the primary path's peer IP, or null
 */
public record AssociationEntry(
    int associationId,
    String style,
    AssociationState state,
    long txQueue,
    long rxQueue,
    int localPort,
    int remotePort,
    int localUdpPort,
    List<InetAddress> localAddresses,
    List<InetAddress> remoteAddresses,
    InetAddress primary) {

  /** Copies the lists. */
  public AssociationEntry {
    localAddresses = List.copyOf(localAddresses);
    remoteAddresses = List.copyOf(remoteAddresses);
  }

  /** The row in the style of {@code /proc/net/sctp/assocs} (without kernel pointers). */
  public String toProcLine() {
    StringBuilder sb = new StringBuilder();
    sb.append(associationId)
        .append(' ')
        .append(style)
        .append(' ')
        .append(state.linuxName())
        .append(' ')
        .append(txQueue)
        .append(' ')
        .append(rxQueue)
        .append(' ')
        .append(localPort)
        .append(' ')
        .append(remotePort)
        .append(' ');
    for (InetAddress a : localAddresses) {
      sb.append(a.getHostAddress()).append(' ');
    }
    sb.append("<-> ");
    for (InetAddress a : remoteAddresses) {
      sb.append(a.equals(primary) ? "*" : "").append(a.getHostAddress()).append(' ');
    }
    return sb.toString().trim();
  }
}
