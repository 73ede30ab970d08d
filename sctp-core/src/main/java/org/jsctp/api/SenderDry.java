package org.jsctp.api;

/**
 * SCTP_SENDER_DRY_EVENT (RFC 6458 section 6.1.9): nothing is queued or unacknowledged.
 *
 * @param associationId the association
 */
public record SenderDry(int associationId) implements SctpEvent {}
