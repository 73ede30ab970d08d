package org.jsctp.association;

import org.jsctp.api.StreamSchedulerKind;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.ha.HaMode;
import org.jsctp.path.PathThresholds;

/**
 * The settings an association is created with: the stack defaults (sysctl names) overridden by
 * socket options (RFC 6458) such as SCTP_RTOINFO, SCTP_INITMSG, SCTP_NODELAY, SCTP_MAXSEG,
 * SCTP_DELAYED_SACK, SCTP_PEER_ADDR_PARAMS and SCTP_PEER_ADDR_THLDS defaults. Each setter checks
 * its value and names the option and its range when it refuses one. A copy is taken per
 * association, so later changes to a socket's defaults do not reach existing associations.
 */
public final class AssociationOptions implements AssociationSettings {

  private static final long MS = 1_000_000L;

  private long rtoInitialMs;
  private long rtoMinMs;
  private long rtoMaxMs;
  private long hbIntervalMs;
  private boolean heartbeatEnabled = true;
  private int pathMaxRetrans;
  private int pfRetrans;
  private boolean pfEnabled;
  private boolean exposePotentiallyFailed;
  private int pathMtu;
  private long plpmtudProbeIntervalMs;
  private long sndbuf;
  private long rcvbuf;
  private boolean nodelay;
  private int maxSegment;
  private boolean disableFragments;
  private int maxBurst;
  private long sackDelayMs;
  private int sackFrequency;
  private long partialDeliveryPoint;
  private long autocloseSeconds;
  private int outboundStreams;
  private int maxInboundStreams;
  private int maxInitAttempts;
  private long maxInitTimeoutMs;
  private int adaptationIndication = -1;
  private int associationMaxRetrans;
  private int psRetrans;
  private boolean prSupported;
  private boolean interleavingSupported;
  private boolean reconfigSupported;
  private boolean asconfSupported;
  private boolean asconfWithoutAuth;
  private int enableStreamReset;
  private AuthOptions auth;
  private StreamSchedulerKind streamScheduler = StreamSchedulerKind.FIRST_COME_FIRST_SERVED;
  private HaMode haMode = HaMode.OFF;
  private int haSyncTsnThreshold;
  private long haSyncIntervalMs;

  /** SCTP_ENABLE_RESET_STREAM_REQ: the peer may reset streams (RFC 6525 section 6.3.1). */
  public static final int ENABLE_RESET_STREAM_REQ = 0x01;
  /** SCTP_ENABLE_RESET_ASSOC_REQ: the peer may reset the association's TSNs. */
  public static final int ENABLE_RESET_ASSOC_REQ = 0x02;
  /** SCTP_ENABLE_CHANGE_ASSOC_REQ: the peer may add streams. */
  public static final int ENABLE_CHANGE_ASSOC_REQ = 0x04;
  private static final int ENABLE_ALL = 0x07;

  private AssociationOptions() {}

