package org.jsctp.association;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jsctp.api.AssociationReset;
import org.jsctp.api.StreamChange;
import org.jsctp.api.StreamReset;
import org.jsctp.association.ReconfigRequest.Kind;
import org.jsctp.association.ReconfigRequest.Part;
import org.jsctp.path.Path;
import org.jsctp.rx.DataReceiver;
import org.jsctp.stats.MibCounter;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.AddIncomingStreamsRequestParameter;
import org.jsctp.wire.AddOutgoingStreamsRequestParameter;
import org.jsctp.wire.IncomingSsnResetRequestParameter;
import org.jsctp.wire.OutgoingSsnResetRequestParameter;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.ReConfigChunk;
import org.jsctp.wire.ReconfigurationResponseParameter;
import org.jsctp.wire.SsnTsnResetRequestParameter;

/**
 * Stream reconfiguration (RFC 6525) between the application, the wire and the TCB's halves: our
 * requests (section 5.1), prepared by the application's calls, sent once they may go and
 * retransmitted under the RE-CONFIG timer, with their outcome reported as StreamReset,
 * AssociationReset or StreamChange events; and the peer's requests (section 5.2), checked by
 * sequence number and answered, each as SCTP_ENABLE_STREAM_RESET allows. The state lives in the
 * TCB's {@link ReconfigState}.
 */
final class StreamReconfiguration {

  /** RFC 6525 sections 5.1.5 and 5.2.5: an association has at most 65535 streams each way. */
  static final int MAX_STREAMS = 0xFFFF;

  private static final long DENIED = ReconfigurationResponseParameter.DENIED;
  private static final long PERFORMED = ReconfigurationResponseParameter.SUCCESS_PERFORMED;
  private static final long IN_PROGRESS = ReconfigurationResponseParameter.IN_PROGRESS;

  private final SctpAssociation a;

  StreamReconfiguration(SctpAssociation a) {
    this.a = a;
  }

  // ---- the application's requests ----------------------------------------------------------

  /**
   * SCTP_RESET_STREAMS: resets our outgoing {@code streams}, asks the peer to reset its outgoing
   * ones (our incoming), or both; empty means all. Outgoing streams are paused at once (section
   * 5.1.2 A1) and the request goes when no message of them is partly sent.
   */
  void resetStreams(boolean incoming, boolean outgoing, List<Integer> streams) {
    Tcb tcb = requireIdle("SCTP_RESET_STREAMS");
    if (!incoming && !outgoing) {
      throw new IllegalArgumentException(
          "SCTP_RESET_STREAMS needs SCTP_STREAM_RESET_INCOMING, SCTP_STREAM_RESET_OUTGOING or both");
    }
    for (int s : streams) {
      if (outgoing && (s < 0 || s >= tcb.outboundStreams)) {
        throw new IllegalArgumentException("SCTP_RESET_STREAMS: stream " + s
            + " is not an outgoing stream (0.." + (tcb.outboundStreams - 1) + ")");
      }
      if (incoming && (s < 0 || s >= tcb.inboundStreams)) {
        throw new IllegalArgumentException("SCTP_RESET_STREAMS: stream " + s
            + " is not an incoming stream (0.." + (tcb.inboundStreams - 1) + ")");
      }
    }
    int length = 4 + (outgoing ? 16 + 2 * streams.size() : 0)
        + (incoming ? 8 + 2 * streams.size() : 0);
    int room = a.paths.fragmentPoint() - tcb.auth.overhead(ChunkType.RE_CONFIG);
    if (length > room) {
      throw new IllegalArgumentException("SCTP_RESET_STREAMS: " + streams.size()
          + " streams make a RE-CONFIG chunk of " + length + " bytes, more than the "
          + room + " a packet has room for");
    }
    List<Part> parts = new ArrayList<>(2);
    if (outgoing) {
      parts.add(new Part(Kind.OUTGOING_RESET, streams, 0));
      tcb.sender.streams().pause(streams);
    }
    if (incoming) {
      parts.add(new Part(Kind.INCOMING_RESET, streams, 0));
    }
    tcb.reconfig.request = new ReconfigRequest(parts, null);
  }

