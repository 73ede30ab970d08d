package org.jsctp.netty.option;

/**
 * SCTP_RTOINFO (RFC 6458 section 8.1.1, struct sctp_rtoinfo): the bounds of the retransmission
 * timeout, in milliseconds. When set, 0 leaves a value unchanged; afterwards {@code min <= initial
 * <= max} must hold. Linux counterparts: {@code net.sctp.rto_initial}, {@code rto_max}, {@code
 * rto_min}.
 *
 * @param initial RTO.Initial, used until the first RTT measurement (srto_initial)
 * @param max RTO.Max (srto_max)
 * @param min RTO.Min (srto_min)
 */
public record RtoInfo(long initial, long max, long min) {

  /** Checks each value against 0..3600000 ms. */
  public RtoInfo {
    Ranges.check("SCTP_RTOINFO", "srto_initial", initial, 0, 3_600_000);
    Ranges.check("SCTP_RTOINFO", "srto_max", max, 0, 3_600_000);
    Ranges.check("SCTP_RTOINFO", "srto_min", min, 0, 3_600_000);
  }
}
