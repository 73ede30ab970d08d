package org.jsctp.netty;

import java.net.SocketAddress;
import java.util.Objects;

/**
 * SCTP_PEER_ADDR_CHANGE (RFC 6458 section 6.1.2, RFC 7829 section 7.1), like {@code
 * com.sun.nio.sctp.PeerAddressChangeNotification}: a peer address changed state.
 *
 * <p>{@link AddressChangeEvent#ADDR_POTENTIALLY_FAILED} is only reported when the option {@link
 * SctpStandardSocketOptions#SCTP_EXPOSE_POTENTIALLY_FAILED_STATE} is on; the path's state is
 * visible through {@link SctpStandardSocketOptions#SCTP_GET_PEER_ADDR_INFO} either way.
 *
 * @param association the association
 * @param address the peer address (IP and the peer's SCTP port)
 * @param event what happened
 * @param udpPort the peer's UDP encapsulation port for the address
 * @param errorCount the path's error counter at the time
 */
public record PeerAddressChangeNotification(
    Association association,
    SocketAddress address,
    AddressChangeEvent event,
    int udpPort,
    int errorCount)
    implements Notification {

  /** Checks the arguments. */
  public PeerAddressChangeNotification {
    Objects.requireNonNull(association, "association");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(event, "event");
  }

  /** The kinds of address change, with the JDK's names plus RFC 7829's. */
  public enum AddressChangeEvent {
    /** The address is reachable again (SCTP_ADDR_AVAILABLE). */
    ADDR_AVAILABLE,
    /**
     * The address became unreachable: more than Path.Max.Retrans errors (SCTP_ADDR_UNREACHABLE).
     */
    ADDR_UNREACHABLE,
    /** The address was removed from the association (SCTP_ADDR_REMOVED). */
    ADDR_REMOVED,
    /** The address was added to the association (SCTP_ADDR_ADDED). */
    ADDR_ADDED,
    /** The address became the primary path (SCTP_ADDR_MADE_PRIM). */
    ADDR_MADE_PRIMARY,
    /** A heartbeat confirmed the address (SCTP_ADDR_CONFIRMED). */
    ADDR_CONFIRMED,
    /** The path is potentially failed (RFC 7829 SCTP_ADDR_POTENTIALLY_FAILED). */
    ADDR_POTENTIALLY_FAILED
  }
}
