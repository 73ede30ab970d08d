package org.jsctp.api;

import java.util.List;

/**
 * SCTP_STREAM_RESET_EVENT (RFC 6525 section 6.1.1): streams were reset, or a request to reset
 * them was refused or failed. After a reset of incoming streams the next message of each starts
 * at SSN (or MID) 0 again; after one of outgoing streams, the next message sent on each does.
 *
 * @param incoming SCTP_STREAM_RESET_INCOMING_SSN: the streams are incoming streams (the peer's
 *     outgoing ones)
 * @param outgoing SCTP_STREAM_RESET_OUTGOING_SSN: the streams are outgoing streams
 * @param denied SCTP_STREAM_RESET_DENIED: the peer refused the request (result Denied)
 * @param failed SCTP_STREAM_RESET_FAILED: the request failed (an error result)
 * @param streams the streams; empty means all of them
 */
public record StreamReset(int associationId, boolean incoming, boolean outgoing, boolean denied,
    boolean failed, List<Integer> streams) implements SctpEvent {

  /** SCTP_STREAM_RESET_INCOMING_SSN. */
  public static final int INCOMING_SSN = 0x0001;
  /** SCTP_STREAM_RESET_OUTGOING_SSN. */
  public static final int OUTGOING_SSN = 0x0002;
  /** SCTP_STREAM_RESET_DENIED. */
  public static final int DENIED = 0x0004;
  /** SCTP_STREAM_RESET_FAILED. */
  public static final int FAILED = 0x0008;

  /** Copies the stream list. */
  public StreamReset {
    streams = List.copyOf(streams);
  }

  /** The strreset_flags of RFC 6525 section 6.1.1. */
  public int flags() {
    return (incoming ? INCOMING_SSN : 0) | (outgoing ? OUTGOING_SSN : 0) | (denied ? DENIED : 0)
        | (failed ? FAILED : 0);
  }
}
