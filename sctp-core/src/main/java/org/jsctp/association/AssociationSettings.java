package org.jsctp.association;

import org.jsctp.api.StreamSchedulerKind;
import org.jsctp.ha.HaMode;

/**
 * The settings of one association as they stand, read-only: the stack defaults (sysctl names)
 * overridden by socket options (RFC 6458). {@link AssociationOptions} holds them before an
 * association exists; a live association's are read through {@link LiveOptions#current()} and
 * changed through {@link LiveOptions}.
 */
public interface AssociationSettings {

  /** SO_SNDBUF: user data queued or unacknowledged. */
  long sndbuf();

  /** SO_RCVBUF: the receive window. */
  long rcvbuf();

  /** SCTP_NODELAY. */
  boolean nodelay();

  /** SCTP_MAXSEG; 0 lets the path MTU decide. */
  int maxSegment();

  /** SCTP_DISABLE_FRAGMENTS. */
  boolean disableFragments();

  /** SCTP_MAX_BURST. */
  int maxBurst();

  /** SCTP_DELAYED_SACK sack_freq. */
  int sackFrequency();

  /** SCTP_PARTIAL_DELIVERY_POINT in bytes; 0 means half the receive buffer. */
  long partialDeliveryPoint();

  /** SCTP_RTOINFO srto_initial, in ms. */
  long rtoInitialMs();

  /** SCTP_RTOINFO srto_min, in ms. */
  long rtoMinMs();

  /** SCTP_RTOINFO srto_max, in ms. */
  long rtoMaxMs();

  /** SCTP_PEER_ADDR_PARAMS spp_hbinterval for new paths, in ms. */
  long heartbeatIntervalMs();

  /** SPP_HB_ENABLE / SPP_HB_DISABLE for new paths. */
  boolean heartbeatEnabled();

  /** SCTP_PEER_ADDR_PARAMS spp_pathmaxrxt for new paths. */
  int pathMaxRetrans();

  /** SCTP_PEER_ADDR_THLDS spt_pathpfthld for new paths. */
  int pfRetrans();

  /** SCTP_EXPOSE_POTENTIALLY_FAILED_STATE. */
  boolean exposePotentiallyFailed();

  /**
   * SCTP_PEER_ADDR_PARAMS spp_pathmtu for new paths: the IP MTU, the largest PLPMTU path MTU
   * discovery searches for.
   */
  int pathMtu();

  /** SCTP_PLPMTUD_PROBE_INTERVAL for new paths, in ms; 0 means path MTU discovery is off. */
  long plpmtudProbeIntervalMs();

  /** SCTP_DELAYED_SACK sack_delay, in ms. */
  long sackDelayMs();

  /** SCTP_AUTOCLOSE, in seconds; 0 is off. */
  long autocloseSeconds();

  /** SCTP_INITMSG sinit_num_ostreams. */
  int outboundStreams();

  /** SCTP_INITMSG sinit_max_instreams. */
  int maxInboundStreams();

  /** SCTP_INITMSG sinit_max_attempts. */
  int maxInitAttempts();

  /** SCTP_INITMSG sinit_max_init_timeo, in ms. */
  long maxInitTimeoutMs();

  /** SCTP_PEER_ADDR_THLDS spt_pathcpthld: primary path switchover threshold, 65535 off. */
  int psRetrans();

  /** SCTP_ASSOCINFO sasoc_asocmaxrxt: Association.Max.Retrans. */
  int associationMaxRetrans();

  /** SCTP_PR_SUPPORTED: PR-SCTP is offered when associations are set up. */
  boolean prSupported();

  /** SCTP_INTERLEAVING_SUPPORTED: I-DATA is offered when associations are set up. */
  boolean interleavingSupported();

  /** SCTP_RECONFIG_SUPPORTED: stream reconfiguration (RFC 6525) is offered when set up. */
  boolean reconfigSupported();

  /** SCTP_ASCONF_SUPPORTED: ADD-IP (RFC 5061) is offered when set up. */
  boolean asconfSupported();

  /**
   * {@code addip_noauth_enable}: ASCONF and ASCONF-ACK may travel without AUTH (RFC 5061 section
   * 4.1.1 requires it otherwise).
   */
  boolean asconfWithoutAuth();

  /** SCTP_ENABLE_STREAM_RESET: the requests of the peer that are taken (RFC 6525 section 6.3.1). */
  int enableStreamReset();

  /** SCTP_STREAM_SCHEDULER: the stream scheduler (RFC 8260 section 4.3.2). */
  StreamSchedulerKind streamScheduler();

  /** SCTP_ADAPTATION_LAYER indication, or -1 when none is sent. */
  int adaptationIndication();

  /** SCTP_HA_MODE: whether and how the association replicates itself to a standby. */
  HaMode haMode();

  /** The TSN threshold of HA replication ({@code ha_sync_tsn_threshold}). */
  int haSyncTsnThreshold();

  /** The timer of HA replication, in ms ({@code ha_sync_interval_ms}). */
  long haSyncIntervalMs();
}
