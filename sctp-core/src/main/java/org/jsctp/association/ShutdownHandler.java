package org.jsctp.association;

import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.ShutdownReceived;
import org.jsctp.path.Path;
import org.jsctp.stats.MibCounter;
import org.jsctp.tx.DataSender;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.ProtocolViolationCause;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.ShutdownChunk;
import org.jsctp.wire.ShutdownCompleteChunk;

/**
 * Graceful shutdown (RFC 9260 section 9.2) through SHUTDOWN-PENDING, SHUTDOWN-SENT,
 * SHUTDOWN-RECEIVED and SHUTDOWN-ACK-SENT, with T2-shutdown retransmission counted against
 * Association.Max.Retrans and the T5-shutdown-guard of 5 * RTO.Max.
 */
final class ShutdownHandler {

  private static final long MS = 1_000_000L;

  private final SctpAssociation a;

  ShutdownHandler(SctpAssociation a) {
    this.a = a;
  }

  /** The application asks for a graceful shutdown (or autoclose fired). */
  void requestShutdown(long now) {
    switch (a.state) {
      case COOKIE_WAIT, COOKIE_ECHOED -> a.abort(now, Bytes.EMPTY);
      case ESTABLISHED -> {
        a.setState(AssociationState.SHUTDOWN_PENDING, now);
        afterAcknowledgement(now);
      }
      default -> {}
    }
  }

  /** Called whenever data was acknowledged: a pending shutdown proceeds once all is acked. */
  void afterAcknowledgement(long now) {
    if (a.sender == null || !a.sender.isIdle()) {
      return;
    }
    if (a.state == AssociationState.SHUTDOWN_PENDING) {
      a.setState(AssociationState.SHUTDOWN_SENT, now);
      sendShutdown(now);
      a.t5.start(now, 5 * a.options().rtoMaxMs() * MS);
    } else if (a.state == AssociationState.SHUTDOWN_RECEIVED) {
      a.setState(AssociationState.SHUTDOWN_ACK_SENT, now);
      sendShutdownAck(now, a.primaryDestination());
    }
  }

  private void sendShutdown(long now) {
    a.controls.removeAll(ShutdownChunk.class);
    Destination dest = a.primaryDestination();
    a.queueControl(new ShutdownChunk(a.receiver.cumulativeTsn()), dest);
    if (!a.receiver.hasGaps()) {
      a.receiver.sackSent();
    }
    startT2(now, dest);
  }

  private void sendShutdownAck(long now, Destination dest) {
    a.controls.removeAll(ShutdownAckChunk.class);
    a.queueControl(new ShutdownAckChunk(), dest);
    startT2(now, dest);
  }

  private void startT2(long now, Destination dest) {
    Path path = a.paths.find(dest.remote());
    long rto = path != null ? path.rto().rto() : a.options().rtoInitialMs() * MS;
    a.t2.start(now, rto);
  }

  void onShutdown(long now, ShutdownChunk shutdown, Destination source) {
    if (a.sender == null || a.state.handshaking() || a.state == AssociationState.CLOSED) {
      return;
    }
    if (a.sender.onShutdownCumAck(shutdown.cumulativeTsnAck(), now) == DataSender.SackResult.INVALID) {
      a.abortWith(now, List.of(new ProtocolViolationCause(Bytes.wrap(
          "SHUTDOWN acknowledges a TSN never sent".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))),
          "SHUTDOWN acknowledges a TSN never sent");
      return;
    }
    switch (a.state) {
      case ESTABLISHED, SHUTDOWN_PENDING -> {
        a.setState(AssociationState.SHUTDOWN_RECEIVED, now);
        a.emit(new ShutdownReceived(a.id()));
        afterAcknowledgement(now);
      }
      case SHUTDOWN_SENT -> {
        // Both sides shut down at once: answer with SHUTDOWN ACK (section 9.2).
        a.emit(new ShutdownReceived(a.id()));
        a.controls.removeAll(ShutdownChunk.class);
        a.setState(AssociationState.SHUTDOWN_ACK_SENT, now);
        sendShutdownAck(now, source);
      }
      case SHUTDOWN_ACK_SENT -> sendShutdownAck(now, source);
      default -> afterAcknowledgement(now);
    }
  }

  void onShutdownAck(long now, Destination source) {
    switch (a.state) {
      case SHUTDOWN_SENT, SHUTDOWN_ACK_SENT -> {
        a.queueControl(new ShutdownCompleteChunk(false), source);
        a.counters.increment(MibCounter.SCTP_SHUTDOWNS);
        a.terminate(now, AssociationChange.Kind.SHUTDOWN_COMP, List.of(), "association shut down");
      }
      case COOKIE_WAIT, COOKIE_ECHOED ->
          // Section 8.5.1: handled as out of the blue; the reply reflects the tag.
          a.queueControl(new ShutdownCompleteChunk(true), source, a.localTag);
      default -> {}
    }
  }

  void onShutdownComplete(long now) {
    if (a.state != AssociationState.SHUTDOWN_ACK_SENT) {
      return;
    }
    a.counters.increment(MibCounter.SCTP_SHUTDOWNS);
    a.terminate(now, AssociationChange.Kind.SHUTDOWN_COMP, List.of(), "association shut down");
  }

  /** In SHUTDOWN-SENT every packet with DATA is answered with a SHUTDOWN (and a SACK if gaps). */
  void onDataWhileShutdownSent(long now) {
    if (!a.receiver.hasGaps()) {
      a.receiver.sackSent();
    } else {
      a.receiver.requestSack();
    }
    sendShutdown(now);
  }

  void onT2Expired(long now) {
    a.t2.expire();
    a.counters.increment(MibCounter.SCTP_T2_SHUTDOWN_EXPIREDS);
    Path path = a.paths.currentDataPath() != null ? a.paths.currentDataPath() : a.paths.primary();
    if (path != null) {
      path.rto().backoff();
      a.paths.recordError(path, now);
    }
    a.countAssociationError(now, "T2-shutdown expired");
    if (a.state == AssociationState.CLOSED) {
      return;
    }
    if (a.state == AssociationState.SHUTDOWN_SENT) {
      sendShutdown(now);
    } else if (a.state == AssociationState.SHUTDOWN_ACK_SENT) {
      Path next = a.paths.dataPath(now);
      sendShutdownAck(now, next != null ? Destination.of(next) : a.primaryDestination());
    }
  }

  void onT5Expired(long now) {
    a.t5.expire();
    a.counters.increment(MibCounter.SCTP_T5_SHUTDOWN_GUARD_EXPIREDS);
    a.counters.increment(MibCounter.SCTP_ABORTEDS);
    a.queueControl(new AbortChunk(false, List.of()), a.primaryDestination());
    a.terminate(now, AssociationChange.Kind.COMM_LOST, List.of(), "T5-shutdown-guard expired");
  }
}
