package org.jsctp.netty.option;

/**
 * SCTP_EVENTS (RFC 6458 section 8.1.14, struct sctp_event_subscribe): which notifications a channel
 * hands to receive calls. Notifications switched off are not queued at all. The stack's own
 * bookkeeping (ending a receive at end of stream, waking senders) does not depend on them.
 *
 * @param association association changes (sctp_association_event)
 * @param address peer address changes (sctp_address_event)
 * @param sendFailure send failures carrying the data (sctp_send_failure_event)
 * @param peerError ERROR chunks from the peer (sctp_peer_error_event)
 * @param shutdown the peer's SHUTDOWN (sctp_shutdown_event)
 * @param senderDry nothing left to send or acknowledge (sctp_sender_dry_event)
 * @param partialDelivery a message read in parts was abandoned (sctp_partial_delivery_event)
 * @param streamReset streams were reset, or a reset refused or failed (SCTP_STREAM_RESET_EVENT)
 * @param associationReset the TSNs were reset, or a reset refused or failed
 *     (SCTP_ASSOC_RESET_EVENT)
 * @param streamChange streams were added, or adding them refused or failed
 *     (SCTP_STREAM_CHANGE_EVENT)
 * @param authentication news about the AUTH keys (SCTP_AUTHENTICATION_EVENT)
 */
public record EventSubscription(
    boolean association,
    boolean address,
    boolean sendFailure,
    boolean peerError,
    boolean shutdown,
    boolean senderDry,
    boolean partialDelivery,
    boolean streamReset,
    boolean associationReset,
    boolean streamChange,
    boolean authentication) {

  /** The subscription as it was before authentication events existed: those stay off. */
  public EventSubscription(boolean association, boolean address, boolean sendFailure,
      boolean peerError, boolean shutdown, boolean senderDry, boolean partialDelivery,
      boolean streamReset, boolean associationReset, boolean streamChange) {
    this(association, address, sendFailure, peerError, shutdown, senderDry, partialDelivery,
        streamReset, associationReset, streamChange, false);
  }

  /**
   * The default: everything the JDK's SCTP channels report, partial delivery aborts, the stream
   * reconfiguration events (which come only once the application resets or adds streams, or lets
   * the peer do so) and the authentication events (which come only with AUTH on), sender-dry off.
   */
  public static EventSubscription defaults() {
    return new EventSubscription(true, true, true, true, true, false, true, true, true, true, true);
  }

  /** Every notification on. */
  public static EventSubscription all() {
    return new EventSubscription(true, true, true, true, true, true, true, true, true, true, true);
  }

  /** Every notification off. */
  public static EventSubscription none() {
    return new EventSubscription(false, false, false, false, false, false, false, false, false,
        false, false);
  }
}
