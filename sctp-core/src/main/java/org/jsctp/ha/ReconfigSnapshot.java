package org.jsctp.ha;

import java.util.List;
import java.util.Objects;
import org.jsctp.wire.Bytes;

/**
 * The stream reconfiguration state (RFC 6525) of a replicated association: the request sequence
 * numbers both ways, our request in progress, and the answers to the peer's two latest requests
 * (sent again when a request is retransmitted, section 5.2.1).
 *
 * @param nextSequence the number our next request gets
 * @param expectedPeerSequence the number the peer's next request must have
 * @param awaitedOutgoingReset the number of our Incoming SSN Reset Request whose Outgoing SSN
 *     Reset the peer still owes, or -1 (with {@code awaitingOutgoingReset} false)
 * @param awaitingOutgoingReset whether {@code awaitedOutgoingReset} is set
 * @param awaitedAddOutgoing whether the peer still owes its Add Outgoing Streams Request
 * @param request our request, prepared or sent, or null
 * @param answered the kept answers, oldest first (at most two)
 */
public record ReconfigSnapshot(
    int nextSequence,
    int expectedPeerSequence,
    int awaitedOutgoingReset,
    boolean awaitingOutgoingReset,
    boolean awaitedAddOutgoing,
    Request request,
    List<Answer> answered) {

  public ReconfigSnapshot {
    answered = List.copyOf(answered);
  }

  /**
   * Our request.
   *
   * @param parts its one or two parts
   * @param answers for an outgoing reset answering the peer's incoming reset: its number
   * @param answering whether {@code answers} is set
   * @param lastAssignedTsn the Sender's Last Assigned TSN it carries
   * @param responseSequence the Re-configuration Response Sequence Number it carries
   * @param sent whether it went out
   * @param retry whether the peer answered In progress
   */
  public record Request(List<Part> parts, int answers, boolean answering, int lastAssignedTsn,
      int responseSequence, boolean sent, boolean retry) {

    public Request {
      parts = List.copyOf(parts);
    }
  }

  /**
   * One part of our request.
   *
   * @param kind 0 outgoing SSN reset, 1 incoming SSN reset, 2 SSN/TSN reset, 3 add outgoing
   *     streams, 4 add incoming streams
   * @param streams the streams of a reset (empty: all)
   * @param count the streams to add
   * @param sequence its request sequence number
   * @param answered whether the peer answered it
   */
  public record Part(int kind, List<Integer> streams, int count, int sequence, boolean answered) {

    public Part {
      streams = List.copyOf(streams);
    }
  }

  /**
   * The answer kept for one request of the peer.
   *
   * @param sequence the request's sequence number
   * @param chunk a RE-CONFIG chunk holding the request and our response, as an encoded SCTP
   *     packet (the wire codec reads it back)
   */
  public record Answer(int sequence, Bytes chunk) {

    public Answer {
      Objects.requireNonNull(chunk, "chunk");
    }
  }
}
