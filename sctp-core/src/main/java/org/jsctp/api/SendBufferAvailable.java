package org.jsctp.api;

/**
 * The buffered amount (queued plus unacknowledged user data) fell to or below the association's
 * low-water mark after having been above it: a writer that was held back may continue. This is
 * the buffered-amount-low signal of event-driven APIs.
 *
 * @param associationId the association
 * @param bufferedAmount bytes still queued or unacknowledged
 */
public record SendBufferAvailable(int associationId, long bufferedAmount) implements SctpEvent {}
