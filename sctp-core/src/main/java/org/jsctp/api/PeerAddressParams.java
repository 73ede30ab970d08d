package org.jsctp.api;

import java.net.InetAddress;

/**
 * SCTP_PEER_ADDR_PARAMS (RFC 6458 section 8.1.12) for one peer address, or for every path of
 * the association and its future paths when {@code address} is null. When setting, 0 means
 * "leave unchanged" for the interval, Path.Max.Retrans and MTU, as in the sockets API.
 *
 * @param address the peer address, or null for all
 * @param heartbeatIntervalMillis spp_hbinterval
 * @param pathMaxRetrans spp_pathmaxrxt
 * @param pathMtu spp_pathmtu: the path's IP MTU, the largest PLPMTU path MTU discovery searches
 *     for (setting it starts the discovery over), and the path MTU itself while discovery is
 *     off; the current path MTU is {@link PeerAddressInfo#mtu()}
 * @param heartbeat SPP_HB_ENABLE, SPP_HB_DISABLE, SPP_HB_DEMAND, or unchanged
 */
public record PeerAddressParams(
    InetAddress address, long heartbeatIntervalMillis, int pathMaxRetrans, int pathMtu, HeartbeatMode heartbeat) {

  /** The heartbeat part of spp_flags. */
  public enum HeartbeatMode {
    /** Leave heartbeats as they are. */
    UNCHANGED,
    /** SPP_HB_ENABLE. */
    ENABLED,
    /** SPP_HB_DISABLE (SCTP_NO_HB). */
    DISABLED,
    /** SPP_HB_DEMAND (SCTP_ISSUE_HB): send one heartbeat now. */
    DEMAND
  }
}
