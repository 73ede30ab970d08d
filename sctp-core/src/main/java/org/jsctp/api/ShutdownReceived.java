package org.jsctp.api;

/**
 * SCTP_SHUTDOWN_EVENT (RFC 6458 section 6.1.5): the peer sent SHUTDOWN; no more data will
 * arrive, and this side may not send new data.
 *
 * @param associationId the association
 */
public record ShutdownReceived(int associationId) implements SctpEvent {}
