package org.jsctp.association;

import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.ShutdownReceived;
import org.jsctp.path.Path;
import org.jsctp.rx.DataReceiver;
import org.jsctp.stats.MibCounter;
import org.jsctp.tx.DataSender;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.ShutdownChunk;
import org.jsctp.wire.ShutdownCompleteChunk;

/**
 * Graceful shutdown (RFC 9260 section 9.2) through SHUTDOWN-PENDING, SHUTDOWN-SENT,
 * SHUTDOWN-RECEIVED and SHUTDOWN-ACK-SENT, with T2-shutdown retransmission counted against
 * Association.Max.Retrans and the T5-shutdown-guard of 5 * RTO.Max. The shutdown's timers and
 * sub-state live in the {@link ShuttingDown} phase.
 */
final class ShutdownHandler {

  private static final long MS = 1_000_000L;

  private final SctpAssociation a;

  ShutdownHandler(SctpAssociation a) {
    this.a = a;
  }

  /** The application asks for a graceful shutdown (or autoclose fired). */
  void requestShutdown(long now) {
    Phase phase = a.phase();
    if (phase.state().handshaking()) {
      a.abort(now, Bytes.EMPTY);
    } else if (phase instanceof Established e) {
      a.transition(new ShuttingDown(e.tcb(), AssociationState.SHUTDOWN_PENDING), now);
      afterAcknowledgement(now);
    }
  }

  /** Called whenever data was acknowledged: a pending shutdown proceeds once all is acked. */
  void afterAcknowledgement(long now) {
    if (!(a.phase() instanceof ShuttingDown s) || !s.tcb().sender.isIdle()) {
      return;
    }
    if (s.state() == AssociationState.SHUTDOWN_PENDING) {
      a.transition(s, AssociationState.SHUTDOWN_SENT, now);
      sendShutdown(s, now);
      s.t5.start(now, 5 * a.options.rtoMaxMs() * MS);
    } else if (s.state() == AssociationState.SHUTDOWN_RECEIVED) {
      a.transition(s, AssociationState.SHUTDOWN_ACK_SENT, now);
      sendShutdownAck(s, now, a.primaryDestination());
    }
  }

  /**
   * A standby took over a shutting down association (docs/ha.md): what was last sent goes again
   * with its timers (SHUTDOWN with T2 and T5, SHUTDOWN ACK with T2); in SHUTDOWN-PENDING and
   * SHUTDOWN-RECEIVED the shutdown proceeds once everything is acknowledged.
   */
  void resume(ShuttingDown s, long now) {
    switch (s.state()) {
      case SHUTDOWN_SENT -> {
        sendShutdown(s, now);
        s.t5.start(now, 5 * a.options.rtoMaxMs() * MS);
      }
      case SHUTDOWN_ACK_SENT -> sendShutdownAck(s, now, a.primaryDestination());
      default -> afterAcknowledgement(now);
    }
  }

  private void sendShutdown(ShuttingDown s, long now) {
    a.controls.removeAll(ShutdownChunk.class);
    Destination dest = a.primaryDestination();
    DataReceiver receiver = s.tcb().receiver;
    a.queueControl(new ShutdownChunk(receiver.cumulativeTsn()), dest);
    if (shutdownSaysAll(receiver)) {
      receiver.sackSent();
    }
    startT2(s, now, dest);
  }

  private void sendShutdownAck(ShuttingDown s, long now, Destination dest) {
    a.controls.removeAll(ShutdownAckChunk.class);
    a.queueControl(new ShutdownAckChunk(), dest);
    startT2(s, now, dest);
  }

  private void startT2(ShuttingDown s, long now, Destination dest) {
    Path path = a.paths.find(dest.remote());
    long rto = path != null ? path.rto().rto() : a.options.rtoInitialMs() * MS;
    s.t2.start(now, rto);
  }

  /**
   * A packet from the peer arrived while shutting down: it clears the count of T2 expirations,
   * and in SHUTDOWN-SENT the association error counter that holds the SHUTDOWN retransmissions.
   */
  void onPacket(ShuttingDown s) {
    AssociationState state = s.state();
    if (state == AssociationState.SHUTDOWN_SENT || state == AssociationState.SHUTDOWN_ACK_SENT) {
      s.t2.clearExpirations();
    }
    if (state == AssociationState.SHUTDOWN_SENT) {
      s.tcb().clearErrors();
    }
  }

