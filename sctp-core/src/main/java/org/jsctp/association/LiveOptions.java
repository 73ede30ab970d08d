package org.jsctp.association;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationStatus;
import org.jsctp.api.PeerAddressInfo;
import org.jsctp.api.PeerAddressParams;
import org.jsctp.api.PeerAddressThresholds;
import org.jsctp.api.PrStatus;
import org.jsctp.api.StreamSchedulerKind;
import org.jsctp.path.Path;
import org.jsctp.tx.DataSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket options of a live association (RFC 6458 sections 8.1 and 8.2, RFC 7829 section 7)
 * and the only way to change them: each setter checks its value (naming the option and its range
 * when it refuses one), records it, and applies what follows from it at once: the data halves and
 * the paths read their settings from here, timers and heartbeats are re-planned, and the
 * association's output is looked at again (switching SCTP_NODELAY on sends what Nagle held back).
 * The queries (SCTP_STATUS, SCTP_GET_PEER_ADDR_INFO, ...) read the association as it stands.
 *
 * <p>Like the association, not thread-safe: call it on the endpoint's thread.
 */
public final class LiveOptions {

  private static final long MS = 1_000_000L;

  private static final Logger LOG = LoggerFactory.getLogger(SctpAssociation.class);

  private final SctpAssociation a;
  private final LiveAuthOptions auth;
  private String thresholdWarning;

  LiveOptions(SctpAssociation a) {
    this.a = a;
    this.auth = new LiveAuthOptions(a);
  }

  /** The AUTH options (RFC 4895): keys, the active key, the chunk lists. */
  public LiveAuthOptions auth() {
    return auth;
  }

  /** The association's settings as they stand (read-only). */
  public AssociationSettings current() {
    return a.options;
  }

  private void changed() {
    a.touch();
  }

  // ---- the sending and receiving halves ----------------------------------------------------

  /** SCTP_NODELAY (RFC 6458 section 8.1.5). */
  public void setNodelay(boolean nodelay) {
    a.options.setNodelay(nodelay);
    changed();
  }

  /** SCTP_DISABLE_FRAGMENTS (RFC 6458 section 8.1.11). */
  public void setDisableFragments(boolean disable) {
    a.options.setDisableFragments(disable);
    changed();
  }

  /** SCTP_MAXSEG (RFC 6458 section 8.1.16): 0 lets the path MTU decide. */
  public void setMaxSegment(int bytes) {
    a.options.setMaxSegment(bytes);
    changed();
  }

  /** SCTP_MAX_BURST (RFC 6458 section 8.1.24). */
  public void setMaxBurst(int packets) {
    a.options.setMaxBurst(packets);
    changed();
  }

  /**
   * SCTP_STREAM_SCHEDULER (RFC 8260 section 4.3.2): the stream scheduler, at once when the
   * association is set up (queued messages and per-stream values carry over), else from its set-up.
   *
   * @throws IllegalArgumentException for null
   */
  public void setStreamScheduler(StreamSchedulerKind kind) {
    a.options.setStreamScheduler(kind);
    Tcb tcb = a.tcb();
    if (tcb != null) {
      tcb.sender.streams().setScheduler(kind);
    }
    changed();
  }

  /**
   * SCTP_STREAM_SCHEDULER_VALUE (RFC 8260 section 4.3.3) of one outbound stream: its priority
   * (PRIORITY, 0 the highest) or weight (WEIGHTED_FAIR_QUEUEING, at least 1). It stays with the
   * stream when the scheduler changes.
   *
   * @throws IllegalArgumentException for a stream that is not an outbound stream, a value outside
   *     0..65535, or a weight of 0
   * @throws IllegalStateException before the association is set up (its streams are not known)
   */
  public void setStreamSchedulerValue(int stream, int value) {
    requireSender().streams().setSchedulerValue(stream, value);
    changed();
  }

  /**
   * SCTP_STREAM_SCHEDULER_VALUE of one outbound stream under the scheduler in use: the value set
   * or the default (priority 0, weight 1); 0 for schedulers without values.
   *
   * @throws IllegalArgumentException for a stream that is not an outbound stream
   * @throws IllegalStateException before the association is set up
   */
  public int streamSchedulerValue(int stream) {
    return requireSender().streams().schedulerValue(stream);
  }

  private DataSender requireSender() {
    Tcb tcb = a.tcb();
    if (tcb == null) {
      throw new IllegalStateException("SCTP_STREAM_SCHEDULER_VALUE needs an association that is"
          + " set up (its outbound streams are not known yet): association " + a.id() + " is "
          + a.state());
    }
    return tcb.sender;
  }

