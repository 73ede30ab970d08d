package org.jsctp.netty;

import java.util.Objects;

/**
 * SCTP_SHUTDOWN_EVENT (RFC 6458 section 6.1.5), like {@code com.sun.nio.sctp.ShutdownNotification}:
 * the peer sent SHUTDOWN. No more data will arrive on the association and this side should stop
 * sending.
 *
 * @param association the association
 */
public record ShutdownNotification(Association association) implements Notification {

  /** Checks the argument. */
  public ShutdownNotification {
    Objects.requireNonNull(association, "association");
  }
}
