package org.jsctp.netty.option;

/**
 * SCTP_DELAYED_SACK (RFC 6458 section 8.1.19, struct sctp_sack_info): how long a SACK may wait and
 * after how many packets it is sent anyway. Linux counterpart: {@code net.sctp.sack_timeout}.
 *
 * @param delay SACK.Delay in ms, 1..500 (RFC 9260 section 6.2) (sack_delay)
 * @param frequency packets with DATA before a SACK goes out without waiting, 1 = every packet
 *     (sack_freq)
 */
public record DelayedSack(long delay, int frequency) {

  /** Checks the ranges. */
  public DelayedSack {
    Ranges.check("SCTP_DELAYED_SACK", "sack_delay", delay, 1, 500);
    Ranges.check("SCTP_DELAYED_SACK", "sack_freq", frequency, 1, 0xFFFF);
  }
}
