package org.jsctp.ha;

import java.net.InetAddress;
import java.util.Objects;
import org.jsctp.api.PathState;

/**
 * One peer transport address of a replicated association: where it is, the peer's UDP
 * encapsulation port for it (RFC 6951 section 5.4), its state and error count, its RTO estimator
 * (RFC 9260 section 6.3.1) and MTU, and its per-path options. Times are in nanoseconds.
 *
 * @param address the peer's IP address
 * @param udpPort the peer's UDP encapsulation port on this path
 * @param state ACTIVE, POTENTIALLY_FAILED, INACTIVE or UNCONFIRMED
 * @param errorCount the path error counter (RFC 9260 section 8.2)
 * @param mtu the configured IP MTU (path_mtu, spp_pathmtu): the most path MTU discovery
 *     searches for; a standby discovers the path MTU again from the base
 * @param srtt SRTT, or 0 before the first measurement
 * @param rttvar RTTVAR
 * @param rto the RTO, backoff included
 * @param measured whether an RTT was measured (C1 or C2 of RFC 9260 section 6.3.1 applies next)
 * @param pathMaxRetrans Path.Max.Retrans of this path
 * @param pfRetrans the PF threshold of this path (RFC 7829)
 * @param heartbeatIntervalMs HB.interval of this path
 * @param heartbeatEnabled whether heartbeats run on this path
 */
public record PathSnapshot(
    InetAddress address,
    int udpPort,
    PathState state,
    int errorCount,
    int mtu,
    long srtt,
    long rttvar,
    long rto,
    boolean measured,
    int pathMaxRetrans,
    int pfRetrans,
    long heartbeatIntervalMs,
    boolean heartbeatEnabled) {

  public PathSnapshot {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(state, "state");
  }
}
