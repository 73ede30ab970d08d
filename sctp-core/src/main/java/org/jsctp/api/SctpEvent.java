package org.jsctp.api;

/**
 * Something the core tells its driver, polled with {@code Endpoint.pollEvent()} in the order it
 * happened. Notifications (RFC 6458 section 6.1) and received user messages are both events;
 * every one names the association it belongs to.
 */
public sealed interface SctpEvent
    permits AssociationChange,
        AuthenticationEvent,
        PeerAddressChange,
        MessageReceived,
        SendFailed,
        ShutdownReceived,
        RemoteError,
        SenderDry,
        SendBufferAvailable,
        PartialDeliveryAborted,
        StreamReset,
        AssociationReset,
        StreamChange {

  /** The association's id, unique within its endpoint, never 0. */
  int associationId();
}
