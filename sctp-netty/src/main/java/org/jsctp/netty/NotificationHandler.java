package org.jsctp.netty;

/**
 * Handles the notifications a receive call meets while it waits for a message, like {@code
 * com.sun.nio.sctp.NotificationHandler}.
 *
 * <p>A blocking receive calls the handler on the receiving thread. An asynchronous receive calls it
 * on the thread that completes the receive, which may be the endpoint's event loop: the handler
 * must then not block.
 *
 * @param <T> the type of the attachment passed to the receive call
 */
@FunctionalInterface
public interface NotificationHandler<T> {

  /**
   * Handles one notification.
   *
   * @param notification the notification
   * @param attachment the object given to the receive call
   * @return {@link HandlerResult#CONTINUE} to keep receiving, {@link HandlerResult#RETURN} to make
   *     the receive call return null
   */
  HandlerResult handleNotification(Notification notification, T attachment);
}
