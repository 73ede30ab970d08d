package org.jsctp.timer;

/**
 * The timers of an association, in the fixed order in which due timers are handled when several
 * expire at the same call (association timers first, then each path's in path order).
 */
public enum TimerKind {
  /** T1-init and T1-cookie (RFC 9260 section 5.1). */
  T1,
  /** T2-shutdown (RFC 9260 section 9.2). */
  T2_SHUTDOWN,
  /** T5-shutdown-guard (RFC 9260 section 9.2). */
  T5_SHUTDOWN_GUARD,
  /** Delayed SACK (RFC 9260 section 6.2). */
  DELAYED_SACK,
  /** SCTP_AUTOCLOSE idle timer (RFC 6458 section 8.1.8). */
  AUTOCLOSE,
  /** The RE-CONFIG retransmission timer (RFC 6525 section 5.1.1). */
  RECONFIG,
  /** T-4 RTO, the ASCONF retransmission timer (RFC 5061 section 5.1). */
  ASCONF,
  /** T3-rtx per path (RFC 9260 section 6.3). */
  T3_RTX,
  /** Heartbeat per path (RFC 9260 section 8.3). */
  HEARTBEAT,
  /** PLPMTUD per path: PROBE_TIMER, or PMTU_RAISE_TIMER after a search (RFC 8899 section 5.1.1). */
  PLPMTUD
}