  // ---- stream reconfiguration (RFC 6525 section 6.3) --------------------------------------

  /**
   * SCTP_ENABLE_STREAM_RESET (RFC 6525 section 6.3.1): which requests of the peer are taken, as
   * the bits {@link AssociationOptions#ENABLE_RESET_STREAM_REQ}, {@link
   * AssociationOptions#ENABLE_RESET_ASSOC_REQ} and {@link AssociationOptions#ENABLE_CHANGE_ASSOC_REQ};
   * the others are answered Denied. Our own requests need none of them.
   *
   * @throws IllegalArgumentException for other bits
   */
  public void enableStreamReset(int flags) {
    a.options.setEnableStreamReset(flags);
  }

  /** SCTP_ENABLE_STREAM_RESET as it stands. */
  public int streamResetFlags() {
    return a.options.enableStreamReset();
  }

  /**
   * SCTP_RESET_STREAMS (RFC 6525 section 6.3.2): resets our outgoing {@code streams}, asks the
   * peer to reset its outgoing ones (our incoming), or both; no stream means all. Outgoing
   * streams stop taking new messages at once (those sent meanwhile wait, then start at SSN 0);
   * the request goes when no message of them is partly sent. The outcome comes as {@link
   * org.jsctp.api.StreamReset} events.
   *
   * @throws IllegalStateException when the association is not established, did not negotiate
   *     RE-CONFIG, or has a request in progress (Linux: EINPROGRESS)
   * @throws IllegalArgumentException for neither direction, a stream that is not one of the
   *     direction's streams, or more streams than a packet holds
   */
  public void resetStreams(boolean incoming, boolean outgoing, int... streams) {
    List<Integer> list = new ArrayList<>(streams.length);
    for (int s : streams) {
      list.add(s);
    }
    a.reconfig.resetStreams(incoming, outgoing, list);
    changed();
  }

  /**
   * SCTP_RESET_ASSOC (RFC 6525 section 6.3.3): both TSNs and every stream's SSN start again. No
   * new message starts until the answer, and the request goes when nothing sent is
   * unacknowledged. The outcome comes as an {@link org.jsctp.api.AssociationReset} event.
   *
   * @throws IllegalStateException as for {@link #resetStreams}
   */
  public void resetAssociation() {
    a.reconfig.resetAssociation();
    changed();
  }

  /**
   * SCTP_ADD_STREAMS (RFC 6525 section 6.3.4): {@code in} more incoming and {@code out} more
   * outgoing streams. The outcome comes as {@link org.jsctp.api.StreamChange} events.
   *
   * @throws IllegalStateException as for {@link #resetStreams}
   * @throws IllegalArgumentException for nothing to add, a negative count, or more than 65535
   *     streams either way
   */
  public void addStreams(int in, int out) {
    a.reconfig.addStreams(in, out);
    changed();
  }

  /** Whether a stream reconfiguration request of ours is prepared or waits for its answer. */
  public boolean reconfigurationInProgress() {
    return a.reconfig.requestInProgress();
  }

  // ---- HA (docs/ha.md) ----------------------------------------------------------------------

  /**
   * SCTP_HA_MODE: OFF stops replicating; SYNC or THRESHOLD starts it (the next replication record
   * is a full snapshot) or switches the mode.
   *
   * @throws IllegalStateException before the association is established
   * @throws IllegalArgumentException for null, or THRESHOLD when PR-SCTP was not negotiated
   */
  public void setHaMode(long now, org.jsctp.ha.HaMode mode) {
    if (mode == null) {
      throw new IllegalArgumentException("SCTP_HA_MODE needs a mode, got null");
    }
    a.setHaMode(mode, now);
    if (mode != org.jsctp.ha.HaMode.THRESHOLD || a.options.prSupported()) {
      a.options.setHaMode(mode);
    }
  }

  /** SCTP_HA_MODE as it stands. */
  public org.jsctp.ha.HaMode haMode() {
    return a.haMode();
  }

  /**
   * The thresholds of HA replication: {@code ha_sync_tsn_threshold} in TSNs, {@code
   * ha_sync_interval_ms}.
   *
   * @throws IllegalArgumentException outside 8..32768 TSNs or 1..60000 ms
   */
  public void setHaThresholds(int tsnThreshold, long intervalMs) {
    a.options.setHaThresholds(tsnThreshold, intervalMs);
    changed();
  }

  /** SO_SNDBUF: user data queued or unacknowledged. */
  public void setSendBuffer(long bytes) {
    a.options.setSndbuf(bytes);
    changed();
  }

