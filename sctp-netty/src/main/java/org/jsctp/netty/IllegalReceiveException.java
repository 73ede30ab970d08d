package org.jsctp.netty;

/** A receive is not allowed now, like {@code com.sun.nio.sctp.IllegalReceiveException}. */
public class IllegalReceiveException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message. */
  public IllegalReceiveException(String message) {
    super(message);
  }
}
