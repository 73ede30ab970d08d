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
 */
public record SendFailed(
    int associationId,
    boolean sent,
    int streamId,
    int payloadProtocolId,
    boolean unordered,
    long context,
    String reason,
    Bytes data)
    implements SctpEvent {}
