package org.jsctp.netty;

import java.util.Objects;

/**
 * SCTP_STREAM_CHANGE_EVENT (RFC 6525 section 6.1.3): streams were added, or a request to add them
 * was refused or failed. The counts are the association's after the event.
 *
 * @param association the association
 * @param denied SCTP_STREAM_CHANGE_DENIED: the peer refused the request
 * @param failed SCTP_STREAM_CHANGE_FAILED: the request failed
 * @param inboundStreams the streams the peer may send on
 * @param outboundStreams the streams this side may send on
 */
public record StreamChangeNotification(Association association, boolean denied, boolean failed,
    int inboundStreams, int outboundStreams) implements Notification {

  /** Checks the argument. */
  public StreamChangeNotification {
    Objects.requireNonNull(association, "association");
  }
}
