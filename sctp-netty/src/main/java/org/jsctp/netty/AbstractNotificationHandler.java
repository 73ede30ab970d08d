package org.jsctp.netty;

/**
 * A {@link NotificationHandler} with one method per notification kind, each returning {@link
 * HandlerResult#CONTINUE}, like {@code com.sun.nio.sctp.AbstractNotificationHandler}: override the
 * ones you care about.
 *
 * @param <T> the type of the attachment passed to the receive call
 */
public class AbstractNotificationHandler<T> implements NotificationHandler<T> {

  /** Creates a handler that continues on every notification. */
  protected AbstractNotificationHandler() {}

  @Override
  public final HandlerResult handleNotification(Notification notification, T attachment) {
    if (notification instanceof AssociationChangeNotification n) {
      return handleNotification(n, attachment);
    } else if (notification instanceof PeerAddressChangeNotification n) {
      return handleNotification(n, attachment);
    } else if (notification instanceof SendFailedNotification n) {
      return handleNotification(n, attachment);
    } else if (notification instanceof ShutdownNotification n) {
      return handleNotification(n, attachment);
    } else if (notification instanceof RemoteErrorNotification n) {
      return handleNotification(n, attachment);
    } else if (notification instanceof PartialDeliveryNotification n) {
      return handleNotification(n, attachment);
    } else if (notification instanceof StreamResetNotification n) {
      return handleNotification(n, attachment);
    } else if (notification instanceof AssocResetNotification n) {
      return handleNotification(n, attachment);
    } else if (notification instanceof StreamChangeNotification n) {
      return handleNotification(n, attachment);
    } else if (notification instanceof AuthenticationNotification n) {
      return handleNotification(n, attachment);
    } else {
      return handleNotification((SenderDryNotification) notification, attachment);
    }
  }

  /** An association came up, went down, restarted or could not start. */
  public HandlerResult handleNotification(
      AssociationChangeNotification notification, T attachment) {
    return HandlerResult.CONTINUE;
  }

  /** A peer address changed state. */
  public HandlerResult handleNotification(
      PeerAddressChangeNotification notification, T attachment) {
    return HandlerResult.CONTINUE;
  }

  /** A message could not be delivered; it carries the data. */
  public HandlerResult handleNotification(SendFailedNotification notification, T attachment) {
    return HandlerResult.CONTINUE;
  }

  /** The peer shut the association down. */
  public HandlerResult handleNotification(ShutdownNotification notification, T attachment) {
    return HandlerResult.CONTINUE;
  }

  /** The peer reported an error. */
  public HandlerResult handleNotification(RemoteErrorNotification notification, T attachment) {
    return HandlerResult.CONTINUE;
  }

  /** A message being read in parts was abandoned by the peer and will not be completed. */
  public HandlerResult handleNotification(PartialDeliveryNotification notification, T attachment) {
    return HandlerResult.CONTINUE;
  }

  /** Streams were reset, or a request to reset them was refused or failed (RFC 6525). */
  public HandlerResult handleNotification(StreamResetNotification notification, T attachment) {
    return HandlerResult.CONTINUE;
  }

  /** The association's TSNs were reset, or a request to do so was refused or failed. */
  public HandlerResult handleNotification(AssocResetNotification notification, T attachment) {
    return HandlerResult.CONTINUE;
  }

  /** Streams were added, or a request to add them was refused or failed. */
  public HandlerResult handleNotification(StreamChangeNotification notification, T attachment) {
    return HandlerResult.CONTINUE;
  }

  /** News about the AUTH keys: a new key used by the peer, no AUTH, a key freed (RFC 4895). */
  public HandlerResult handleNotification(AuthenticationNotification notification, T attachment) {
    return HandlerResult.CONTINUE;
  }

  /** Everything sent has been acknowledged. */
  public HandlerResult handleNotification(SenderDryNotification notification, T attachment) {
    return HandlerResult.CONTINUE;
  }
}
