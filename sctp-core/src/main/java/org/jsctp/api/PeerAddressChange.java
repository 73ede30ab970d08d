package org.jsctp.api;

import java.net.InetAddress;

/**
 * SCTP_PEER_ADDR_CHANGE (RFC 6458 section 6.1.2, RFC 7829 section 7.1): a peer address changed
 * state. ADDR_POTENTIALLY_FAILED is only reported when exposing PF is switched on.
 *
 * @param associationId the association
 * @param address the peer IP address
 * @param udpPort the peer's UDP encapsulation port for that address
 * @param kind what happened
 * @param errorCount the path's error counter at the time
 */
public record PeerAddressChange(
    int associationId, InetAddress address, int udpPort, Kind kind, int errorCount)
    implements SctpEvent {

  /** The spc_state values. */
  public enum Kind {
    ADDR_AVAILABLE,
    ADDR_UNREACHABLE,
    ADDR_REMOVED,
    ADDR_ADDED,
    ADDR_MADE_PRIM,
    ADDR_CONFIRMED,
    ADDR_POTENTIALLY_FAILED
  }
}
