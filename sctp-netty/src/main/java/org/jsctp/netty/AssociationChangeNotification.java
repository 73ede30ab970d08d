package org.jsctp.netty;

import java.util.List;
import java.util.Objects;
import org.jsctp.wire.ErrorCause;

/**
 * SCTP_ASSOC_CHANGE (RFC 6458 section 6.1.1), like {@code
 * com.sun.nio.sctp.AssociationChangeNotification}: an association came up, was lost, restarted,
 * shut down, or could not be started.
 *
 * @param association the association
 * @param event what happened
 * @param causes the error causes of an ABORT that ended the association (empty otherwise)
 */
public record AssociationChangeNotification(
    Association association, AssocChangeEvent event, List<ErrorCause> causes)
    implements Notification {

  /** Checks and copies the arguments. */
  public AssociationChangeNotification {
    Objects.requireNonNull(association, "association");
    Objects.requireNonNull(event, "event");
    causes = List.copyOf(causes);
  }

  /** The kinds of association change, with the JDK's names. */
  public enum AssocChangeEvent {
    /** The association is up: data can flow (sac_state SCTP_COMM_UP). */
    COMM_UP,
    /** The association failed: an ABORT, or too many retransmissions (SCTP_COMM_LOST). */
    COMM_LOST,
    /** The peer restarted; data in flight may have been lost (SCTP_RESTART). */
    RESTART,
    /** A graceful shutdown completed (SCTP_SHUTDOWN_COMP). */
    SHUTDOWN,
    /** The association could not be set up (SCTP_CANT_STR_ASSOC). */
    CANT_START
  }
}