  /** SO_RCVBUF: the advertised receive window. */
  public void setReceiveBuffer(long bytes) {
    a.options.setRcvbuf(bytes);
    changed();
  }

  /** SCTP_DELAYED_SACK (RFC 6458 section 8.1.19): delay 1..500 ms, frequency >= 1. */
  public void setDelayedSack(long delayMs, int frequency) {
    a.options.setDelayedSack(delayMs, frequency);
    changed();
  }

  /** SCTP_PARTIAL_DELIVERY_POINT (RFC 6458 section 8.1.21); 0 means half the receive buffer. */
  public void setPartialDeliveryPoint(long bytes) {
    a.options.setPartialDeliveryPoint(bytes);
    changed();
  }

  /** SCTP_AUTOCLOSE (RFC 6458 section 8.1.8), in seconds; 0 is off. Counts from the next activity. */
  public void setAutocloseSeconds(long seconds) {
    a.options.setAutocloseSeconds(seconds);
  }

  /** SCTP_EXPOSE_POTENTIALLY_FAILED_STATE (RFC 7829 section 7.4). */
  public void setExposePotentiallyFailed(boolean expose) {
    a.options.setExposePotentiallyFailed(expose);
  }

  /** SCTP_ASSOCINFO sasoc_asocmaxrxt: Association.Max.Retrans. */
  public void setAssociationMaxRetrans(int maxRetrans) {
    a.options.setAssociationMaxRetrans(maxRetrans);
    validateThresholds();
  }

  /**
   * SCTP_RTOINFO (RFC 6458 section 8.1.1), in milliseconds; 0 leaves a value unchanged. Every
   * path's RTO is clamped to the new bounds at once.
   *
   * @throws IllegalArgumentException unless {@code min <= initial <= max} afterwards
   */
  public void setRtoInfo(long initialMs, long minMs, long maxMs) {
    a.options.setRtoInfo(initialMs, minMs, maxMs);
    a.paths.setRtoBounds(a.options.rtoInitialNanos(), a.options.rtoMinNanos(), a.options.rtoMaxNanos());
    changed();
  }

  // ---- paths -------------------------------------------------------------------------------

  private Path requirePath(InetAddress address, String option) {
    Path p = address == null ? null : a.paths.find(address);
    if (p == null) {
      throw new IllegalArgumentException(option + ": "
          + (address == null ? "no address" : address.getHostAddress())
          + " is not a peer address of association " + a.id());
    }
    return p;
  }

  /**
   * Sets SCTP_PEER_ADDR_PARAMS for one path, or for all paths and future ones when the address is
   * null. Zero leaves a value unchanged; DEMAND sends a heartbeat at once (SCTP_ISSUE_HB).
   */
  public void setPeerAddressParams(long now, PeerAddressParams params) {
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
    boolean heartbeating = a.state().heartbeats();
    for (Path p : targets) {
      a.paths.configure(p, params, heartbeating, now);
    }
    validateThresholds();
    changed();
  }

  /**
   * SCTP_PLPMTUD_PROBE_INTERVAL (Linux's socket option) for one path, or for every path and
   * later ones when {@code address} is null: path MTU discovery (RFC 8899) with this probe
   * interval in ms, or off with 0 (the path MTU is then the configured one). Turning it on starts
   * at BASE_PLPMTU.
   *
   * @throws IllegalArgumentException unless 0 or 5000..86400000, or for an address that is not a
   *     peer address
   */
  public void setPlpmtudProbeInterval(long now, InetAddress address, long ms) {
    a.lastNow = now;
    AssociationOptions.checkProbeInterval(ms);
    List<Path> targets = address == null ? a.paths.paths()
        : List.of(requirePath(address, "SCTP_PLPMTUD_PROBE_INTERVAL"));
    if (address == null) {
      a.options.setPlpmtudProbeInterval(ms);
    }
    for (Path p : targets) {
      a.paths.setPlpmtudInterval(p, ms * MS, now);
    }
    changed();
  }

  /**
   * SCTP_PLPMTUD_PROBE_INTERVAL of one path in ms, or the default for new paths when {@code
   * address} is null; 0 when discovery is off.
   */
  public long plpmtudProbeInterval(InetAddress address) {
    if (address == null) {
      return a.options.plpmtudProbeIntervalMs();
    }
    return requirePath(address, "SCTP_PLPMTUD_PROBE_INTERVAL").plpmtud().intervalNanos() / MS;
  }

