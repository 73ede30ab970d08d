package org.jsctp.netty.option;

/**
 * SCTP_INITMSG (RFC 6458 section 8.1.3, struct sctp_initmsg): what new associations ask for in
 * their INIT. 0 leaves a value unchanged. It only affects associations set up afterwards.
 *
 * @param numOstreams outbound streams requested (sinit_num_ostreams)
 * @param maxInstreams inbound streams accepted at most (sinit_max_instreams)
 * @param maxAttempts INIT retransmissions before giving up (sinit_max_attempts; Linux {@code
 *     net.sctp.max_init_retransmits})
 * @param maxInitTimeo the cap of the INIT retransmission timeout in ms (sinit_max_init_timeo)
 */
public record InitMsg(int numOstreams, int maxInstreams, int maxAttempts, long maxInitTimeo) {

  /** Checks the ranges. */
  public InitMsg {
    Ranges.check("SCTP_INITMSG", "sinit_num_ostreams", numOstreams, 0, 0xFFFF);
    Ranges.check("SCTP_INITMSG", "sinit_max_instreams", maxInstreams, 0, 0xFFFF);
    Ranges.check("SCTP_INITMSG", "sinit_max_attempts", maxAttempts, 0, 0xFFFF);
    Ranges.check("SCTP_INITMSG", "sinit_max_init_timeo", maxInitTimeo, 0, 3_600_000);
  }
}
