package org.jsctp.api;

/**
 * SCTP_PARTIAL_DELIVERY_EVENT with SCTP_PARTIAL_DELIVERY_ABORTED (RFC 6458 section 6.1.7): a
 * message whose first pieces were delivered will not be completed, because the peer abandoned it
 * (PR-SCTP, RFC 3758 section 3.6). The pieces delivered so far are all there is; the next piece
 * delivered on the association starts a new message.
 *
 * @param streamId the message's stream
 * @param streamSequenceNumber its SSN, or its MID with I-DATA (0 for an unordered DATA message)
 * @param unordered whether it was an unordered message
 */
public record PartialDeliveryAborted(
    int associationId, int streamId, int streamSequenceNumber, boolean unordered)
    implements SctpEvent {}
