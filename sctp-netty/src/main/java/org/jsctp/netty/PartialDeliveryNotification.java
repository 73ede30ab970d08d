package org.jsctp.netty;

import java.util.Objects;

/**
 * SCTP_PARTIAL_DELIVERY_EVENT with SCTP_PARTIAL_DELIVERY_ABORTED (RFC 6458 section 6.1.7): a
 * message read in parts will not be completed, because the peer abandoned it (PR-SCTP, RFC 3758).
 * The parts read so far are all there is; the next part of the stream begins a new message.
 *
 * @param association the association
 * @param streamNumber the message's stream
 * @param sequenceNumber its stream sequence number, or its message identifier with I-DATA
 * @param unordered whether it was sent unordered
 */
public record PartialDeliveryNotification(
    Association association, int streamNumber, int sequenceNumber, boolean unordered)
    implements Notification {

  /** Checks the argument. */
  public PartialDeliveryNotification {
    Objects.requireNonNull(association, "association");
  }
}
