package org.jsctp.netty;

/**
 * A receive was called from within a {@link NotificationHandler}, like {@code
 * com.sun.nio.sctp.IllegalReceiveException}: the handler runs inside a receive already.
 */
public class IllegalReceiveException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message. */
  public IllegalReceiveException(String message) {
    super(message);
  }
}
