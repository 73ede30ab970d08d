package org.jsctp.netty.option;

import java.util.List;

/**
 * SCTP_HMAC_IDENT (RFC 6458 section 8.3.3, struct sctp_hmacalgo): the HMAC identifiers of AUTH
 * (RFC 4895) the peer is asked to use, most preferred first: 1 is HMAC-SHA-1, which must be
 * among them, 3 is HMAC-SHA-256.
 *
 * @param ids the identifiers (shmac_idents); copied
 */
public record HmacIdents(List<Integer> ids) {

  /** HMAC-SHA-1, mandatory (RFC 4895 section 6.1). */
  public static final int SHA_1 = 1;
  /** HMAC-SHA-256. */
  public static final int SHA_256 = 3;

  /** Copies the list. */
  public HmacIdents {
    ids = List.copyOf(ids);
  }

  /** The identifiers given, in order of preference. */
  public static HmacIdents of(Integer... ids) {
    return new HmacIdents(List.of(ids));
  }
}
