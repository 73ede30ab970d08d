package org.jsctp.association;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationStatus;
import org.jsctp.api.PeerAddressInfo;
import org.jsctp.api.PeerAddressParams;
import org.jsctp.api.PeerAddressThresholds;
import org.jsctp.path.Path;
import org.jsctp.path.PathThresholds;

/**
 * The semantics of the socket options that concern paths and the association's status (RFC 6458
 * sections 8.1.12, 8.2.1, 8.2.2 and RFC 7829 section 7.3), for {@link SctpAssociation}'s public
 * methods of the same names: SCTP_GET_PEER_ADDR_INFO, SCTP_STATUS, SCTP_PEER_ADDR_PARAMS,
 * SCTP_ISSUE_HB, SCTP_PEER_ADDR_THLDS and SCTP_PRIMARY_ADDR.
 */
final class SocketOptionSemantics {

  private static final long MS = 1_000_000L;

  private final SctpAssociation a;

  SocketOptionSemantics(SctpAssociation a) {
    this.a = a;
  }


  Path requirePath(InetAddress address, String option) {
    Path p = a.paths.find(address);
    if (p == null) {
      throw new IllegalArgumentException(option + ": " + address.getHostAddress()
          + " is not a peer address of association " + a.id());
    }
    return p;
  }

  /** SCTP_GET_PEER_ADDR_INFO for one peer address. */
  PeerAddressInfo peerAddressInfo(InetAddress address) {
    Path p = requirePath(address, "SCTP_GET_PEER_ADDR_INFO");
    return new PeerAddressInfo(
        p.address(), p.udpPort(), p.state(), p.congestion().cwnd(),
        p.rto().srtt() / MS, p.rto().rto() / MS, p.mtu(), p.errorCount(), p.flightSize(),
        p == a.paths.primary(), p == a.paths.currentDataPath(), p.heartbeatEnabled(),
        p.heartbeatIntervalNanos() / MS, p.thresholds().pathMaxRetrans(), p.thresholds().pfRetrans(),
        p.pfEntries(), p.inactiveEntries(), p.heartbeatsSent(), p.heartbeatAcks());
  }

  /** SCTP_GET_PEER_ADDR_INFO for every peer address, in path order. */
  List<PeerAddressInfo> peerAddressInfos() {
    List<PeerAddressInfo> list = new ArrayList<>();
    for (Path p : a.paths.paths()) {
      list.add(peerAddressInfo(p.address()));
    }
    return list;
  }

  /** SCTP_STATUS. */
  AssociationStatus status() {
    Path primary = a.paths.primary();
    return new AssociationStatus(
        a.id(), a.state,
        a.sender == null ? 0 : a.sender.peerRwnd(),
        a.sender == null ? 0 : a.sender.unacknowledgedChunks(),
        a.receiver == null ? 0 : a.receiver.pendingBytes(),
        a.inboundStreams, a.outboundStreams,
        a.sender == null ? a.paths.fragmentPoint() : a.sender.fragmentSize(),
        primary == null ? null : primary.address(),
        a.errorCount, a.maxRetrans,
        a.sender == null ? 0 : a.sender.bufferedAmount(),
        a.receiver == null ? a.options.rcvbuf() : a.receiver.advertisedWindow(),
        a.thresholdWarning());
  }

  /** SCTP_PEER_ADDR_PARAMS as it stands for one address (its heartbeat mode is ENABLED or DISABLED). */
  PeerAddressParams peerAddressParams(InetAddress address) {
    if (address == null) {
      return new PeerAddressParams(null, a.options.heartbeatIntervalMs(), a.options.pathMaxRetrans(),
          a.options.pathMtu(), a.options.heartbeatEnabled() ? PeerAddressParams.HeartbeatMode.ENABLED
              : PeerAddressParams.HeartbeatMode.DISABLED);
    }
    Path p = requirePath(address, "SCTP_PEER_ADDR_PARAMS");
    return new PeerAddressParams(p.address(), p.heartbeatIntervalNanos() / MS,
        p.thresholds().pathMaxRetrans(), p.mtu(), p.heartbeatEnabled()
            ? PeerAddressParams.HeartbeatMode.ENABLED : PeerAddressParams.HeartbeatMode.DISABLED);
  }

