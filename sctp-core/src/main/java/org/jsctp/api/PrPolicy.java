package org.jsctp.api;

/**
 * The PR-SCTP policy of a user message (RFC 3758, RFC 7496; RFC 6458 section 8.1.32, sctp_prinfo).
 * A policy matters only on associations that negotiated PR-SCTP; elsewhere every message is sent
 * reliably (and a message's lifetime, when it has one, only limits how long it may wait unsent,
 * as for SCTP_PR_SCTP_NONE).
 */
public enum PrPolicy {
  /** Reliable (SCTP_PR_SCTP_NONE); a lifetime still abandons a message not sent yet. */
  NONE,
  /** Timed reliability (SCTP_PR_SCTP_TTL, RFC 3758): abandoned, sent or not, once its lifetime ends. */
  TTL,
  /**
   * Limited retransmissions (SCTP_PR_SCTP_RTX, RFC 7496 section 3.1): the value is how many
   * retransmissions each chunk may have; 0 sends it once and never again.
   */
  RTX,
  /**
   * Priority (SCTP_PR_SCTP_PRIO, RFC 7496 section 3.2): the value is the priority, 0 the highest;
   * when the send buffer is full, unsent messages of lower priority are abandoned to make room.
   */
  PRIO
}
