package org.jsctp.api;

import java.util.List;
import org.jsctp.wire.ErrorCause;

/**
 * SCTP_ASSOC_CHANGE (RFC 6458 section 6.1.1): the association came up, was lost, restarted,
 * shut down, or could not be started.
 *
 * @param associationId the association
 * @param kind what happened
 * @param outboundStreams streams this side may send on (0 when not up)
 * @param inboundStreams streams the peer may send on (0 when not up)
 * @param causes the error causes of a received ABORT, or what made this side give up
 */
public record AssociationChange(
    int associationId, Kind kind, int outboundStreams, int inboundStreams, List<ErrorCause> causes)
    implements SctpEvent {

  public AssociationChange {
    causes = List.copyOf(causes);
  }

  /** The sac_state values. */
  public enum Kind {
    /** The association is ESTABLISHED. */
    COMM_UP,
    /** The association failed: ABORT received or sent, or too many retransmissions. */
    COMM_LOST,
    /** The peer restarted; data may have been lost. */
    RESTART,
    /** A graceful shutdown completed. */
    SHUTDOWN_COMP,
    /** The association could not be started (INIT or COOKIE ECHO retries ran out). */
    CANT_STR_ASSOC
  }
}