  /**
   * SCTP_RESET_ASSOC: both TSNs and every SSN start again (section 5.1.4). Every outgoing stream
   * is paused and the request goes once nothing we sent is unacknowledged.
   */
  void resetAssociation() {
    Tcb tcb = requireIdle("SCTP_RESET_ASSOC");
    tcb.sender.streams().pause(List.of());
    tcb.reconfig.request = ReconfigRequest.of(Kind.TSN_RESET, List.of(), 0);
  }

  /** SCTP_ADD_STREAMS: {@code in} more incoming and {@code out} more outgoing streams. */
  void addStreams(int in, int out) {
    Tcb tcb = requireIdle("SCTP_ADD_STREAMS");
    if (in < 0 || out < 0 || in + out == 0) {
      throw new IllegalArgumentException("SCTP_ADD_STREAMS needs streams to add, got " + in
          + " incoming and " + out + " outgoing");
    }
    if (tcb.inboundStreams + in > MAX_STREAMS || tcb.outboundStreams + out > MAX_STREAMS) {
      throw new IllegalArgumentException("SCTP_ADD_STREAMS: " + tcb.inboundStreams + " + " + in
          + " incoming and " + tcb.outboundStreams + " + " + out
          + " outgoing streams exceed the limit of " + MAX_STREAMS);
    }
    List<Part> parts = new ArrayList<>(2);
    if (out > 0) {
      parts.add(new Part(Kind.ADD_OUTGOING, List.of(), out));
    }
    if (in > 0) {
      parts.add(new Part(Kind.ADD_INCOMING, List.of(), in));
    }
    tcb.reconfig.request = new ReconfigRequest(parts, null);
  }

  /** The TCB of an established association that negotiated RE-CONFIG and has no request. */
  private Tcb requireIdle(String option) {
    Tcb tcb = a.tcb();
    if (a.state() != AssociationState.ESTABLISHED || tcb == null) {
      throw new IllegalStateException(option + " needs an established association: association "
          + a.id() + " is " + a.state());
    }
    if (tcb.reconfig == null) {
      throw new IllegalStateException(option + ": association " + a.id()
          + " did not negotiate stream reconfiguration (RE-CONFIG, RFC 6525)");
    }
    if (tcb.reconfig.request != null) {
      throw new IllegalStateException(option + ": association " + a.id()
          + " has a stream reconfiguration request in progress already");
    }
    return tcb;
  }

  /** Whether a request of ours is prepared or waits for its answer. */
  boolean requestInProgress() {
    Tcb tcb = a.tcb();
    return tcb != null && tcb.reconfig != null && tcb.reconfig.request != null;
  }

  // ---- sending our request -----------------------------------------------------------------

  /**
   * Sends our prepared request once it may go: an outgoing reset when no message of its streams
   * is partly sent (section 5.1.2), an SSN/TSN reset when nothing of ours is unacknowledged.
   * Cheap when nothing is prepared; called before each packet is built.
   */
  void sendIfReady(long now) {
    Tcb tcb = a.tcb();
    if (tcb == null || tcb.reconfig == null || !a.state().transmitsData()) {
      return;
    }
    ReconfigState state = tcb.reconfig;
    ReconfigRequest r = state.request;
    if (r == null || r.sent) {
      return;
    }
    Part outgoing = r.part(Kind.OUTGOING_RESET);
    if (outgoing != null && !tcb.sender.streams().settled(outgoing.streams)) {
      return;
    }
    if (r.part(Kind.TSN_RESET) != null && !tcb.sender.readyForTsnReset()) {
      return;
    }
    state.nextSequence = r.number(state.nextSequence);
    // Section 5.1.2 A3 and A4, section 4.1: the last TSN assigned, and the peer's request this
    // answers or else the peer's latest request number.
    r.lastAssignedTsn = tcb.sender.lastAssignedTsn();
    r.responseSequence = r.answers != null ? r.answers : state.expectedPeerSequence - 1;
    r.sent = true;
    transmit(now, state, r);
  }

