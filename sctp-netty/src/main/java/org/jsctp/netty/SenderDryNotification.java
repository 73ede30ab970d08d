package org.jsctp.netty;

import java.util.Objects;

/**
 * SCTP_SENDER_DRY_EVENT (RFC 6458 section 6.1.9): nothing is queued or unacknowledged on the
 * association any more. Off by default; switch it on with {@link
 * SctpStandardSocketOptions#SCTP_EVENTS}.
 *
 * @param association the association
 */
public record SenderDryNotification(Association association) implements Notification {

  /** Checks the argument. */
  public SenderDryNotification {
    Objects.requireNonNull(association, "association");
  }
}
