package org.jsctp.netty;

/**
 * A notification from the SCTP stack (RFC 6458 section 6.1), like {@code
 * com.sun.nio.sctp.Notification}. It is handed to the {@link NotificationHandler} of a receive
 * call, in the order it happened relative to the messages of the same association.
 *
 * <p>The type is sealed, so a handler can tell every kind apart with {@code instanceof} without a
 * default case that hides new kinds.
 */
public sealed interface Notification
    permits AssociationChangeNotification,
        PeerAddressChangeNotification,
        SendFailedNotification,
        ShutdownNotification,
        RemoteErrorNotification,
        PartialDeliveryNotification,
        SenderDryNotification,
        StreamResetNotification,
        AssocResetNotification,
        StreamChangeNotification,
        AuthenticationNotification {

  /** The association the notification is about. */
  Association association();
}
