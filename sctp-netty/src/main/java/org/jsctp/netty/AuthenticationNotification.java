package org.jsctp.netty;

import java.util.Objects;
import org.jsctp.api.AuthenticationEvent;

/**
 * SCTP_AUTHENTICATION_EVENT (RFC 6458 section 6.1.8): news about the AUTH keys (RFC 4895) of an
 * association: the peer used a key for the first time (SCTP_AUTH_NEW_KEY), the peer does not do
 * AUTH although this side offered it (SCTP_AUTH_NO_AUTH), or a deactivated key is no longer used
 * (SCTP_AUTH_FREE_KEY).
 *
 * @param association the association
 * @param indication what happened (auth_indication)
 * @param keyNumber the key concerned (auth_keynumber); 0 for NO_AUTH
 */
public record AuthenticationNotification(Association association,
    AuthenticationEvent.Indication indication, int keyNumber) implements Notification {

  /** Checks the arguments. */
  public AuthenticationNotification {
    Objects.requireNonNull(association, "association");
    Objects.requireNonNull(indication, "indication");
  }
}
