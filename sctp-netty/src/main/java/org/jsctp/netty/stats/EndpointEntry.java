package org.jsctp.netty.stats;

import java.net.InetAddress;
import java.util.List;

/**
 * One endpoint, as a row of Linux's {@code /proc/net/sctp/eps} (sctp(7)): socket style, state,
 * local port and local addresses, plus what UDP encapsulation adds.
 *
 * @param style "one-to-one" (SOCK_STREAM) or "one-to-many" (SOCK_SEQPACKET)
 * @param listening whether it accepts new associations (the eps "sock state" LISTEN)
 * @param localPort the SCTP port
 * @param udpPort the local UDP encapsulation port
 * @param localAddresses the local IPs, one UDP channel each
 * @param associations the number of associations
 */
public record EndpointEntry(
    String style,
    boolean listening,
    int localPort,
    int udpPort,
    List<InetAddress> localAddresses,
    int associations) {

  /** Copies the list. */
  public EndpointEntry {
    localAddresses = List.copyOf(localAddresses);
  }

  /** The row in the style of {@code /proc/net/sctp/eps} (without kernel pointers). */
  public String toProcLine() {
    StringBuilder sb = new StringBuilder();
    sb.append(style)
        .append(' ')
        .append(listening ? "LISTEN" : "-")
        .append(' ')
        .append(localPort)
        .append(" udp ")
        .append(udpPort)
        .append(' ');
    for (InetAddress a : localAddresses) {
      sb.append(a.getHostAddress()).append(' ');
    }
    return sb.toString().trim();
  }
}
