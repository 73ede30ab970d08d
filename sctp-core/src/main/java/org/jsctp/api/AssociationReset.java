package org.jsctp.api;

/**
 * SCTP_ASSOC_RESET_EVENT (RFC 6525 section 6.1.2): the association's TSNs and every stream's SSN
 * (or MID) started again (an SSN/TSN reset), or a request to do so was refused or failed.
 *
 * @param denied SCTP_ASSOC_RESET_DENIED: the peer refused the request
 * @param failed SCTP_ASSOC_RESET_FAILED: the request failed (an error result)
 * @param localTsn the next TSN this side sends
 * @param remoteTsn the next TSN the peer sends
 */
public record AssociationReset(int associationId, boolean denied, boolean failed, int localTsn,
    int remoteTsn) implements SctpEvent {

  /** SCTP_ASSOC_RESET_DENIED. */
  public static final int DENIED = 0x0004;
  /** SCTP_ASSOC_RESET_FAILED. */
  public static final int FAILED = 0x0008;

  /** The assocreset_flags of RFC 6525 section 6.1.2. */
  public int flags() {
    return (denied ? DENIED : 0) | (failed ? FAILED : 0);
  }
}
