package org.jsctp.association;

import org.jsctp.timer.Timer;
import org.jsctp.timer.TimerKind;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.ReconfigurationResponseParameter;

/**
 * The stream reconfiguration state of an association that negotiated RE-CONFIG (RFC 6525): the
 * request sequence numbers both ways, both starting at the sender's Initial TSN (section 4.1),
 * our one request with its retransmission timer (section 5.1.1), and the answers to the peer's
 * two latest requests, sent again when a request comes again (section 5.2.1). It lives in the
 * {@link Tcb}, so it exists only where it is valid.
 */
final class ReconfigState {

  /** A peer's request we answered: its number, the parameter and our response. */
  record Answered(int sequence, Parameter request, ReconfigurationResponseParameter response) {}

  /** The sequence number our next request gets. */
  int nextSequence;
  /** The sequence number the peer's next request must have. */
  int expectedPeerSequence;
  /** Our request, prepared or sent, or null. */
  ReconfigRequest request;
  /**
   * The number of our Incoming SSN Reset Request the peer answered Performed: its Outgoing SSN
   * Reset Request naming it is still to come, and is taken whatever SCTP_ENABLE_STREAM_RESET
   * says; null when none is awaited.
   */
  Integer awaitedOutgoingReset;
  /** Our Add Incoming Streams Request was answered Performed: the peer's Add Outgoing is to come. */
  boolean awaitedAddOutgoing;
  final Timer timer = new Timer(TimerKind.RECONFIG);
  /** The answers to the peer's requests numbered expected - 1 and expected - 2, by parity. */
  private final Answered[] answered = new Answered[2];

  ReconfigState(int localInitialTsn, int peerInitialTsn) {
    this.nextSequence = localInitialTsn;
    this.expectedPeerSequence = peerInitialTsn;
  }

  /** The answer kept for {@code sequence} if it is one of the two before the expected one. */
  Answered answered(int sequence) {
    int behind = expectedPeerSequence - sequence;
    if (behind != 1 && behind != 2) {
      return null;
    }
    Answered a = answered[sequence & 1];
    return a != null && a.sequence() == sequence ? a : null;
  }

  /** Keeps the answer to the expected request and expects the next one. */
  void answer(Parameter request, ReconfigurationResponseParameter response) {
    int sequence = expectedPeerSequence++;
    answered[sequence & 1] = new Answered(sequence, request, response);
  }

  /** The kept answers, oldest first (docs/ha.md). */
  java.util.List<Answered> keptAnswers() {
    java.util.List<Answered> list = new java.util.ArrayList<>(2);
    Answered older = answered[(expectedPeerSequence - 2) & 1];
    Answered newer = answered[(expectedPeerSequence - 1) & 1];
    if (older != null) {
      list.add(older);
    }
    if (newer != null && newer != older) {
      list.add(newer);
    }
    return list;
  }

  /** Puts back a kept answer of a replicated association (a standby taking over). */
  void restoreAnswer(Answered answer) {
    answered[answer.sequence() & 1] = answer;
  }

  /** Replaces the kept answer to a request answered In progress before. */
  void reanswer(Answered old, ReconfigurationResponseParameter response) {
    answered[old.sequence() & 1] = new Answered(old.sequence(), old.request(), response);
  }
}
