package org.jsctp.api;

/**
 * SCTP_PR_ASSOC_STATUS and SCTP_PR_STREAM_STATUS (RFC 7496 section 4.3): how many messages PR-SCTP
 * abandoned on an association, or on one of its streams.
 *
 * @param abandonedUnsent sprstat_abandoned_unsent: abandoned before any of them was sent
 * @param abandonedSent sprstat_abandoned_sent: abandoned after (some of) them went out
 */
public record PrStatus(long abandonedUnsent, long abandonedSent) {}
