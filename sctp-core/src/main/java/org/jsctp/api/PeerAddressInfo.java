package org.jsctp.api;

import java.net.InetAddress;

/**
 * SCTP_GET_PEER_ADDR_INFO (RFC 6458 section 8.2.2, with RFC 7829's potentially failed state):
 * what the association knows about one peer address, plus this stack's per-path counters.
 *
 * @param address the peer IP
 * @param udpPort the peer's UDP encapsulation port for it
 * @param state spinfo_state, PF included (visible whether or not PF notifications are exposed)
 * @param cwnd spinfo_cwnd, bytes
 * @param srttMillis spinfo_srtt, ms (0 before the first measurement)
 * @param rtoMillis spinfo_rto, ms, backoff included
 * @param mtu spinfo_mtu, the IP MTU packets to the path are built for: the PLPMTU path MTU
 *     discovery found (RFC 8899), or the configured path_mtu while discovery is off
 * @param errorCount the path error counter
 * @param flightSize bytes in flight on the path
 * @param primary whether it is the primary path
 * @param carriesData whether new data goes to it now
 * @param heartbeatEnabled whether idle heartbeats are on
 * @param heartbeatIntervalMillis the heartbeat interval (spp_hbinterval)
 * @param pathMaxRetrans its Path.Max.Retrans
 * @param pfRetrans its potentially-failed threshold
 * @param pfEntries how often it entered PF
 * @param inactiveEntries how often it became INACTIVE
 * @param heartbeatsSent heartbeats sent to it
 * @param heartbeatAcks heartbeat acknowledgements from it
 * @param plpmtudState the state of path MTU discovery on it
 * @param plpmtudProbesSent PLPMTUD probes sent to it
 * @param plpmtudProbesAcked PLPMTUD probes it acknowledged
 * @param plpmtudProbesLost PLPMTUD probes unanswered within the probe interval
 * @param plpmtudBlackHoles how often its PLPMTU stopped getting through (back to BASE_PLPMTU)
 */
public record PeerAddressInfo(
    InetAddress address,
    int udpPort,
    PathState state,
    long cwnd,
    long srttMillis,
    long rtoMillis,
    int mtu,
    int errorCount,
    long flightSize,
    boolean primary,
    boolean carriesData,
    boolean heartbeatEnabled,
    long heartbeatIntervalMillis,
    int pathMaxRetrans,
    int pfRetrans,
    long pfEntries,
    long inactiveEntries,
    long heartbeatsSent,
    long heartbeatAcks,
    PlpmtudState plpmtudState,
    long plpmtudProbesSent,
    long plpmtudProbesAcked,
    long plpmtudProbesLost,
    long plpmtudBlackHoles) {}
