package org.jsctp.netty;

/**
 * The stream number of a send is outside the association's outbound streams, like {@code
 * com.sun.nio.sctp.InvalidStreamException}.
 */
public class InvalidStreamException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message. */
  public InvalidStreamException(String message) {
    super(message);
  }
}
