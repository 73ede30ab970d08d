package org.jsctp.netty.option;

import java.util.List;

/**
 * SCTP_RESET_STREAMS (RFC 6525 section 6.3.2, struct sctp_reset_streams): which streams to reset,
 * our outgoing ones, the peer's outgoing ones (our incoming), or both.
 *
 * @param incoming SCTP_STREAM_RESET_INCOMING: ask the peer to reset its outgoing streams
 * @param outgoing SCTP_STREAM_RESET_OUTGOING: reset our outgoing streams
 * @param streams the stream numbers; empty means all
 */
public record ResetStreams(boolean incoming, boolean outgoing, List<Integer> streams) {

  /** Copies the list, checks a direction is given and every stream is 0..65535. */
  public ResetStreams {
    streams = List.copyOf(streams);
    if (!incoming && !outgoing) {
      throw new IllegalArgumentException("SCTP_RESET_STREAMS needs SCTP_STREAM_RESET_INCOMING,"
          + " SCTP_STREAM_RESET_OUTGOING or both");
    }
    for (int s : streams) {
      if (s < 0 || s > 0xFFFF) {
        throw new IllegalArgumentException(
            "SCTP_RESET_STREAMS: stream " + s + " is out of range 0..65535");
      }
    }
  }

  /** Resets our outgoing {@code streams} (all when none is given). */
  public static ResetStreams outgoing(int... streams) {
    return new ResetStreams(false, true, list(streams));
  }

  /** Asks the peer to reset its outgoing {@code streams}, our incoming ones (all when none). */
  public static ResetStreams incoming(int... streams) {
    return new ResetStreams(true, false, list(streams));
  }

  private static List<Integer> list(int[] streams) {
    return java.util.Arrays.stream(streams).boxed().toList();
  }
}