  /** Options taking every default from the stack configuration. */
  public static AssociationOptions from(StackConfig config) {
    AssociationOptions o = new AssociationOptions();
    o.rtoInitialMs = config.rtoInitialMillis();
    o.rtoMinMs = config.rtoMinMillis();
    o.rtoMaxMs = config.rtoMaxMillis();
    o.hbIntervalMs = config.get(Sysctl.HB_INTERVAL);
    o.pathMaxRetrans = config.pathMaxRetrans();
    o.pfRetrans = config.pfRetrans();
    o.pfEnabled = config.flag(Sysctl.PF_ENABLE);
    o.exposePotentiallyFailed = config.get(Sysctl.PF_EXPOSE) == 2;
    o.pathMtu = (int) config.get(Sysctl.PATH_MTU);
    o.plpmtudProbeIntervalMs = config.get(Sysctl.PLPMTUD_PROBE_INTERVAL);
    o.sndbuf = config.get(Sysctl.SNDBUF);
    o.rcvbuf = config.get(Sysctl.RCVBUF);
    o.nodelay = config.flag(Sysctl.NODELAY);
    o.maxBurst = (int) config.get(Sysctl.MAX_BURST);
    o.sackDelayMs = config.get(Sysctl.SACK_TIMEOUT);
    o.sackFrequency = (int) config.get(Sysctl.SACK_FREQ);
    o.outboundStreams = (int) config.get(Sysctl.OUTBOUND_STREAMS);
    o.maxInboundStreams = (int) config.get(Sysctl.MAX_INBOUND_STREAMS);
    o.maxInitAttempts = (int) config.get(Sysctl.MAX_INIT_RETRANSMITS);
    o.maxInitTimeoutMs = config.rtoMaxMillis();
    o.associationMaxRetrans = config.associationMaxRetrans();
    o.psRetrans = (int) config.get(Sysctl.PS_RETRANS);
    o.prSupported = config.flag(Sysctl.PRSCTP_ENABLE);
    o.interleavingSupported = config.flag(Sysctl.INTL_ENABLE);
    o.reconfigSupported = config.flag(Sysctl.RECONF_ENABLE);
    o.auth = new AuthOptions(config.flag(Sysctl.AUTH_ENABLE));
    o.asconfSupported = config.flag(Sysctl.ADDIP_ENABLE);
    o.asconfWithoutAuth = config.flag(Sysctl.ADDIP_NOAUTH_ENABLE);
    o.haMode = HaMode.ofSysctl(config.get(Sysctl.HA_MODE));
    o.haSyncTsnThreshold = (int) config.get(Sysctl.HA_SYNC_TSN_THRESHOLD);
    o.haSyncIntervalMs = config.get(Sysctl.HA_SYNC_INTERVAL_MS);
    return o;
  }

  /** An independent copy. */
  public AssociationOptions copy() {
    AssociationOptions o = new AssociationOptions();
    o.rtoInitialMs = rtoInitialMs;
    o.rtoMinMs = rtoMinMs;
    o.rtoMaxMs = rtoMaxMs;
    o.hbIntervalMs = hbIntervalMs;
    o.heartbeatEnabled = heartbeatEnabled;
    o.pathMaxRetrans = pathMaxRetrans;
    o.pfRetrans = pfRetrans;
    o.pfEnabled = pfEnabled;
    o.exposePotentiallyFailed = exposePotentiallyFailed;
    o.pathMtu = pathMtu;
    o.plpmtudProbeIntervalMs = plpmtudProbeIntervalMs;
    o.sndbuf = sndbuf;
    o.rcvbuf = rcvbuf;
    o.nodelay = nodelay;
    o.maxSegment = maxSegment;
    o.disableFragments = disableFragments;
    o.maxBurst = maxBurst;
    o.sackDelayMs = sackDelayMs;
    o.sackFrequency = sackFrequency;
    o.partialDeliveryPoint = partialDeliveryPoint;
    o.autocloseSeconds = autocloseSeconds;
    o.outboundStreams = outboundStreams;
    o.maxInboundStreams = maxInboundStreams;
    o.maxInitAttempts = maxInitAttempts;
    o.maxInitTimeoutMs = maxInitTimeoutMs;
    o.adaptationIndication = adaptationIndication;
    o.associationMaxRetrans = associationMaxRetrans;
    o.psRetrans = psRetrans;
    o.prSupported = prSupported;
    o.interleavingSupported = interleavingSupported;
    o.reconfigSupported = reconfigSupported;
    o.asconfSupported = asconfSupported;
    o.asconfWithoutAuth = asconfWithoutAuth;
    o.enableStreamReset = enableStreamReset;
    o.auth = auth.copy();
    o.streamScheduler = streamScheduler;
    o.haMode = haMode;
    o.haSyncTsnThreshold = haSyncTsnThreshold;
    o.haSyncIntervalMs = haSyncIntervalMs;
    return o;
  }

