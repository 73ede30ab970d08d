package org.jsctp.association;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.endpoint.Transmit;
import org.jsctp.path.Path;
import org.jsctp.stats.MibCounter;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.ErrorCause;
import org.jsctp.wire.ProtocolViolationCause;
import org.jsctp.wire.UserInitiatedAbortCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an association ends: an ABORT sent or received (RFC 9260 section 9.1), the association
 * error counter passing Association.Max.Retrans (section 8.1), or a completed shutdown. Ending
 * reports the data not delivered, tells the application, hands the last control chunks (an
 * ABORT, a SHUTDOWN COMPLETE) to the endpoint and closes.
 */
final class Termination {

  private static final Logger LOG = LoggerFactory.getLogger(SctpAssociation.class);

  private final SctpAssociation a;

  Termination(SctpAssociation a) {
    this.a = a;
  }

  /** One more consecutive error; beyond Association.Max.Retrans the peer is unreachable. */
  void countAssociationError(long now, String what, Path path) {
    Tcb tcb = a.tcb();
    if (tcb == null) {
      return;
    }
    int errors = tcb.countError();
    int max = a.options.associationMaxRetrans();
    if (errors > max) {
      String cause = path == null ? what : what + path.address().getHostAddress();
      if (LOG.isInfoEnabled() && a.ctx.logThrottle().allow(now)) {
        LOG.info("association {}: {} errors exceed association_max_retrans {}; {} ({} more lines"
            + " left out since the last)", a.id, errors, max, cause, a.ctx.logThrottle().takeSuppressed());
      }
      terminate(now, AssociationChange.Kind.COMM_LOST, List.of(), "peer unreachable: " + cause);
    }
  }

  /** How an association that ends now was lost: it could not start, or it was up. */
  AssociationChange.Kind lostKind() {
    return a.state().handshaking() ? AssociationChange.Kind.CANT_STR_ASSOC : AssociationChange.Kind.COMM_LOST;
  }

  /** Aborts with cause 13, Protocol Violation, carrying {@code what}. */
  void abortForProtocolViolation(long now, String what) {
    abortWith(now, List.of(ProtocolViolationCause.of(what)), what);
  }

  /** ABORT with cause 12, User-Initiated Abort, carrying {@code reason} (may be empty). */
  void abortByApplication(long now, Bytes reason) {
    if (a.state() == AssociationState.CLOSED) {
      return;
    }
    List<ErrorCause> causes = List.of(new UserInitiatedAbortCause(reason));
    countAbort(now, false, causes, "aborted by the application");
    if (a.state() != AssociationState.COOKIE_WAIT && !a.paths.paths().isEmpty()) {
      a.queueControl(new AbortChunk(false, causes), a.primaryDestination());
    }
    terminate(now, lostKind(), List.of(), "aborted by the application");
  }

  /**
   * An ABORT ends the association, received or about to be sent: counted (RFC 3873
   * sctpAborteds) and told to the observer while the association is still in its state.
   */
  void countAbort(long now, boolean received, List<ErrorCause> causes, String reason) {
    a.counters.increment(MibCounter.SCTP_ABORTEDS);
    a.ctx.observer().aborted(a, received, causes, reason, now);
  }

  /** Aborts because of a protocol error, telling the peer why. */
  void abortWith(long now, List<ErrorCause> causes, String reason) {
    countAbort(now, false, causes, reason);
    a.queueControl(new AbortChunk(false, causes), a.primaryDestination());
    terminate(now, AssociationChange.Kind.COMM_LOST, List.of(), reason);
  }

  /**
   * Ends the association: reports undelivered data, notifies, flushes the last control chunks
   * (an ABORT, a SHUTDOWN COMPLETE) to the endpoint and closes.
   */
  void terminate(long now, AssociationChange.Kind kind, List<ErrorCause> causes, String reason) {
    if (a.state() == AssociationState.CLOSED) {
      return;
    }
    a.ha.close(kind + ": " + reason, now);
    Tcb tcb = a.tcb();
    if (tcb != null) {
      tcb.sender.failAll(reason);
    } else if (a.phase instanceof CookieWait w) {
      a.handshake.failEarly(w.early, reason);
    }
    a.components.emit(new AssociationChange(a.id, kind, a.outboundStreams(), a.inboundStreams(),
        causes));
    flushControlsAndClose(now);
  }

  private void flushControlsAndClose(long now) {
    List<Transmit> last = new ArrayList<>();
    while (!a.controls.isEmpty()) {
      Transmit t = a.assembler.pollControlsOnly();
      if (t == null) {
        break;
      }
      last.add(t);
    }
    a.controls.clear();
    a.transition(new Closed(a.localTag(), a.peerTag(), a.errorCount()), now);
    a.paths.stopAll();
    for (Transmit t : last) {
      a.ctx.transmit(t);
    }
    a.ctx.closed(a);
  }
}
