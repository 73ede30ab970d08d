package org.jsctp.api;

import java.util.Objects;
import org.jsctp.wire.Bytes;

/**
 * A user message handed to an association to send (RFC 9260 section 10.1 SEND): where it goes and
 * how, how reliably (PR-SCTP), and what to report it with if it is never delivered.
 *
 * @param streamId the outbound stream
 * @param payloadProtocolId the PPID (RFC 9260 section 3.3.1), as opaque to SCTP
 * @param unordered whether it may be delivered out of order (the U bit)
 * @param sackImmediately whether its last chunk asks the peer for an immediate SACK (the I bit)
 * @param payload the user data, at least one byte; the association keeps a reference, so the
 *     caller must not change it
 * @param context the application's value, handed back in a SEND_FAILED notification
 * @param expiresAt the end of its lifetime (the driver's time), or {@link Long#MAX_VALUE}: with
 *     {@link PrPolicy#TTL} on a PR-SCTP association it is abandoned then, sent or not; otherwise
 *     only if it has not been sent yet
 * @param prPolicy its PR-SCTP policy
 * @param prValue the policy's value: retransmissions for {@link PrPolicy#RTX}, the priority for
 *     {@link PrPolicy#PRIO} (0 highest); unused otherwise
 */
public record OutgoingMessage(
    int streamId,
    int payloadProtocolId,
    boolean unordered,
    boolean sackImmediately,
    Bytes payload,
    long context,
    long expiresAt,
    PrPolicy prPolicy,
    int prValue) {

  /** @throws IllegalArgumentException for an empty payload */
  public OutgoingMessage {
    Objects.requireNonNull(payload, "payload");
    if (payload.isEmpty()) {
      // RFC 9260 section 6.2: no DATA chunk without user data (a peer aborts on one).
      throw new IllegalArgumentException("a message needs at least one byte of user data");
    }
    Objects.requireNonNull(prPolicy, "prPolicy");
    if (prValue < 0) {
      throw new IllegalArgumentException("PR-SCTP policy value must not be negative: " + prValue);
    }
  }

  /** A reliable message (no PR-SCTP policy); a lifetime only limits how long it may wait unsent. */
  public OutgoingMessage(int streamId, int payloadProtocolId, boolean unordered,
      boolean sackImmediately, Bytes payload, long context, long expiresAt) {
    this(streamId, payloadProtocolId, unordered, sackImmediately, payload, context, expiresAt,
        PrPolicy.NONE, 0);
  }
}