  private void transmit(long now, ReconfigState state, ReconfigRequest r) {
    Destination to = a.primaryDestination();
    a.queueControl(r.chunk(), to);
    Path path = a.paths.find(to.remote());
    r.path = path;
    long rto = path != null ? path.rto().rto() : a.options.rtoInitialNanos();
    state.timer.start(now, rto);
  }

  /**
   * The RE-CONFIG timer (section 5.1.1): after an In progress answer the request goes again;
   * otherwise it was not answered, which counts as an error of its path and of the association
   * (as a T3-rtx expiry does) and backs off that path's RTO before it goes again.
   */
  void onTimeout(long now) {
    Tcb tcb = a.tcb();
    if (tcb == null || tcb.reconfig == null) {
      return;
    }
    ReconfigState state = tcb.reconfig;
    state.timer.expire();
    ReconfigRequest r = state.request;
    if (r == null || !r.sent) {
      state.timer.stop();
      return;
    }
    a.counters.increment(MibCounter.SCTP_RECONFIG_EXPIREDS);
    if (r.retry) {
      r.retry = false;
    } else {
      Path path = r.path;
      if (path != null) {
        path.rto().backoff();
        a.paths.recordError(path, now);
      }
      a.termination.countAssociationError(now, "RE-CONFIG unanswered on ", path);
      if (a.state() == AssociationState.CLOSED) {
        return;
      }
    }
    transmit(now, state, r);
  }

  // ---- the peer's RE-CONFIG ----------------------------------------------------------------

