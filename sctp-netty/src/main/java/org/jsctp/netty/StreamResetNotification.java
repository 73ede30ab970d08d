package org.jsctp.netty;

import java.util.List;
import java.util.Objects;

/**
 * SCTP_STREAM_RESET_EVENT (RFC 6525 section 6.1.1): streams were reset, or a request to reset
 * them was refused or failed. After a reset of incoming streams their next messages start at
 * stream sequence number (or message identifier) 0 again; after one of outgoing streams, the next
 * messages sent on them do.
 *
 * @param association the association
 * @param incoming SCTP_STREAM_RESET_INCOMING_SSN: incoming streams (the peer's outgoing ones)
 * @param outgoing SCTP_STREAM_RESET_OUTGOING_SSN: outgoing streams
 * @param denied SCTP_STREAM_RESET_DENIED: the peer refused the request
 * @param failed SCTP_STREAM_RESET_FAILED: the request failed
 * @param streams the streams; empty means all
 */
public record StreamResetNotification(Association association, boolean incoming, boolean outgoing,
    boolean denied, boolean failed, List<Integer> streams) implements Notification {

  /** Checks the arguments and copies the list. */
  public StreamResetNotification {
    Objects.requireNonNull(association, "association");
    streams = List.copyOf(streams);
  }
}