  void onShutdown(long now, ShutdownChunk shutdown, Destination source) {
    Phase phase = a.phase();
    if (!(phase instanceof Established) && !(phase instanceof ShuttingDown)) {
      return;
    }
    Tcb tcb = ((Phase.WithTcb) phase).tcb();
    if (tcb.sender.onShutdownCumAck(shutdown.cumulativeTsnAck(), now) == DataSender.SackResult.INVALID) {
      a.termination.abortForProtocolViolation(now, "SHUTDOWN acknowledges a TSN never sent");
      return;
    }
    if (phase instanceof Established) {
      received(new ShuttingDown(tcb, AssociationState.SHUTDOWN_RECEIVED), now);
      return;
    }
    ShuttingDown s = (ShuttingDown) phase;
    switch (s.state()) {
      case SHUTDOWN_PENDING -> {
        a.transition(s, AssociationState.SHUTDOWN_RECEIVED, now);
        received(s, now);
      }
      case SHUTDOWN_SENT -> {
        // Both sides shut down at once: answer with SHUTDOWN ACK (section 9.2).
        a.components.emit(new ShutdownReceived(a.id()));
        a.controls.removeAll(ShutdownChunk.class);
        a.transition(s, AssociationState.SHUTDOWN_ACK_SENT, now);
        sendShutdownAck(s, now, source);
      }
      case SHUTDOWN_ACK_SENT -> sendShutdownAck(s, now, source);
      default -> afterAcknowledgement(now);
    }
  }

  private void received(ShuttingDown s, long now) {
    if (a.phase() != s) {
      a.transition(s, now);
    }
    a.components.emit(new ShutdownReceived(a.id()));
    afterAcknowledgement(now);
  }

  void onShutdownAck(long now, Destination source) {
    switch (a.state()) {
      case SHUTDOWN_SENT, SHUTDOWN_ACK_SENT -> {
        a.queueControl(new ShutdownCompleteChunk(false), source);
        a.counters.increment(MibCounter.SCTP_SHUTDOWNS);
        a.termination.terminate(now, AssociationChange.Kind.SHUTDOWN_COMP, List.of(),
            "association shut down");
      }
      case COOKIE_WAIT, COOKIE_ECHOED ->
          // Section 8.5.1: handled as out of the blue; the reply reflects the tag.
          a.queueControl(new ShutdownCompleteChunk(true), source, a.localTag());
      default -> {}
    }
  }

  void onShutdownComplete(long now) {
    if (a.state() != AssociationState.SHUTDOWN_ACK_SENT) {
      return;
    }
    a.counters.increment(MibCounter.SCTP_SHUTDOWNS);
    a.termination.terminate(now, AssociationChange.Kind.SHUTDOWN_COMP, List.of(),
        "association shut down");
  }

  /**
   * In SHUTDOWN-SENT every packet with DATA is answered with a SHUTDOWN, and with a SACK too when
   * the SHUTDOWN's cumulative TSN cannot say everything.
   */
  void onDataWhileShutdownSent(ShuttingDown s, long now) {
    DataReceiver receiver = s.tcb().receiver;
    if (!shutdownSaysAll(receiver)) {
      receiver.requestSack();
    } else {
      receiver.sackSent();
    }
    sendShutdown(s, now);
  }

  /**
   * Whether a SHUTDOWN's cumulative TSN says all a SACK would: no gaps and no duplicates to report
   * (section 9.2), and no chunk dropped or TSN given up for want of room since the last SACK,
   * which section 6.2 wants reported at once (an earlier SACK may have reported it received).
   */
  private static boolean shutdownSaysAll(DataReceiver receiver) {
    return !receiver.hasGaps() && !receiver.hasDuplicates() && !receiver.hasDropsToReport();
  }

  /** T2-shutdown and the T5-shutdown-guard, when due. */
  void onTimeout(long now) {
    if (a.phase() instanceof ShuttingDown s && s.t2.isDue(now)) {
      onT2Expired(s, now);
    }
    if (a.phase() instanceof ShuttingDown s && s.t5.isDue(now)) {
      s.t5.expire();
      a.counters.increment(MibCounter.SCTP_T5_SHUTDOWN_GUARD_EXPIREDS);
      a.termination.countAbort(now, false, List.of(), "T5-shutdown-guard expired");
      a.queueControl(new AbortChunk(false, List.of()), a.primaryDestination());
      a.termination.terminate(now, AssociationChange.Kind.COMM_LOST, List.of(),
          "T5-shutdown-guard expired");
    }
  }

  private void onT2Expired(ShuttingDown s, long now) {
    s.t2.expire();
    a.counters.increment(MibCounter.SCTP_T2_SHUTDOWN_EXPIREDS);
    Path path = a.paths.currentDataPath() != null ? a.paths.currentDataPath() : a.paths.primary();
    if (path != null) {
      path.rto().backoff();
      a.paths.recordError(path, now);
    }
    a.termination.countAssociationError(now, "T2-shutdown expired", null);
    if (a.state() == AssociationState.SHUTDOWN_SENT) {
      sendShutdown(s, now);
    } else if (a.state() == AssociationState.SHUTDOWN_ACK_SENT) {
      Path next = a.paths.dataPath(now);
      sendShutdownAck(s, now, next != null ? Destination.of(next) : a.primaryDestination());
    }
  }
}
