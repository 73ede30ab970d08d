package org.jsctp.netty;

/**
 * An address cannot be unbound: it is the last one, it is not bound, or associations exist and the
 * peers could not be told (no ADD-IP, RFC 5061), like {@code
 * com.sun.nio.sctp.IllegalUnbindException}.
 */
public class IllegalUnbindException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message. */
  public IllegalUnbindException(String message) {
    super(message);
  }
}
