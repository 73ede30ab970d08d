package org.jsctp.association;

import java.util.List;
import org.jsctp.path.Path;
import org.jsctp.stats.MibCounter;
import org.jsctp.rx.DataReceiver;
import org.jsctp.tx.DataSender;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.ForwardTsnChunk;
import org.jsctp.wire.IDataChunk;
import org.jsctp.wire.IForwardTsnChunk;
import org.jsctp.wire.InvalidStreamIdentifierCause;
import org.jsctp.wire.NoUserDataCause;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.UserDataChunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User data between the wire and the TCB's halves (RFC 9260 section 6): DATA into the receiver,
 * with the protocol errors it can raise (sections 6.2 and 6.5), SACKs into the sender, and the
 * T3-rtx expiry with its error counting (sections 6.3.3 and 8.1), a window probe excepted.
 */
final class TransferHandler {

  private static final Logger LOG = LoggerFactory.getLogger(SctpAssociation.class);
  private static final long MS = 1_000_000L;

  private final SctpAssociation a;

  TransferHandler(SctpAssociation a) {
    this.a = a;
  }

  /**
   * One DATA or I-DATA chunk; false stops processing of the rest of the packet. The kind the
   * association did not negotiate is a protocol violation (RFC 8260 section 2.1): DATA once
   * I-DATA is in use, I-DATA when it is not.
   */
  boolean onData(long now, UserDataChunk d, Destination source) {
    Tcb tcb = a.tcb();
    if (!a.state().receivesData() || tcb == null) {
      return true;
    }
    if ((d instanceof IDataChunk) != tcb.extensions.interleaving()) {
      a.termination.abortForProtocolViolation(now, tcb.extensions.interleaving()
          ? "DATA chunk on an association that uses I-DATA"
          : "I-DATA chunk on an association that did not negotiate it");
      return false;
    }
    switch (tcb.receiver.onData(d, source.remote())) {
      case EMPTY -> {
        // RFC 9260 section 6.2: a DATA chunk without user data is a protocol error.
        a.termination.abortWith(now, List.of(new NoUserDataCause(d.tsn())),
            "DATA chunk without user data");
        return false;
      }
      case INVALID_STREAM -> a.queueControl(
          new ErrorChunk(List.of(new InvalidStreamIdentifierCause(d.streamId()))), source);
      default -> {}
    }
    a.armAutoclose(now);
    return true;
  }

  /**
   * A FORWARD-TSN or I-FORWARD-TSN on an association that negotiated PR-SCTP (RFC 3758 section 3.6); without it the
   * chunk is unrecognized (section 3.2 of RFC 9260, by its type bits). One that jumps further
   * than the peer can have TSNs outstanding aborts the association, as usrsctp does.
   */
  boolean onForwardTsn(long now, Chunk f, Destination source) {
    Tcb tcb = a.tcb();
    if (tcb == null || !tcb.extensions.partialReliability()) {
      return UnrecognizedChunks.handle(a, f, source);
    }
    if (!a.state().receivesData()) {
      return true;
    }
    boolean interleaved = f instanceof IForwardTsnChunk;
    if (interleaved != tcb.extensions.interleaving()) {
      // RFC 8260 section 2.3: I-FORWARD-TSN goes with I-DATA, FORWARD-TSN with DATA.
      a.termination.abortForProtocolViolation(now, interleaved
          ? "I-FORWARD-TSN chunk on an association that does not use I-DATA"
          : "FORWARD-TSN chunk on an association that uses I-DATA");
      return false;
    }
    DataReceiver.ForwardTsnOutcome outcome = f instanceof IForwardTsnChunk i
        ? tcb.receiver.onIForwardTsn(i)
        : tcb.receiver.onForwardTsn((ForwardTsnChunk) f);
    if (outcome == DataReceiver.ForwardTsnOutcome.TOO_FAR) {
      a.termination.abortForProtocolViolation(now,
          "FORWARD-TSN beyond the TSNs the peer can have outstanding");
      return false;
    }
    return true;
  }

  void onSack(long now, SackChunk sack) {
    Tcb tcb = a.tcb();
    if (tcb == null || a.state().handshaking()) {
      return;
    }
    if (tcb.sender.onSack(sack, now) == DataSender.SackResult.INVALID) {
      a.termination.abortForProtocolViolation(now, "SACK acknowledges a TSN never sent");
      return;
    }
    a.shutdown.afterAcknowledgement(now);
  }

  void onT3Expired(long now, Path path) {
    a.counters.increment(MibCounter.SCTP_T3_RTX_EXPIREDS);
    a.ctx.observer().t3RtxExpired(a, path.address(), path.rto().rto() / 1_000_000L, now);
    Tcb tcb = a.tcb();
    if (tcb == null) {
      path.t3().stop();
      return;
    }
    boolean windowProbe = tcb.sender.peerWindowClosed();
    if (!tcb.sender.onT3Expired(path, now)) {
      return;
    }
    if (windowProbe) {
      // A zero-window probe that was not acknowledged is not a path failure (section 6.1).
      return;
    }
    // RFC 8899 section 4.3: packets of the PLPMTU may have stopped getting through.
    a.paths.onRetransmissionTimeout(path, now);
    a.paths.recordError(path, now);
    if (LOG.isDebugEnabled()) {
      LOG.debug("association {}: T3-rtx expired on {}: path errors {}, rto {} ms", a.id(),
          path.address().getHostAddress(), path.errorCount(), path.rto().rto() / MS);
    }
    a.termination.countAssociationError(now, "T3-rtx expired on ", path);
  }
}
