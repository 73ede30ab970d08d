package org.jsctp.netty.option;

/**
 * SCTP_ADD_STREAMS (RFC 6525 section 6.3.4, struct sctp_add_streams): how many streams to add
 * each way.
 *
 * @param in more incoming streams (sas_instrms), 0..65535
 * @param out more outgoing streams (sas_outstrms), 0..65535
 */
public record AddStreams(int in, int out) {

  /** Checks both counts are 0..65535 and not both 0. */
  public AddStreams {
    if (in < 0 || in > 0xFFFF || out < 0 || out > 0xFFFF || in + out == 0) {
      throw new IllegalArgumentException("SCTP_ADD_STREAMS needs 0..65535 streams each way, not"
          + " both 0; got " + in + " incoming and " + out + " outgoing");
    }
  }
}
