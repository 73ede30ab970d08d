package org.jsctp.netty;

import java.util.Objects;

/**
 * SCTP_ASSOC_RESET_EVENT (RFC 6525 section 6.1.2): the association's TSNs and every stream's
 * sequence numbers started again, or a request to do so was refused or failed.
 *
 * @param association the association
 * @param denied SCTP_ASSOC_RESET_DENIED: the peer refused the request
 * @param failed SCTP_ASSOC_RESET_FAILED: the request failed
 * @param localTsn the next TSN this side sends
 * @param remoteTsn the next TSN the peer sends
 */
public record AssocResetNotification(Association association, boolean denied, boolean failed,
    int localTsn, int remoteTsn) implements Notification {

  /** Checks the argument. */
  public AssocResetNotification {
    Objects.requireNonNull(association, "association");
  }
}
