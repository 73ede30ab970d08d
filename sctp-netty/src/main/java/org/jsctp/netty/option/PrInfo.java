package org.jsctp.netty.option;

import org.jsctp.api.PrPolicy;

/**
 * SCTP_DEFAULT_PRINFO (RFC 6458 section 8.1.32, struct sctp_default_prinfo; RFC 7496): the PR-SCTP
 * policy of a send whose {@code MessageInfo} names none.
 *
 * @param policy the policy (pr_policy)
 * @param value its value (pr_value): the lifetime in ms for TTL, the retransmissions allowed for
 *     RTX, the priority (0 the highest) for PRIO; 0 for NONE
 */
public record PrInfo(PrPolicy policy, int value) {

  /** Checks the value: unsigned 32 bits as in pr_value, 0 for NONE. */
  public PrInfo {
    if (policy == null) {
      throw new IllegalArgumentException("SCTP_DEFAULT_PRINFO pr_policy must not be null");
    }
    if (value < 0) {
      throw new IllegalArgumentException("SCTP_DEFAULT_PRINFO pr_value = " + value + " is negative");
    }
    if (policy == PrPolicy.NONE && value != 0) {
      throw new IllegalArgumentException("SCTP_DEFAULT_PRINFO pr_value must be 0 without a policy");
    }
  }

  /** Reliable: no policy. */
  public static PrInfo none() {
    return new PrInfo(PrPolicy.NONE, 0);
  }
}
