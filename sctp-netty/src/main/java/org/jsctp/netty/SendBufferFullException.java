package org.jsctp.netty;

import java.io.IOException;

/**
 * An asynchronous send was refused because the association's send buffer is full and the sends
 * already waiting for room hold a whole send buffer (SO_SNDBUF) more. Wait for earlier send
 * futures, or for the buffered-amount-low signal, before sending more: nothing is queued without
 * bound.
 */
public class SendBufferFullException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message. */
  public SendBufferFullException(String message) {
    super(message);
  }
}
