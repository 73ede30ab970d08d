package org.jsctp.api;

/**
 * The state of one peer transport address (RFC 9260 section 8.2, RFC 7829 section 3). Which
 * states may carry data, and in what order of preference, lives here.
 */
public enum PathState {
  /** Reachable as far as we know. */
  ACTIVE(0, true),
  /** Potentially failed (RFC 7829): avoided while an ACTIVE path exists. */
  POTENTIALLY_FAILED(1, true),
  /** Unreachable: more than Path.Max.Retrans errors; used only in the dormant state. */
  INACTIVE(2, true),
  /** Not yet confirmed by a heartbeat with a nonce (RFC 9260 section 5.4): never carries data. */
  UNCONFIRMED(3, false);

  private final int preference;
  private final boolean confirmed;

  PathState(int preference, boolean confirmed) {
    this.preference = preference;
    this.confirmed = confirmed;
  }

  /** Lower is better for carrying data: ACTIVE, then PF, then INACTIVE (dormant). */
  public int preference() {
    return preference;
  }

  /** Whether the address was confirmed; UNCONFIRMED paths carry only heartbeats. */
  public boolean isConfirmed() {
    return confirmed;
  }

  /** The spinfo_state name used by the sockets API (RFC 6458 section 8.2.2, RFC 7829 section 7). */
  public String socketApiName() {
    return switch (this) {
      case ACTIVE -> "SCTP_ACTIVE";
      case POTENTIALLY_FAILED -> "SCTP_POTENTIALLY_FAILED";
      case INACTIVE -> "SCTP_INACTIVE";
      case UNCONFIRMED -> "SCTP_UNCONFIRMED";
    };
  }
}
