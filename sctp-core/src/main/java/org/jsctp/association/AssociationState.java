package org.jsctp.association;

/**
 * The association states of RFC 9260 section 4, with what each allows. Transitions live in
 * {@link SctpAssociation} and its handlers; this enum only answers questions about a state.
 */
public enum AssociationState {
  CLOSED,
  COOKIE_WAIT,
  COOKIE_ECHOED,
  ESTABLISHED,
  SHUTDOWN_PENDING,
  SHUTDOWN_SENT,
  SHUTDOWN_RECEIVED,
  SHUTDOWN_ACK_SENT;

  /** Whether the application may queue new messages (they wait for ESTABLISHED if needed). */
  public boolean acceptsUserData() {
    return this == COOKIE_WAIT || this == COOKIE_ECHOED || this == ESTABLISHED;
  }

  /** Whether queued or outstanding DATA may go on the wire. */
  public boolean transmitsData() {
    return this == ESTABLISHED || this == SHUTDOWN_PENDING || this == SHUTDOWN_RECEIVED;
  }

  /** Whether DATA from the peer is accepted (RFC 9260 section 9.2: not after its SHUTDOWN). */
  public boolean receivesData() {
    return this == ESTABLISHED || this == SHUTDOWN_PENDING || this == SHUTDOWN_SENT;
  }

  /** Counted in SctpCurrEstab (RFC 3873). */
  public boolean countsAsEstablished() {
    return this == ESTABLISHED || this == SHUTDOWN_PENDING || this == SHUTDOWN_RECEIVED;
  }

  /** Whether heartbeats run (RFC 9260 section 8.3: until SHUTDOWN or SHUTDOWN ACK went out). */
  public boolean heartbeats() {
    return this == ESTABLISHED || this == SHUTDOWN_PENDING || this == SHUTDOWN_RECEIVED;
  }

  /** Whether the handshake is still running. */
  public boolean handshaking() {
    return this == COOKIE_WAIT || this == COOKIE_ECHOED;
  }

  /** Whether a graceful shutdown is under way. */
  public boolean shuttingDown() {
    return this == SHUTDOWN_PENDING
        || this == SHUTDOWN_SENT
        || this == SHUTDOWN_RECEIVED
        || this == SHUTDOWN_ACK_SENT;
  }

  /** The state names Linux prints in /proc/net/sctp/assocs. */
  public String linuxName() {
    return switch (this) {
      case CLOSED -> "CLOSED";
      case COOKIE_WAIT -> "COOKIE_WAIT";
      case COOKIE_ECHOED -> "COOKIE_ECHOED";
      case ESTABLISHED -> "ESTABLISHED";
      case SHUTDOWN_PENDING -> "SHUTDOWN_PENDING";
      case SHUTDOWN_SENT -> "SHUTDOWN_SENT";
      case SHUTDOWN_RECEIVED -> "SHUTDOWN_RECEIVED";
      case SHUTDOWN_ACK_SENT -> "SHUTDOWN_ACK_SENT";
    };
  }
}
