package org.jsctp.api;

import java.util.List;
import org.jsctp.wire.ErrorCause;

/**
 * SCTP_REMOTE_ERROR (RFC 6458 section 6.1.3): the peer sent an ERROR chunk.
 *
 * @param associationId the association
 * @param causes its error causes
 */
public record RemoteError(int associationId, List<ErrorCause> causes) implements SctpEvent {

  public RemoteError {
    causes = List.copyOf(causes);
  }
}