  /**
   * A RE-CONFIG chunk; without RE-CONFIG negotiated it is an unrecognized chunk (RFC 9260 section
   * 3.2). Its requests are answered together in one RE-CONFIG, its responses close our request.
   * At most two parameters are taken (section 3.1); more, and unknown ones, are counted and
   * ignored. Returns whether the packet's processing goes on.
   */
  boolean onReConfig(long now, ReConfigChunk chunk, Destination source) {
    Tcb tcb = a.tcb();
    if (tcb == null || tcb.reconfig == null) {
      return UnrecognizedChunks.handle(a, chunk, source);
    }
    if (!a.state().receivesData() && !a.state().transmitsData()) {
      return true;
    }
    List<Parameter> responses = new ArrayList<>(2);
    List<Parameter> params = chunk.parameters();
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      ReconfigurationResponseParameter answer = null;
      if (i >= 2) {
        a.counters.increment(MibCounter.SCTP_IN_RECONFIG_DISCARDS);
        continue;
      }
      if (p instanceof ReconfigurationResponseParameter response) {
        onResponse(now, tcb, response);
      } else if (p instanceof OutgoingSsnResetRequestParameter out) {
        answer = onOutgoingReset(tcb, out);
      } else if (p instanceof IncomingSsnResetRequestParameter in) {
        answer = onIncomingReset(tcb, in);
      } else if (p instanceof SsnTsnResetRequestParameter tsn) {
        answer = onTsnReset(tcb, tsn);
      } else if (p instanceof AddOutgoingStreamsRequestParameter add) {
        answer = onAddOutgoing(tcb, add);
      } else if (p instanceof AddIncomingStreamsRequestParameter add) {
        answer = onAddIncoming(tcb, add);
      } else {
        a.counters.increment(MibCounter.SCTP_IN_RECONFIG_DISCARDS);
      }
      if (answer != null) {
        responses.add(answer);
      }
    }
    if (!responses.isEmpty()) {
      a.queueControl(new ReConfigChunk(responses), source);
    }
    return true;
  }

  /**
   * Section 5.2.1: a request with the expected number is new (null is returned and the caller
   * answers it); one of the two before is a retransmission, answered as before (a deferred answer
   * is looked at again by {@code again}); any other gets Error - Bad Sequence Number.
   */
  private ReconfigurationResponseParameter checkSequence(Tcb tcb, int sequence, Reevaluation again) {
    ReconfigState state = tcb.reconfig;
    if (sequence == state.expectedPeerSequence) {
      return null;
    }
    ReconfigState.Answered old = state.answered(sequence);
    if (old == null) {
      return new ReconfigurationResponseParameter(sequence,
          ReconfigurationResponseParameter.ERROR_BAD_SEQUENCE_NUMBER);
    }
    if (old.response().result() == IN_PROGRESS && again != null) {
      ReconfigurationResponseParameter now = again.evaluate(tcb, old.request());
      state.reanswer(old, now);
      return now;
    }
    return old.response();
  }

  /** Looks at a request answered In progress again, when it comes again. */
  @FunctionalInterface
  private interface Reevaluation {
    ReconfigurationResponseParameter evaluate(Tcb tcb, Parameter request);
  }

  private static ReconfigurationResponseParameter result(int sequence, long result) {
    return new ReconfigurationResponseParameter(sequence, result);
  }

  private boolean enabled(int flag) {
    return (a.options.enableStreamReset() & flag) != 0;
  }

  private static boolean streamsBelow(List<Integer> streams, int count) {
    for (int s : streams) {
      if (s >= count) {
        return false;
      }
    }
    return true;
  }

  /** The peer resets its outgoing streams, our incoming ones (section 5.2.2). */
  private ReconfigurationResponseParameter onOutgoingReset(Tcb tcb,
      OutgoingSsnResetRequestParameter p) {
    ReconfigurationResponseParameter old = checkSequence(tcb, p.requestSequence(),
        (t, request) -> result(p.requestSequence(),
            t.receiver.hasDeferredReset() ? IN_PROGRESS : PERFORMED));
    if (old != null) {
      return old;
    }
    // Section 4.1: it answers our Incoming SSN Reset Request when it names its number.
    boolean answersOurs = answeredByPeerRequest(tcb, Kind.INCOMING_RESET, p.responseSequence());
    long result;
    if (!answersOurs && !enabled(AssociationOptions.ENABLE_RESET_STREAM_REQ)) {
      result = DENIED;
    } else if (!streamsBelow(p.streams(), tcb.inboundStreams)) {
      result = ReconfigurationResponseParameter.ERROR_WRONG_SSN;
    } else {
      DataReceiver.ResetOutcome outcome = tcb.receiver.resetStreams(p.senderLastTsn(), p.streams());
      result = switch (outcome) {
        case PERFORMED -> PERFORMED;
        // Section 5.2.2 E2: deferred reset processing is answered In progress.
        case DEFERRED -> IN_PROGRESS;
        case BUSY -> ReconfigurationResponseParameter.ERROR_REQUEST_IN_PROGRESS;
      };
    }
    return answer(tcb, p, result(p.requestSequence(), result));
  }

  /**
   * The peer asks us to reset our outgoing streams (section 5.2.3): we answer Performed and send
   * our own Outgoing SSN Reset Request for them, naming its number, once they may go.
   */
  private ReconfigurationResponseParameter onIncomingReset(Tcb tcb,
      IncomingSsnResetRequestParameter p) {
    ReconfigurationResponseParameter old = checkSequence(tcb, p.requestSequence(), null);
    if (old != null) {
      return old;
    }
    long result;
    if (!enabled(AssociationOptions.ENABLE_RESET_STREAM_REQ)) {
      result = DENIED;
    } else if (!streamsBelow(p.streams(), tcb.outboundStreams)) {
      result = ReconfigurationResponseParameter.ERROR_WRONG_SSN;
    } else if (tcb.reconfig.request != null) {
      result = ReconfigurationResponseParameter.ERROR_REQUEST_IN_PROGRESS;
    } else {
      tcb.sender.streams().pause(p.streams());
      tcb.reconfig.request = new ReconfigRequest(
          List.of(new Part(Kind.OUTGOING_RESET, p.streams(), 0)), p.requestSequence());
      result = PERFORMED;
    }
    return answer(tcb, p, result(p.requestSequence(), result));
  }

  /**
   * The peer resets both TSNs and every SSN (section 5.2.4): done only when nothing is
   * unacknowledged either way and no message is partly sent or received, otherwise In progress
   * and looked at again when the request comes again.
   */
  private ReconfigurationResponseParameter onTsnReset(Tcb tcb, SsnTsnResetRequestParameter p) {
    ReconfigurationResponseParameter old =
        checkSequence(tcb, p.requestSequence(), (t, request) -> tryTsnReset(t, p.requestSequence()));
    if (old != null) {
      return old;
    }
    ReconfigurationResponseParameter response;
    if (!enabled(AssociationOptions.ENABLE_RESET_ASSOC_REQ)) {
      response = result(p.requestSequence(), DENIED);
    } else if (tcb.reconfig.request != null) {
      response = result(p.requestSequence(), ReconfigurationResponseParameter.ERROR_REQUEST_IN_PROGRESS);
    } else {
      response = tryTsnReset(tcb, p.requestSequence());
    }
    return answer(tcb, p, response);
  }

  private ReconfigurationResponseParameter tryTsnReset(Tcb tcb, int sequence) {
    if (!tcb.sender.readyForTsnReset() || !tcb.receiver.readyForTsnReset()) {
      return result(sequence, IN_PROGRESS);
    }
    // G1: the peer's next TSN, the smallest we have not acknowledged plus 2^31; G2: ours, the
    // highest sent plus 1. G3 to G5: nothing is outstanding, so both halves just start there.
    int receiverNext = tcb.receiver.cumulativeTsn() + 1 + (1 << 31);
    int senderNext = tcb.sender.lastAssignedTsn() + 1;
    tcb.sender.restartTsn(senderNext);
    tcb.receiver.restartTsn(receiverNext);
    a.components.emit(new AssociationReset(a.id(), false, false, senderNext, receiverNext));
    return new ReconfigurationResponseParameter(sequence, PERFORMED, OptionalInt.of(senderNext),
        OptionalInt.of(receiverNext));
  }

  /** The peer adds outgoing streams, our incoming ones (section 5.2.5). */
  private ReconfigurationResponseParameter onAddOutgoing(Tcb tcb,
      AddOutgoingStreamsRequestParameter p) {
    ReconfigurationResponseParameter old = checkSequence(tcb, p.requestSequence(), null);
    if (old != null) {
      return old;
    }
    // Section 5.2.6: it is how the peer grants our Add Incoming Streams Request.
    boolean answersOurs = answeredByPeerRequest(tcb, Kind.ADD_INCOMING, null);
    long result;
    if (!answersOurs && !enabled(AssociationOptions.ENABLE_CHANGE_ASSOC_REQ)) {
      result = DENIED;
    } else if (p.newStreams() == 0 || tcb.inboundStreams + p.newStreams() > MAX_STREAMS) {
      result = DENIED;
    } else {
      tcb.addInboundStreams(p.newStreams());
      a.components.emit(new StreamChange(a.id(), false, false, tcb.inboundStreams,
          tcb.outboundStreams));
      result = PERFORMED;
    }
    return answer(tcb, p, result(p.requestSequence(), result));
  }

  /**
   * The peer asks us to add outgoing streams (section 5.2.6): we answer Performed and send our
   * own Add Outgoing Streams Request, whose answer adds them.
   */
  private ReconfigurationResponseParameter onAddIncoming(Tcb tcb,
      AddIncomingStreamsRequestParameter p) {
    ReconfigurationResponseParameter old = checkSequence(tcb, p.requestSequence(), null);
    if (old != null) {
      return old;
    }
    long result;
    if (!enabled(AssociationOptions.ENABLE_CHANGE_ASSOC_REQ)) {
      result = DENIED;
    } else if (tcb.reconfig.request != null) {
      result = ReconfigurationResponseParameter.ERROR_REQUEST_IN_PROGRESS;
    } else if (p.newStreams() == 0 || tcb.outboundStreams + p.newStreams() > MAX_STREAMS) {
      result = DENIED;
    } else {
      tcb.reconfig.request = ReconfigRequest.of(Kind.ADD_OUTGOING, List.of(), p.newStreams());
      result = PERFORMED;
    }
    return answer(tcb, p, result(p.requestSequence(), result));
  }

  private ReconfigurationResponseParameter answer(Tcb tcb, Parameter request,
      ReconfigurationResponseParameter response) {
    tcb.reconfig.answer(request, response);
    return response;
  }

  /**
   * Whether a request of the peer answers our unanswered part of {@code kind} (with the number
   * {@code sequence}, or any when null); if so, that part is done.
   */
  private boolean answeredByPeerRequest(Tcb tcb, Kind kind, Integer sequence) {
    ReconfigState state = tcb.reconfig;
    // The peer may first have answered Performed, then sent the request (as usrsctp does).
    if (kind == Kind.INCOMING_RESET && state.awaitedOutgoingReset != null
        && state.awaitedOutgoingReset.equals(sequence)) {
      state.awaitedOutgoingReset = null;
      return true;
    }
    if (kind == Kind.ADD_INCOMING && state.awaitedAddOutgoing) {
      state.awaitedAddOutgoing = false;
      return true;
    }
    ReconfigRequest r = state.request;
    if (r == null || !r.sent) {
      return false;
    }
    Part part = r.part(kind);
    if (part == null || part.answered || (sequence != null && part.sequence != sequence)) {
      return false;
    }
    part.answered = true;
    finishIfDone(tcb);
    return true;
  }

  // ---- responses to our request ------------------------------------------------------------

  /** A response to a part of our request (section 5.2.7, the requester's side). */
  private void onResponse(long now, Tcb tcb, ReconfigurationResponseParameter response) {
    ReconfigState state = tcb.reconfig;
    ReconfigRequest r = state.request;
    Part part = r == null || !r.sent ? null : r.unanswered(response.responseSequence());
    if (part == null) {
      return;
    }
    tcb.clearErrors();
    long result = response.result();
    if (result == IN_PROGRESS) {
      // Sent again after an RTO with the same number, which counts no error.
      r.retry = true;
      Path path = r.path;
      state.timer.start(now, path != null ? path.rto().rto() : a.options.rtoInitialNanos());
      return;
    }
    boolean success = result == PERFORMED
        || result == ReconfigurationResponseParameter.SUCCESS_NOTHING_TO_DO;
    boolean denied = result == DENIED;
    part.answered = true;
    switch (part.kind) {
      case OUTGOING_RESET -> {
        if (success) {
          // The streams' SSNs or MIDs start again at 0 for the messages that waited.
          tcb.sender.streams().reset(part.streams);
        }
        tcb.sender.streams().resume(part.streams);
        a.components.emit(new StreamReset(a.id(), false, true, denied, !success && !denied,
            part.streams));
      }
      case INCOMING_RESET -> {
        // Performed: the peer's Outgoing SSN Reset Request brings the reset and its event.
        if (result == PERFORMED) {
          state.awaitedOutgoingReset = part.sequence;
        } else {
          a.components.emit(new StreamReset(a.id(), true, false, denied, !denied, part.streams));
        }
      }
      case TSN_RESET -> tsnResetAnswered(tcb, response, success, denied);
      case ADD_OUTGOING -> {
        if (success) {
          tcb.addOutboundStreams(part.count);
        }
        a.components.emit(new StreamChange(a.id(), denied, !success && !denied,
            tcb.inboundStreams, tcb.outboundStreams));
      }
      case ADD_INCOMING -> {
        // Performed: the peer's Add Outgoing Streams Request brings the streams and the event.
        if (result == PERFORMED) {
          state.awaitedAddOutgoing = true;
        } else {
          a.components.emit(new StreamChange(a.id(), denied, !denied, tcb.inboundStreams,
              tcb.outboundStreams));
        }
      }
    }
    finishIfDone(tcb);
  }

  private void tsnResetAnswered(Tcb tcb, ReconfigurationResponseParameter response,
      boolean success, boolean denied) {
    boolean performed = success && response.senderNextTsn().isPresent();
    if (performed) {
      int ours = response.receiverNextTsn().getAsInt();
      int theirs = response.senderNextTsn().getAsInt();
      tcb.sender.restartTsn(ours);
      tcb.receiver.restartTsn(theirs);
    }
    tcb.sender.streams().resume(List.of());
    a.components.emit(new AssociationReset(a.id(), denied, !performed && !denied,
        tcb.sender.lastAssignedTsn() + 1, tcb.receiver.cumulativeTsn() + 1));
  }

  private void finishIfDone(Tcb tcb) {
    ReconfigState state = tcb.reconfig;
    if (state.request != null && state.request.done()) {
      state.request = null;
      state.timer.stop();
      a.touch();
    }
  }
}
