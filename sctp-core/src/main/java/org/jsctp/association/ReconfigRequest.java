package org.jsctp.association;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.path.Path;
import org.jsctp.wire.AddIncomingStreamsRequestParameter;
import org.jsctp.wire.AddOutgoingStreamsRequestParameter;
import org.jsctp.wire.IncomingSsnResetRequestParameter;
import org.jsctp.wire.OutgoingSsnResetRequestParameter;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.ReConfigChunk;
import org.jsctp.wire.SsnTsnResetRequestParameter;

/**
 * Our stream reconfiguration request (RFC 6525 section 5.1): one or two parts that go together
 * in one RE-CONFIG chunk (an outgoing and an incoming SSN reset, or adding outgoing and incoming
 * streams, section 3.1), prepared until it may go, then sent and retransmitted with the same
 * sequence numbers until every part is answered. At most one exists at a time (section 5.1.1).
 */
final class ReconfigRequest {

  /** What a part asks for. */
  enum Kind {
    /** Outgoing SSN Reset Request (section 4.1): our outgoing streams start again at 0. */
    OUTGOING_RESET,
    /** Incoming SSN Reset Request (section 4.2): the peer is asked to reset its outgoing ones. */
    INCOMING_RESET,
    /** SSN/TSN Reset Request (section 4.3): both TSNs and every SSN start again. */
    TSN_RESET,
    /** Add Outgoing Streams Request (section 4.5). */
    ADD_OUTGOING,
    /** Add Incoming Streams Request (section 4.6). */
    ADD_INCOMING
  }

  /** One request parameter and whether it was answered. */
  static final class Part {
    final Kind kind;
    /** The streams of a reset (empty: all). */
    final List<Integer> streams;
    /** The streams to add. */
    final int count;
    int sequence;
    boolean answered;

    Part(Kind kind, List<Integer> streams, int count) {
      this.kind = kind;
      this.streams = List.copyOf(streams);
      this.count = count;
    }
  }

  final List<Part> parts;
  /** For an outgoing reset answering the peer's incoming reset: its sequence number, else null. */
  final Integer answers;
  int lastAssignedTsn;
  int responseSequence;
  boolean sent;
  /** The peer answered In progress: the next expiry of the timer sends it again, no error. */
  boolean retry;
  /** The path it went on last. */
  Path path;

  ReconfigRequest(List<Part> parts, Integer answers) {
    this.parts = List.copyOf(parts);
    this.answers = answers;
  }

  static ReconfigRequest of(Kind kind, List<Integer> streams, int count) {
    return new ReconfigRequest(List.of(new Part(kind, streams, count)), null);
  }

  /** The part of {@code kind}, or null. */
  Part part(Kind kind) {
    for (Part p : parts) {
      if (p.kind == kind) {
        return p;
      }
    }
    return null;
  }

  /** The unanswered part with request sequence number {@code sequence}, or null. */
  Part unanswered(int sequence) {
    for (Part p : parts) {
      if (!p.answered && p.sequence == sequence) {
        return p;
      }
    }
    return null;
  }

  boolean done() {
    for (Part p : parts) {
      if (!p.answered) {
        return false;
      }
    }
    return true;
  }

  /**
   * Gives the parts their sequence numbers from {@code next} on (section 5.1.2 A2 and the like)
   * and returns the number after the last.
   */
  int number(int next) {
    for (Part p : parts) {
      p.sequence = next++;
    }
    return next;
  }

  /** The RE-CONFIG chunk of the parts not answered yet. */
  ReConfigChunk chunk() {
    List<Parameter> params = new ArrayList<>(2);
    for (Part p : parts) {
      if (p.answered) {
        continue;
      }
      params.add(switch (p.kind) {
        case OUTGOING_RESET -> new OutgoingSsnResetRequestParameter(p.sequence, responseSequence,
            lastAssignedTsn, p.streams);
        case INCOMING_RESET -> new IncomingSsnResetRequestParameter(p.sequence, p.streams);
        case TSN_RESET -> new SsnTsnResetRequestParameter(p.sequence);
        case ADD_OUTGOING -> new AddOutgoingStreamsRequestParameter(p.sequence, p.count);
        case ADD_INCOMING -> new AddIncomingStreamsRequestParameter(p.sequence, p.count);
      });
    }
    return new ReConfigChunk(params);
  }
}
