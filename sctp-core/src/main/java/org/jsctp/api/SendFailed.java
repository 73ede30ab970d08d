package org.jsctp.api;

import org.jsctp.wire.Bytes;

/**
 * SCTP_SEND_FAILED_EVENT (RFC 6458 section 6.1.11): user data that will not be delivered, with
 * the data itself so that nothing is lost silently.
 *
 * @param associationId the association
 * @param sent true for SCTP_DATA_SENT (it was on the wire, the peer may or may not have it),
 *     false for SCTP_DATA_UNSENT
 * @param streamId the stream it was sent on
 * @param payloadProtocolId its PPID
 * @param unordered whether it was unordered
 * @param context the application's context value from the send call
 * @param reason why, in words
 * @param data the undelivered bytes (a whole message, or a fragment of one for sent data)
 * @param cause why, for a program
 */
public record SendFailed(
    int associationId,
    boolean sent,
    int streamId,
    int payloadProtocolId,
    boolean unordered,
    long context,
    String reason,
    Bytes data,
    Cause cause)
    implements SctpEvent {

  /** Why a message will not be delivered. */
  public enum Cause {
    /** The association ended (or never came up) with the message unacknowledged. */
    ASSOCIATION_ENDED,
    /** Its stream is beyond the outbound streams the association negotiated. */
    INVALID_STREAM,
    /** Its lifetime ended: the TTL policy of PR-SCTP, or a lifetime that ran out unsent. */
    EXPIRED,
    /** PR-SCTP's RTX policy: a chunk used up the retransmissions it was allowed. */
    RETRANSMISSIONS_EXHAUSTED,
    /** PR-SCTP's PRIO policy: a message of higher priority needed the send buffer. */
    DISPLACED,
    /**
     * The association refused it when it was handed over: larger than one chunk with
     * SCTP_DISABLE_FRAGMENTS, for example.
     */
    REFUSED,
    /**
     * A standby took the association over in HA THRESHOLD mode and cannot know whether the active
     * sent the message before it died: it may or may not have reached the peer (docs/ha.md).
     */
    TAKEOVER
  }
}