  /** SCTP_ISSUE_HB: a heartbeat to this address now. */
  public void requestHeartbeat(long now, InetAddress address) {
    setPeerAddressParams(now, new PeerAddressParams(address, 0, 0, 0, PeerAddressParams.HeartbeatMode.DEMAND));
  }

  /**
   * Sets SCTP_PEER_ADDR_THLDS for one path, or for every path and the association's default when
   * the address is null (as the Linux patch does). A Path.Max.Retrans of 0 leaves it unchanged.
   *
   * @throws IllegalArgumentException when a value is out of range, or the switchover threshold is
   *     enabled below the PF threshold (RFC 7829 section 5)
   */
  public void setThresholds(PeerAddressThresholds t) {
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
      a.paths.configure(p, t.pathMaxRetrans(), t.pfRetrans());
    }
    setPsRetrans(t.psRetrans());
    validateThresholds();
  }

  /**
   * SCTP_PEER_ADDR_THLDS spt_pathcpthld alone: primary path switchover after this many errors
   * (RFC 7829 section 5), 65535 off.
   */
  public void setPsRetrans(int psRetrans) {
    a.options.setPsRetrans(psRetrans);
    a.paths.setPsRetrans(psRetrans);
  }

  /** SCTP_PRIMARY_ADDR: new data goes to this confirmed peer address while it is ACTIVE. */
  public void setPrimary(InetAddress address) {
    a.paths.setPrimary(requirePath(address, "SCTP_PRIMARY_ADDR"));
    changed();
  }

  /**
   * SCTP_SET_PEER_PRIMARY_ADDR (RFC 6458 section 8.3.1): asks the peer to make {@code local}, an
   * address of this association, its primary destination; an ASCONF carries the request (RFC
   * 5061 section 4.2.4). The peer may refuse; it tells with an error in the ASCONF-ACK.
   *
   * @throws IllegalStateException without ADD-IP negotiated, or before the association is
   *     established
   * @throws IllegalArgumentException when {@code local} is not a local address of the association
   */
  public void setPeerPrimaryAddress(InetAddress local) {
    a.asconf.setPeerPrimary(local);
    changed();
  }

  /**
   * SCTP_REMOTE_UDP_ENCAPS_PORT (RFC 6951 section 6.1) of one peer address, or of every path
   * when {@code address} is null.
   */
  public void setPeerUdpPort(InetAddress address, int port) {
    AssociationOptions.check("SCTP_REMOTE_UDP_ENCAPS_PORT sue_port", port, 1, 0xFFFF);
    List<Path> targets = address == null ? a.paths.paths()
        : List.of(requirePath(address, "SCTP_REMOTE_UDP_ENCAPS_PORT"));
    for (Path p : targets) {
      a.paths.learnUdpPort(p, port);
    }
    changed();
  }

  /**
   * The configuration warning of RFC 9260 section 8.2, when Association.Max.Retrans exceeds the
   * sum of the paths' Path.Max.Retrans; null when consistent.
   */
  String thresholdWarning() {
    return thresholdWarning;
  }

  /** Re-checks RFC 9260 section 8.2 after a threshold or a path changed, warning once. */
  void validateThresholds() {
    String warning = a.paths.thresholdWarning(a.options.associationMaxRetrans());
    if (warning != null && !warning.equals(thresholdWarning)) {
      // Single-homed, the Linux defaults (10 > 5) always trip this and are harmless: the one
      // path goes dormant and keeps carrying data. Multihomed, it hides a dead association.
      if (a.paths.confirmedCount() > 1) {
        LOG.warn("association {}: {}", a.id(), warning);
      } else {
        LOG.debug("association {}: {}", a.id(), warning);
      }
    }
    thresholdWarning = warning;
  }

  // ---- queries -----------------------------------------------------------------------------

  /** SCTP_GET_PEER_ADDR_INFO for one peer address. */
  public PeerAddressInfo peerAddressInfo(InetAddress address) {
    Path p = requirePath(address, "SCTP_GET_PEER_ADDR_INFO");
    return new PeerAddressInfo(
        p.address(), p.udpPort(), p.state(), p.congestion().cwnd(),
        p.rto().srtt() / MS, p.rto().rto() / MS, p.mtu(), p.errorCount(), p.flightSize(),
        p == a.paths.primary(), p == a.paths.currentDataPath(), p.heartbeatEnabled(),
        p.heartbeatIntervalNanos() / MS, p.thresholds().pathMaxRetrans(), p.thresholds().pfRetrans(),
        p.pfEntries(), p.inactiveEntries(), p.heartbeatsSent(), p.heartbeatAcks(),
        p.plpmtud().state(), p.plpmtud().probesSent(), p.plpmtud().probesAcked(),
        p.plpmtud().probesLost(), p.plpmtud().blackHoles());
  }

  /** SCTP_GET_PEER_ADDR_INFO for every peer address, in path order. */
  public List<PeerAddressInfo> peerAddressInfos() {
    List<PeerAddressInfo> list = new ArrayList<>();
    for (Path p : a.paths.paths()) {
      list.add(peerAddressInfo(p.address()));
    }
    return list;
  }

  /** SCTP_STATUS. */
  public AssociationStatus status() {
    Path primary = a.paths.primary();
    Tcb tcb = a.tcb();
    return new AssociationStatus(
        a.id(), a.state(),
        tcb == null ? 0 : tcb.sender.peerRwnd(),
        tcb == null ? 0 : tcb.sender.unacknowledgedChunks(),
        tcb == null ? 0 : tcb.receiver.pendingBytes(),
        a.inboundStreams(), a.outboundStreams(),
        tcb == null ? a.paths.fragmentPoint() : tcb.sender.fragmentSize(),
        primary == null ? null : primary.address(),
        a.errorCount(), a.options.associationMaxRetrans(),
        tcb == null ? 0 : tcb.sender.bufferedAmount(),
        tcb == null ? a.options.rcvbuf() : tcb.receiver.advertisedWindow(),
        thresholdWarning);
  }

  /**
   * The extensions in use: those both sides offered (RFC 5061 section 4.2.7), or those this side
   * offers while the association is being set up.
   */
  public Extensions extensions() {
    Tcb tcb = a.tcb();
    return tcb == null ? a.options.offeredExtensions() : tcb.extensions;
  }

  /**
   * SCTP_PR_STREAM_STATUS for {@code stream}, or SCTP_PR_ASSOC_STATUS when it is -1 (RFC 7496
   * section 4.3); zeros before the association has a TCB.
   */
  public PrStatus prStatus(int stream) {
    Tcb tcb = a.tcb();
    if (tcb == null) {
      return new PrStatus(0, 0);
    }
    return new PrStatus(tcb.sender.abandonedUnsent(stream), tcb.sender.abandonedSent(stream));
  }

  /** SCTP_PEER_ADDR_PARAMS as it stands for one address, or the defaults for new paths (null). */
  public PeerAddressParams peerAddressParams(InetAddress address) {
    if (address == null) {
      return new PeerAddressParams(null, a.options.heartbeatIntervalMs(), a.options.pathMaxRetrans(),
          a.options.pathMtu(), a.options.heartbeatEnabled() ? PeerAddressParams.HeartbeatMode.ENABLED
              : PeerAddressParams.HeartbeatMode.DISABLED);
    }
    Path p = requirePath(address, "SCTP_PEER_ADDR_PARAMS");
    return new PeerAddressParams(p.address(), p.heartbeatIntervalNanos() / MS,
        p.thresholds().pathMaxRetrans(), p.configuredMtu(), p.heartbeatEnabled()
            ? PeerAddressParams.HeartbeatMode.ENABLED : PeerAddressParams.HeartbeatMode.DISABLED);
  }

  /** SCTP_PEER_ADDR_THLDS as it stands for one address, or the association's defaults (null). */
  public PeerAddressThresholds thresholds(InetAddress address) {
    if (address == null) {
      return new PeerAddressThresholds(null, a.options.pathMaxRetrans(), a.options.pfRetrans(),
          a.paths.psRetrans());
    }
    Path p = requirePath(address, "SCTP_PEER_ADDR_THLDS");
    return new PeerAddressThresholds(p.address(), p.thresholds().pathMaxRetrans(),
        p.thresholds().pfRetrans(), a.paths.psRetrans());
  }

  /** The primary peer address, or null before the handshake. */
  public InetAddress primaryAddress() {
    Path p = a.paths.primary();
    return p == null ? null : p.address();
  }

  /** The peer's UDP encapsulation port for {@code address} (SCTP_REMOTE_UDP_ENCAPS_PORT). */
  public int peerUdpPort(InetAddress address) {
    return requirePath(address, "SCTP_REMOTE_UDP_ENCAPS_PORT").udpPort();
  }

  /** Whether {@code address} is a confirmed peer address (one SCTP_PRIMARY_ADDR accepts). */
  public boolean isConfirmed(InetAddress address) {
    return requirePath(address, "SCTP_PRIMARY_ADDR").state().isConfirmed();
  }
}
