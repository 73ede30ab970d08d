package org.jsctp.netty;

import java.util.List;
import java.util.Objects;
import org.jsctp.wire.ErrorCause;

/**
 * SCTP_REMOTE_ERROR (RFC 6458 section 6.1.3): the peer sent an ERROR chunk. The association goes
 * on; the causes say what the peer did not like (an invalid stream, an unrecognized chunk...).
 *
 * @param association the association
 * @param errorCode the code of the first cause (RFC 9260 section 3.3.10), 0 when there is none
 * @param causes every cause of the ERROR chunk
 */
public record RemoteErrorNotification(
    Association association, int errorCode, List<ErrorCause> causes) implements Notification {

  /** Checks and copies the arguments. */
  public RemoteErrorNotification {
    Objects.requireNonNull(association, "association");
    causes = List.copyOf(causes);
  }
}