  /**
   * Sets SCTP_PEER_ADDR_PARAMS for one path, or for all a.paths and future ones when the address is
   * null. Zero leaves a value unchanged; DEMAND sends a heartbeat at once (SCTP_ISSUE_HB).
   */
  void setPeerAddressParams(long now, PeerAddressParams params) {
    a.lastNow = now;
    if (params.heartbeatIntervalMillis() < 0 || params.heartbeatIntervalMillis() > 86_400_000) {
      throw new IllegalArgumentException("SCTP_PEER_ADDR_PARAMS spp_hbinterval = "
          + params.heartbeatIntervalMillis() + " is out of range 0..86400000 (0 = unchanged)");
    }
    if (params.pathMaxRetrans() < 0 || params.pathMaxRetrans() > 0xFFFF) {
      throw new IllegalArgumentException("SCTP_PEER_ADDR_PARAMS spp_pathmaxrxt = "
          + params.pathMaxRetrans() + " is out of range 0..65535 (0 = unchanged)");
    }
    if (params.pathMtu() != 0 && (params.pathMtu() < 576 || params.pathMtu() > 65_535)) {
      throw new IllegalArgumentException("SCTP_PEER_ADDR_PARAMS spp_pathmtu = " + params.pathMtu()
          + " is out of range 576..65535 (0 = unchanged)");
    }
    List<Path> targets = params.address() == null ? a.paths.paths()
        : List.of(requirePath(params.address(), "SCTP_PEER_ADDR_PARAMS"));
    if (params.address() == null) {
      a.options.setHeartbeatIntervalMs(params.heartbeatIntervalMillis());
      a.options.setPathMaxRetrans(params.pathMaxRetrans());
      if (params.pathMtu() != 0) {
        a.options.setPathMtu(params.pathMtu());
      }
      if (params.heartbeat() == PeerAddressParams.HeartbeatMode.ENABLED) {
        a.options.setHeartbeatEnabled(true);
      } else if (params.heartbeat() == PeerAddressParams.HeartbeatMode.DISABLED) {
        a.options.setHeartbeatEnabled(false);
      }
    }
    for (Path p : targets) {
      if (params.heartbeatIntervalMillis() != 0) {
        p.setHeartbeatIntervalNanos(params.heartbeatIntervalMillis() * MS);
      }
      if (params.pathMaxRetrans() != 0) {
        PathThresholds t = p.thresholds();
        p.setThresholds(new PathThresholds(params.pathMaxRetrans(), t.pfRetrans(), t.pfEnabled()));
      }
      if (params.pathMtu() != 0) {
        p.setMtu(params.pathMtu());
      }
      switch (params.heartbeat()) {
        case ENABLED -> {
          p.setHeartbeatEnabled(true);
          if (a.state.heartbeats() && !p.heartbeatTimer().isRunning()) {
            a.paths.scheduleHeartbeat(p, now);
          }
        }
        case DISABLED -> {
          p.setHeartbeatEnabled(false);
          if (!p.heartbeatOutstanding() && p.state().isConfirmed()) {
            p.heartbeatTimer().stop();
          }
        }
        case DEMAND -> {
          if (a.state.heartbeats()) {
            a.paths.sendHeartbeat(p, now);
          }
        }
        default -> {}
      }
    }
    a.validateThresholds();
    a.touch();
  }

  /** SCTP_ISSUE_HB: a heartbeat to this address now. */
  void requestHeartbeat(long now, InetAddress address) {
    setPeerAddressParams(now, new PeerAddressParams(address, 0, 0, 0, PeerAddressParams.HeartbeatMode.DEMAND));
  }

  /** SCTP_PEER_ADDR_THLDS as it stands for one address, or the association's defaults (null). */
  PeerAddressThresholds thresholds(InetAddress address) {
    if (address == null) {
      return new PeerAddressThresholds(null, a.options.pathMaxRetrans(), a.options.pfRetrans(), a.paths.psRetrans());
    }
    Path p = requirePath(address, "SCTP_PEER_ADDR_THLDS");
    return new PeerAddressThresholds(p.address(), p.thresholds().pathMaxRetrans(),
        p.thresholds().pfRetrans(), a.paths.psRetrans());
  }

  /**
   * Sets SCTP_PEER_ADDR_THLDS for one path, or for every path and the association's default when
   * the address is null (as the Linux patch does). A Path.Max.Retrans of 0 leaves it unchanged.
   *
   * @throws IllegalArgumentException when a value is out of range, or the switchover threshold is
   *     enabled below the PF threshold (RFC 7829 section 5)
   */
  void setThresholds(long now, PeerAddressThresholds t) {
    a.lastNow = now;
    AssociationOptions.check("SCTP_PEER_ADDR_THLDS spt_pathmaxrxt", t.pathMaxRetrans(), 0, 0xFFFF);
    AssociationOptions.check("SCTP_PEER_ADDR_THLDS spt_pathpfthld", t.pfRetrans(), 0, 0xFFFF);
    AssociationOptions.check("SCTP_PEER_ADDR_THLDS spt_pathcpthld", t.psRetrans(), 0, 0xFFFF);
    if (t.psRetrans() != PeerAddressThresholds.SWITCHOVER_OFF && t.psRetrans() < t.pfRetrans()) {
      throw new IllegalArgumentException("SCTP_PEER_ADDR_THLDS spt_pathcpthld (" + t.psRetrans()
          + ") must be at least spt_pathpfthld (" + t.pfRetrans() + ") or 65535 (off), RFC 7829 section 5");
    }
    List<Path> targets = t.address() == null ? a.paths.paths()
        : List.of(requirePath(t.address(), "SCTP_PEER_ADDR_THLDS"));
    if (t.address() == null) {
      int pmr = t.pathMaxRetrans() != 0 ? t.pathMaxRetrans() : a.options.pathMaxRetrans();
      a.options.setThresholds(pmr, t.pfRetrans());
    }
    for (Path p : targets) {
      int pmr = t.pathMaxRetrans() != 0 ? t.pathMaxRetrans() : p.thresholds().pathMaxRetrans();
      p.setThresholds(new PathThresholds(pmr, t.pfRetrans(), p.thresholds().pfEnabled()));
    }
    a.paths.setPsRetrans(t.psRetrans());
    a.validateThresholds();
  }

  /**
   * The application changed a socket option of this live association (through {@link
   * #a.options()}, {@link #a.sender()} or {@link #a.receiver()}): its output and deadline are looked at
   * again, so that for example switching SCTP_NODELAY on sends what Nagle held back.
   */
  void optionsChanged(long now) {
    a.lastNow = Math.max(a.lastNow, now);
    a.touch();
  }

  /** SCTP_PRIMARY_ADDR: new data goes to this confirmed peer address while it is ACTIVE. */
  void setPrimary(long now, InetAddress address) {
    a.lastNow = now;
    a.paths.setPrimary(requirePath(address, "SCTP_PRIMARY_ADDR"));
    a.touch();
  }

  /** The primary peer address, or null before the handshake. */
  InetAddress primaryAddress() {
    Path p = a.paths.primary();
    return p == null ? null : p.address();
  }
}
