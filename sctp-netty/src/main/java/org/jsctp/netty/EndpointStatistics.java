package org.jsctp.netty;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsctp.association.SctpAssociation;
import org.jsctp.endpoint.Endpoint;
import org.jsctp.netty.stats.AssociationEntry;
import org.jsctp.netty.stats.EndpointEntry;
import org.jsctp.stats.MibCounter;

/**
 * The statistics views of one endpoint, as Linux's {@code /proc/net/sctp} shows them: the endpoint
 * ({@code eps}), its associations ({@code assocs}) and its RFC 3873 counters ({@code snmp}).
 *
 * <p>Threading: they read the core's state, so they are built on the endpoint's event loop ({@link
 * SctpStack} asks each endpoint's loop for them).
 */
final class EndpointStatistics {

  private final Endpoint endpoint;
  private final String style;
  private final UdpChannels udp;

  /**
   * @param style "one-to-one" or "one-to-many"
   */
  EndpointStatistics(Endpoint endpoint, String style, UdpChannels udp) {
    this.endpoint = endpoint;
    this.style = style;
    this.udp = udp;
  }

  /** The endpoint's row. */
  EndpointEntry entry(boolean listening) {
    return new EndpointEntry(
        style,
        listening,
        endpoint.localPort(),
        udp.port(),
        endpoint.localAddresses(),
        endpoint.associations().size());
  }

  /** A row per association, peer addresses primary first. */
  List<AssociationEntry> associationEntries() {
    List<AssociationEntry> list = new ArrayList<>();
    for (SctpAssociation a : endpoint.associations()) {
      List<InetAddress> remotes = new ArrayList<>();
      InetAddress primary = a.options().primaryAddress();
      if (primary != null) {
        remotes.add(primary);
      }
      for (InetAddress address : a.peerAddresses()) {
        if (!address.equals(primary)) {
          remotes.add(address);
        }
      }
      list.add(
          new AssociationEntry(
              a.id(),
              style,
              a.state(),
              a.bufferedAmount(),
              a.receivedBytesHeld(),
              a.localPort(),
              a.peerPort(),
              udp.port(),
              endpoint.localAddresses(),
              remotes,
              primary));
    }
    return list;
  }

  /** The endpoint's counters. */
  Map<MibCounter, Long> snmp() {
    return endpoint.snmp();
  }
}
