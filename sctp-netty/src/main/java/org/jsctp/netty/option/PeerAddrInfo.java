package org.jsctp.netty.option;

import java.net.InetSocketAddress;
import org.jsctp.path.PathState;

/**
 * SCTP_GET_PEER_ADDR_INFO (RFC 6458 section 8.2.2, struct sctp_paddrinfo; read-only): the state
 * of one peer address.
 *
 * @param address the peer address (IP and the peer's SCTP port)
 * @param state ACTIVE, POTENTIALLY_FAILED, INACTIVE or UNCONFIRMED (spinfo_state)
 * @param cwnd the congestion window in bytes (spinfo_cwnd)
 * @param srtt the smoothed round-trip time in ms, 0 before the first measurement (spinfo_srtt)
 * @param rto the current retransmission timeout in ms (spinfo_rto)
 * @param mtu the path MTU in bytes (spinfo_mtu)
 * @param udpPort the peer's UDP encapsulation port on this path
 * @param errorCount the path's error counter
 * @param primary whether this is the primary path
 */
public record PeerAddrInfo(
    InetSocketAddress address, PathState state, long cwnd, long srtt, long rto, int mtu, int udpPort,
    int errorCount, boolean primary) {}
