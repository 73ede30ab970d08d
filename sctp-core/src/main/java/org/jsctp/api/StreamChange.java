package org.jsctp.api;

/**
 * SCTP_STREAM_CHANGE_EVENT (RFC 6525 section 6.1.3): streams were added, or a request to add
 * them was refused or failed. The counts are the association's streams after the event.
 *
 * @param denied SCTP_STREAM_CHANGE_DENIED: the peer refused the request
 * @param failed SCTP_STREAM_CHANGE_FAILED: the request failed (an error result)
 * @param inboundStreams the streams the peer may send on
 * @param outboundStreams the streams this side may send on
 */
public record StreamChange(int associationId, boolean denied, boolean failed, int inboundStreams,
    int outboundStreams) implements SctpEvent {

  /** SCTP_STREAM_CHANGE_DENIED. */
  public static final int DENIED = 0x0004;
  /** SCTP_STREAM_CHANGE_FAILED. */
  public static final int FAILED = 0x0008;

  /** The strchange_flags of RFC 6525 section 6.1.3. */
  public int flags() {
    return (denied ? DENIED : 0) | (failed ? FAILED : 0);
  }
}
