package org.jsctp.tx;

import java.util.List;
import org.jsctp.path.Path;
import org.jsctp.tx.DataSender.SackResult;

/**
 * What a {@link DataSender} does once {@link OutstandingData} applied a SACK, or the cumulative
 * TSN ack of a SHUTDOWN (RFC 9260 section 6.2.1): the send buffer releases what was acknowledged,
 * the congestion windows grow and then are cut (section 7.2.4), Fast Recovery begins and ends,
 * the peer's window is taken, and the T3-rtx timers follow rules R2 and R3 (section 6.3.2).
 */
final class SackResponse {

  private SackResponse() {}

  static SackResult apply(DataSender d, OutstandingData.SackOutcome outcome, long arwnd,
      List<Path> paths, long now) {
    switch (outcome.kind()) {
      case STALE -> {
        return SackResult.STALE;
      }
      case INVALID -> {
        return SackResult.INVALID;
      }
      default -> {}
    }
    OutstandingData outstanding = d.outstanding;
    d.buffer.released(outcome.payloadBytesReleased());
    // Congestion window growth first, then the cut (section 7.2.4 step 2).
    for (int p = 0; p < paths.size(); p++) {
      Path path = paths.get(p);
      path.congestion().onAcked(outstanding.ackedBytesOn(path), outstanding.flightBeforeOn(path),
          d.inFastRecovery, path.chunksInFlight() == 0);
    }
    if (outcome.newFastRetransmit() && !d.inFastRecovery) {
      enterFastRecovery(d, paths);
    }
    d.pr.abandonExhausted();
    d.pr.takeoverAcknowledged();
    if (d.inFastRecovery && outstanding.cumulativeAckPoint() >= d.fastRecoveryExit) {
      d.inFastRecovery = false;
    }
    // Receiver window (section 6.2.1 steps iv and v).
    d.window.advertised(arwnd, outstanding.totalFlight(), now);
    if (d.replication != null) {
      d.replication.acknowledged(d.cumulativeAckPoint(), arwnd);
    }
    // T3-rtx rules R2 and R3 (section 6.3.2).
    for (int p = 0; p < paths.size(); p++) {
      Path path = paths.get(p);
      if (path.chunksInFlight() == 0 && !outstanding.hasRetransmissionFor(path)
          && !d.awaitsForwardTsnAck(path)) {
        path.t3().stop();
      } else if (outstanding.lowestAckedOn(path) && path.chunksInFlight() > 0) {
        path.t3().start(now, path.rto().rto());
      }
    }
    if (outcome.newlyAcked()) {
      d.env.acknowledgedNewData(now);
    }
    d.buffer.afterAcknowledgement(d.isIdle());
    return SackResult.APPLIED;
  }

  private static void enterFastRecovery(DataSender d, List<Path> paths) {
    // Cut cwnd once for each destination with newly marked chunks (section 7.2.4 step 2).
    for (int p = 0; p < paths.size(); p++) {
      Path path = paths.get(p);
      if (d.outstanding.hasFastRetransmissionFor(path)) {
        path.congestion().onFastRetransmit();
        d.fastRetransmitPath = path;
      }
    }
    d.inFastRecovery = true;
    d.fastRecoveryExit = d.outstanding.nextTsn() - 1;
  }
}