  static long check(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(option + " = " + value + " is out of range " + min + ".." + max);
    }
    return value;
  }

  /**
   * SCTP_RTOINFO (RFC 6458 section 8.1.1), in milliseconds; 0 leaves a value unchanged.
   *
   * @throws IllegalArgumentException unless {@code min <= initial <= max} afterwards
   */
  public void setRtoInfo(long initialMs, long minMs, long maxMs) {
    long initial = initialMs == 0 ? rtoInitialMs : check("SCTP_RTOINFO srto_initial", initialMs, 1, 3_600_000);
    long min = minMs == 0 ? rtoMinMs : check("SCTP_RTOINFO srto_min", minMs, 1, 3_600_000);
    long max = maxMs == 0 ? rtoMaxMs : check("SCTP_RTOINFO srto_max", maxMs, 1, 3_600_000);
    if (min > max || initial < min || initial > max) {
      throw new IllegalArgumentException(
          "SCTP_RTOINFO needs srto_min <= srto_initial <= srto_max, got " + min + " <= " + initial + " <= " + max);
    }
    rtoInitialMs = initial;
    rtoMinMs = min;
    rtoMaxMs = max;
  }

  @Override
  public long rtoInitialMs() {
    return rtoInitialMs;
  }

  @Override
  public long rtoMinMs() {
    return rtoMinMs;
  }

  @Override
  public long rtoMaxMs() {
    return rtoMaxMs;
  }

  long rtoInitialNanos() {
    return rtoInitialMs * MS;
  }

  long rtoMinNanos() {
    return rtoMinMs * MS;
  }

  long rtoMaxNanos() {
    return rtoMaxMs * MS;
  }

  /** SCTP_PEER_ADDR_PARAMS spp_hbinterval default for new paths, in ms (0 leaves it unchanged). */
  public void setHeartbeatIntervalMs(long ms) {
    if (ms != 0) {
      hbIntervalMs = check("SCTP_PEER_ADDR_PARAMS spp_hbinterval", ms, 1, 86_400_000);
    }
  }

  @Override
  public long heartbeatIntervalMs() {
    return hbIntervalMs;
  }

  long heartbeatIntervalNanos() {
    return hbIntervalMs * MS;
  }

  /** SPP_HB_ENABLE / SPP_HB_DISABLE default for new paths. */
  public void setHeartbeatEnabled(boolean enabled) {
    this.heartbeatEnabled = enabled;
  }

  @Override
  public boolean heartbeatEnabled() {
    return heartbeatEnabled;
  }

  /**
   * SCTP_PEER_ADDR_THLDS defaults for new paths (RFC 7829 section 7.3).
   *
   * @throws IllegalArgumentException for values outside 0..65535
   */
  public void setThresholds(int pathMaxRetrans, int pfRetrans) {
    this.pathMaxRetrans = (int) check("SCTP_PEER_ADDR_THLDS spt_pathmaxrxt", pathMaxRetrans, 0, 0xFFFF);
    this.pfRetrans = (int) check("SCTP_PEER_ADDR_THLDS spt_pathpfthld", pfRetrans, 0, 0xFFFF);
  }

  /** SCTP_PEER_ADDR_PARAMS spp_pathmaxrxt default; 0 leaves it unchanged. */
  public void setPathMaxRetrans(int pathMaxRetrans) {
    if (pathMaxRetrans != 0) {
      this.pathMaxRetrans = (int) check("SCTP_PEER_ADDR_PARAMS spp_pathmaxrxt", pathMaxRetrans, 1, 0xFFFF);
    }
  }

  @Override
  public int pathMaxRetrans() {
    return pathMaxRetrans;
  }

  @Override
  public int pfRetrans() {
    return pfRetrans;
  }

  PathThresholds defaultThresholds() {
    return new PathThresholds(pathMaxRetrans, pfRetrans, pfEnabled);
  }

  /** SCTP_EXPOSE_POTENTIALLY_FAILED_STATE (RFC 7829 section 7.4). */
  public void setExposePotentiallyFailed(boolean expose) {
    this.exposePotentiallyFailed = expose;
  }

  @Override
  public boolean exposePotentiallyFailed() {
    return exposePotentiallyFailed;
  }

  @Override
  public int pathMtu() {
    return pathMtu;
  }

  /** The IP MTU of paths (spp_pathmtu): the largest PLPMTU searched for. */
  public void setPathMtu(int mtu) {
    this.pathMtu = (int) check("SCTP_PEER_ADDR_PARAMS spp_pathmtu", mtu, 576, 65_535);
  }

  /**
   * SCTP_PLPMTUD_PROBE_INTERVAL for new paths (Linux's socket option of that name): path MTU
   * discovery with this probe interval in ms, or off with 0.
   *
   * @throws IllegalArgumentException unless 0 or 5000..86400000, as Linux accepts
   */
  public void setPlpmtudProbeInterval(long ms) {
    this.plpmtudProbeIntervalMs = checkProbeInterval(ms);
  }

  static long checkProbeInterval(long ms) {
    Sysctl limits = Sysctl.PLPMTUD_PROBE_INTERVAL;
    if (ms != 0 && (ms < limits.minNonZero() || ms > limits.max())) {
      throw new IllegalArgumentException("SCTP_PLPMTUD_PROBE_INTERVAL spi_interval = " + ms
          + " is out of range 0 (off) or " + limits.minNonZero() + ".." + limits.max() + " (ms)");
    }
    return ms;
  }

  @Override
  public long plpmtudProbeIntervalMs() {
    return plpmtudProbeIntervalMs;
  }

  long plpmtudProbeIntervalNanos() {
    return plpmtudProbeIntervalMs * MS;
  }

  long initialSsthresh() {
    return Math.max(rcvbuf, 65_535);
  }

  /** SO_SNDBUF: user data queued or unacknowledged per association. */
  public void setSndbuf(long bytes) {
    this.sndbuf = check("SO_SNDBUF", bytes, 4_096, 1L << 30);
  }

  @Override
  public long sndbuf() {
    return sndbuf;
  }

  /** SO_RCVBUF: the advertised receive window per association. */
  public void setRcvbuf(long bytes) {
    this.rcvbuf = check("SO_RCVBUF", bytes, 1_500, 1L << 30);
  }

  @Override
  public long rcvbuf() {
    return rcvbuf;
  }

  /** SCTP_NODELAY (RFC 6458 section 8.1.5). */
  public void setNodelay(boolean nodelay) {
    this.nodelay = nodelay;
  }

  @Override
  public boolean nodelay() {
    return nodelay;
  }

  /** SCTP_MAXSEG (RFC 6458 section 8.1.16): 0 lets the path MTU decide. */
  public void setMaxSegment(int bytes) {
    this.maxSegment = (int) check("SCTP_MAXSEG", bytes, 0, 65_535);
  }

  @Override
  public int maxSegment() {
    return maxSegment;
  }

  /** SCTP_DISABLE_FRAGMENTS (RFC 6458 section 8.1.11). */
  public void setDisableFragments(boolean disable) {
    this.disableFragments = disable;
  }

  @Override
  public boolean disableFragments() {
    return disableFragments;
  }

  /** SCTP_MAX_BURST (RFC 6458 section 8.1.24). */
  public void setMaxBurst(int packets) {
    this.maxBurst = (int) check("SCTP_MAX_BURST", packets, 1, 0xFFFF);
  }

  @Override
  public int maxBurst() {
    return maxBurst;
  }

  /** SCTP_DELAYED_SACK (RFC 6458 section 8.1.19): delay 1..500 ms, frequency >= 1. */
  public void setDelayedSack(long delayMs, int frequency) {
    this.sackDelayMs = check("SCTP_DELAYED_SACK sack_delay", delayMs, 1, 500);
    this.sackFrequency = (int) check("SCTP_DELAYED_SACK sack_freq", frequency, 1, 0xFFFF);
  }

  @Override
  public long sackDelayMs() {
    return sackDelayMs;
  }

  long sackDelayNanos() {
    return sackDelayMs * MS;
  }

  @Override
  public int sackFrequency() {
    return sackFrequency;
  }

  /** SCTP_PARTIAL_DELIVERY_POINT (RFC 6458 section 8.1.21); 0 means half the receive buffer. */
  public void setPartialDeliveryPoint(long bytes) {
    this.partialDeliveryPoint = check("SCTP_PARTIAL_DELIVERY_POINT", bytes, 0, 1L << 30);
  }

  @Override
  public long partialDeliveryPoint() {
    return partialDeliveryPoint;
  }

  /** SCTP_AUTOCLOSE (RFC 6458 section 8.1.8), in seconds; 0 is off. */
  public void setAutocloseSeconds(long seconds) {
    this.autocloseSeconds = check("SCTP_AUTOCLOSE", seconds, 0, 1L << 31);
  }

  @Override
  public long autocloseSeconds() {
    return autocloseSeconds;
  }

  /**
   * SCTP_INITMSG (RFC 6458 section 8.1.3); 0 leaves a value unchanged.
   *
   * @param maxInitTimeoutMs the cap of the T1 backoff in ms
   */
  public void setInitMsg(int outboundStreams, int maxInboundStreams, int maxAttempts, long maxInitTimeoutMs) {
    if (outboundStreams != 0) {
      this.outboundStreams = (int) check("SCTP_INITMSG sinit_num_ostreams", outboundStreams, 1, 0xFFFF);
    }
    if (maxInboundStreams != 0) {
      this.maxInboundStreams = (int) check("SCTP_INITMSG sinit_max_instreams", maxInboundStreams, 1, 0xFFFF);
    }
    if (maxAttempts != 0) {
      this.maxInitAttempts = (int) check("SCTP_INITMSG sinit_max_attempts", maxAttempts, 1, 0xFFFF);
    }
    if (maxInitTimeoutMs != 0) {
      this.maxInitTimeoutMs = check("SCTP_INITMSG sinit_max_init_timeo", maxInitTimeoutMs, 1, 3_600_000);
    }
  }

  @Override
  public int outboundStreams() {
    return outboundStreams;
  }

  @Override
  public int maxInboundStreams() {
    return maxInboundStreams;
  }

  @Override
  public int maxInitAttempts() {
    return maxInitAttempts;
  }

  @Override
  public long maxInitTimeoutMs() {
    return maxInitTimeoutMs;
  }

  /**
   * SCTP_PEER_ADDR_THLDS spt_pathcpthld: primary path switchover after this many errors (RFC 7829
   * section 5); 65535 is off. Whether it is at least the PF threshold is the caller's check,
   * since a PF threshold may be set per path.
   *
   * @throws IllegalArgumentException outside 0..65535
   */
  public void setPsRetrans(int psRetrans) {
    this.psRetrans = (int) check("SCTP_PEER_ADDR_THLDS spt_pathcpthld", psRetrans, 0, 0xFFFF);
  }

  @Override
  public int psRetrans() {
    return psRetrans;
  }

  /** SCTP_PR_SUPPORTED (RFC 7496 section 4.5): offer PR-SCTP when setting up associations. */
  public void setPrSupported(boolean supported) {
    if (!supported && haMode == HaMode.THRESHOLD) {
      throw new IllegalArgumentException("SCTP_PR_SUPPORTED cannot be switched off while"
          + " SCTP_HA_MODE is THRESHOLD, which needs PR-SCTP");
    }
    this.prSupported = supported;
  }

  @Override
  public boolean prSupported() {
    return prSupported;
  }

  /**
   * SCTP_INTERLEAVING_SUPPORTED (RFC 8260 section 4.3.1): offer I-DATA when setting up
   * associations, so that messages of different streams interleave.
   */
  public void setInterleavingSupported(boolean supported) {
    this.interleavingSupported = supported;
  }

  @Override
  public boolean interleavingSupported() {
    return interleavingSupported;
  }

  /**
   * SCTP_RECONFIG_SUPPORTED: offer stream reconfiguration (RFC 6525, RE-CONFIG) when setting up
   * associations.
   */
  public void setReconfigSupported(boolean supported) {
    this.reconfigSupported = supported;
  }

  @Override
  public boolean reconfigSupported() {
    return reconfigSupported;
  }

  /**
   * SCTP_ASCONF_SUPPORTED (Linux): offer ADD-IP (RFC 5061, ASCONF and ASCONF-ACK) when setting up
   * associations; {@code addip_enable} by default. It takes effect only where ASCONF may travel
   * (see {@link #asconfWithoutAuth()}).
   */
  public void setAsconfSupported(boolean supported) {
    this.asconfSupported = supported;
  }

  @Override
  public boolean asconfSupported() {
    return asconfSupported;
  }

  @Override
  public boolean asconfWithoutAuth() {
    return asconfWithoutAuth;
  }

  /**
   * SCTP_ENABLE_STREAM_RESET (RFC 6525 section 6.3.1): which requests of the peer are taken, as
   * bits: {@link #ENABLE_RESET_STREAM_REQ}, {@link #ENABLE_RESET_ASSOC_REQ}, {@link
   * #ENABLE_CHANGE_ASSOC_REQ}; the others are answered Denied. 0 by default, as in Linux.
   *
   * @throws IllegalArgumentException for other bits
   */
  public void setEnableStreamReset(int flags) {
    this.enableStreamReset = checkStreamResetFlags(flags);
  }

  static int checkStreamResetFlags(int flags) {
    if ((flags & ~ENABLE_ALL) != 0) {
      throw new IllegalArgumentException("SCTP_ENABLE_STREAM_RESET = 0x" + Integer.toHexString(flags)
          + " has bits other than SCTP_ENABLE_RESET_STREAM_REQ 0x1, SCTP_ENABLE_RESET_ASSOC_REQ 0x2"
          + " and SCTP_ENABLE_CHANGE_ASSOC_REQ 0x4");
    }
    return flags;
  }

  @Override
  public int enableStreamReset() {
    return enableStreamReset;
  }

  /**
   * The AUTH settings (RFC 4895): whether it is offered, the chunks to receive authenticated, the
   * HMAC identifiers and the endpoint pair shared keys. Changed in place.
   */
  public AuthOptions auth() {
    return auth;
  }

  /**
   * SCTP_STREAM_SCHEDULER (RFC 8260 section 4.3.2): the stream scheduler of associations set up
   * later; FIRST_COME_FIRST_SERVED by default, as in Linux.
   *
   * @throws IllegalArgumentException for null
   */
  public void setStreamScheduler(StreamSchedulerKind kind) {
    if (kind == null) {
      throw new IllegalArgumentException("SCTP_STREAM_SCHEDULER needs a scheduler, got null");
    }
    this.streamScheduler = kind;
  }

  @Override
  public StreamSchedulerKind streamScheduler() {
    return streamScheduler;
  }

  /**
   * The extensions offered in an INIT. ASCONF must travel authenticated (RFC 5061 section 4.1.1):
   * ADD-IP is offered together with AUTH, or without it where addip_noauth_enable lets ASCONF go
   * unauthenticated.
   */
  Extensions offeredExtensions() {
    return new Extensions(prSupported, reconfigSupported, interleavingSupported,
        asconfSupported && (auth.supported() || asconfWithoutAuth));
  }

  /**
   * The extensions offered in an INIT ACK answering {@code peer}'s INIT. A peer that announces
   * AUTH (RFC 4895) takes ASCONF only together with AUTH: FreeBSD and usrsctp abort the
   * association when an INIT ACK lists ASCONF without it. When this side does not offer AUTH
   * ({@code authOffered} false), such a peer is not offered ADD-IP, and the association comes up
   * without it instead of failing.
   */
  Extensions offeredTo(PeerInit peer, boolean authOffered) {
    Extensions offered = offeredExtensions();
    return peer.announcesAuth() && !authOffered ? offered.withoutAddressReconfiguration() : offered;
  }

  /**
   * The extensions an association uses: those offered here that the peer announced too, ADD-IP
   * only with AUTH negotiated or addip_noauth_enable on (RFC 5061 section 4.1.1).
   */
  Extensions negotiatedWith(Extensions announced, boolean authNegotiated) {
    return negotiatedWith(offeredExtensions(), announced, authNegotiated);
  }

  /** As {@link #negotiatedWith(Extensions, boolean)}, for what was {@code offered}. */
  Extensions negotiatedWith(Extensions offered, Extensions announced, boolean authNegotiated) {
    Extensions both = offered.and(announced);
    return authNegotiated || asconfWithoutAuth ? both : both.withoutAddressReconfiguration();
  }

  /** SCTP_ASSOCINFO sasoc_asocmaxrxt: Association.Max.Retrans (RFC 9260 section 8.1). */
  public void setAssociationMaxRetrans(int maxRetrans) {
    this.associationMaxRetrans = (int) check("SCTP_ASSOCINFO sasoc_asocmaxrxt", maxRetrans, 1, 0xFFFF);
  }

  @Override
  public int associationMaxRetrans() {
    return associationMaxRetrans;
  }

  /**
   * SCTP_HA_MODE for associations set up later (docs/ha.md): OFF, SYNC or THRESHOLD. Replication
   * starts when the association is established.
   *
   * @throws IllegalArgumentException for null, or THRESHOLD while PR-SCTP is not offered (the
   *     standby skips what it cannot know with FORWARD-TSN)
   */
  public void setHaMode(HaMode mode) {
    if (mode == null) {
      throw new IllegalArgumentException("SCTP_HA_MODE needs a mode, got null");
    }
    if (mode == HaMode.THRESHOLD && !prSupported) {
      throw new IllegalArgumentException("SCTP_HA_MODE THRESHOLD needs PR-SCTP (SCTP_PR_SUPPORTED):"
          + " a standby taking over skips the TSNs it cannot know with a FORWARD-TSN");
    }
    this.haMode = mode;
  }

  @Override
  public HaMode haMode() {
    return haMode;
  }

  /**
   * The thresholds of HA replication (docs/ha.md): {@code ha_sync_tsn_threshold} in TSNs and
   * {@code ha_sync_interval_ms}.
   *
   * @throws IllegalArgumentException outside 8..32768 TSNs (a FORWARD-TSN skipping the threshold
   *     and the SSNs skipped with it must stay within reach of the peer) or 1..60000 ms
   */
  public void setHaThresholds(int tsnThreshold, long intervalMs) {
    this.haSyncTsnThreshold = (int) check("SCTP_HA_MODE ha_sync_tsn_threshold", tsnThreshold, 8,
        32_768);
    this.haSyncIntervalMs = check("SCTP_HA_MODE ha_sync_interval_ms", intervalMs, 1, 60_000);
  }

  @Override
  public int haSyncTsnThreshold() {
    return haSyncTsnThreshold;
  }

  @Override
  public long haSyncIntervalMs() {
    return haSyncIntervalMs;
  }

  /** PF on at all (Linux pf_enable). */
  boolean pfEnabled() {
    return pfEnabled;
  }

  void setPfEnabled(boolean enabled) {
    this.pfEnabled = enabled;
  }

  /** SCTP_ADAPTATION_LAYER (RFC 6458 section 8.1.10): sent in INIT / INIT ACK when set; -1 off. */
  public void setAdaptationIndication(int indication) {
    this.adaptationIndication = indication;
  }

  @Override
  public int adaptationIndication() {
    return adaptationIndication;
  }
}
