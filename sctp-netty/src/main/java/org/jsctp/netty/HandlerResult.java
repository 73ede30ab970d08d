package org.jsctp.netty;

/**
 * What a {@link NotificationHandler} tells the receive call it was invoked from, like {@code
 * com.sun.nio.sctp.HandlerResult}.
 */
public enum HandlerResult {
  /** Keep receiving: the receive call goes on waiting for a message. */
  CONTINUE,
  /** Return from the receive call at once, with null. */
  RETURN
}
