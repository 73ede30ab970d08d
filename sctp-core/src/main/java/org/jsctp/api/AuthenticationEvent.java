package org.jsctp.api;

import java.util.Objects;

/**
 * SCTP_AUTHENTICATION_EVENT (RFC 6458 section 6.1.8, struct sctp_authkey_event): news about the
 * AUTH keys (RFC 4895) of an association.
 *
 * @param associationId the association
 * @param indication what happened (auth_indication)
 * @param keyNumber the Shared Key Identifier concerned (auth_keynumber); 0 for {@code NO_AUTH}
 */
public record AuthenticationEvent(int associationId, Indication indication, int keyNumber)
    implements SctpEvent {

  /** auth_indication. */
  public enum Indication {
    /** SCTP_AUTH_NEW_KEY: the peer used this key for the first time. */
    NEW_KEY(0x0001),
    /** SCTP_AUTH_NO_AUTH: this side offered AUTH and the peer did not, so nothing is authenticated. */
    NO_AUTH(0x0002),
    /** SCTP_AUTH_FREE_KEY: this key, deactivated, is no longer used to send anything. */
    FREE_KEY(0x0003);

    private final int value;

    Indication(int value) {
      this.value = value;
    }

    /** The value RFC 6458 gives it. */
    public int value() {
      return value;
    }
  }

  /** Checks the indication is given and the key number fits 16 bits. */
  public AuthenticationEvent {
    Objects.requireNonNull(indication, "indication");
    if (keyNumber < 0 || keyNumber > 0xFFFF) {
      throw new IllegalArgumentException("key number out of range 0..65535: " + keyNumber);
    }
  }
}
