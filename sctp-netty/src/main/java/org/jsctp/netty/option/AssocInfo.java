package org.jsctp.netty.option;

/**
 * SCTP_ASSOCINFO (RFC 6458 section 8.1.2, struct sctp_assocparams). Only {@code asocMaxRxt} and
 * {@code cookieLife} can be set (0 leaves them unchanged); the other fields are reported by a read
 * and ignored by a write.
 *
 * @param asocMaxRxt Association.Max.Retrans: consecutive errors before the peer is declared
 *     unreachable (sasoc_asocmaxrxt; Linux {@code net.sctp.association_max_retrans})
 * @param numberPeerDestinations the number of peer addresses (read-only)
 * @param peerRwnd the peer's current receive window in bytes (read-only)
 * @param localRwnd this side's current advertised window in bytes (read-only)
 * @param cookieLife Valid.Cookie.Life in ms (Linux {@code net.sctp.valid_cookie_life}); it belongs
 *     to the endpoint, so it can only be changed before the channel is bound
 */
public record AssocInfo(
    int asocMaxRxt, int numberPeerDestinations, long peerRwnd, long localRwnd, long cookieLife) {

  /** Checks the ranges. */
  public AssocInfo {
    Ranges.check("SCTP_ASSOCINFO", "sasoc_asocmaxrxt", asocMaxRxt, 0, 0xFFFF);
    Ranges.check(
        "SCTP_ASSOCINFO", "sasoc_number_peer_destinations", numberPeerDestinations, 0, 0xFFFF);
    Ranges.check("SCTP_ASSOCINFO", "sasoc_peer_rwnd", peerRwnd, 0, 0xFFFF_FFFFL);
    Ranges.check("SCTP_ASSOCINFO", "sasoc_local_rwnd", localRwnd, 0, 0xFFFF_FFFFL);
    Ranges.check("SCTP_ASSOCINFO", "sasoc_cookie_life", cookieLife, 0, 3_600_000);
  }

  /** A value for setting: the two writable fields, 0 for unchanged. */
  public static AssocInfo of(int asocMaxRxt, long cookieLife) {
    return new AssocInfo(asocMaxRxt, 0, 0, 0, cookieLife);
  }
}
