package org.jsctp.association;

import org.jsctp.path.HeartbeatInfo;
import org.jsctp.path.HeartbeatOutcome;
import org.jsctp.path.Path;
import org.jsctp.stats.MibCounter;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.HeartbeatAckChunk;
import org.jsctp.wire.HeartbeatChunk;

/**
 * Heartbeats between the wire and the paths (RFC 9260 section 8.3): the HEARTBEAT ACK a peer's
 * HEARTBEAT gets, our HEARTBEAT ACKs confirming paths and clearing the association error
 * counter, and the heartbeat timers, whose unanswered heartbeats count as association errors on
 * the path carrying data. A HEARTBEAT ACK echoing a PLPMTUD probe only confirms the probed size
 * (RFC 8899 section 6.2): it is no heartbeat answer, as a lost probe is no heartbeat loss.
 */
final class HeartbeatHandler {

  private final SctpAssociation a;

  HeartbeatHandler(SctpAssociation a) {
    this.a = a;
  }

  void onHeartbeat(HeartbeatChunk hb, Destination source) {
    if (a.state() != AssociationState.COOKIE_WAIT) {
      a.queueControl(new HeartbeatAckChunk(hb.parameters()), source);
    }
  }

  void onHeartbeatAck(long now, HeartbeatAckChunk ack) {
    Bytes info = ack.info().orElse(null);
    HeartbeatInfo hb = info == null ? null : HeartbeatInfo.decode(info);
    if (hb == null) {
      return;
    }
    if (hb.isProbe()) {
      a.paths.onProbeAck(hb, now);
      return;
    }
    Path path = a.paths.onHeartbeatAck(hb, now);
    if (path != null) {
      a.counters.increment(MibCounter.SCTP_HEARTBEAT_ACKS_RECEIVED);
      // RFC 9260 section 8.3: a HEARTBEAT ACK clears the association error counter too.
      Tcb tcb = a.tcb();
      if (tcb != null) {
        tcb.clearErrors();
      }
    }
  }

  void onHeartbeatTimer(long now, Path path) {
    if (!a.state().heartbeats()) {
      path.heartbeatTimer().stop();
      return;
    }
    HeartbeatOutcome outcome = a.paths.onHeartbeatTimer(path, now);
    if (outcome != HeartbeatOutcome.LOST) {
      return;
    }
    if (path.state().isConfirmed() && path == a.paths.currentDataPath()) {
      a.termination.countAssociationError(now, "heartbeat unanswered on ", path);
    } else if (a.paths.confirmedCount() == 0) {
      // The peer deleted its last confirmed address (RFC 5061): the probes of the unconfirmed ones
      // are the only sign of life left, so their losses count, lest the association hang forever.
      a.termination.countAssociationError(now, "no confirmed address left; probe unanswered on ",
          path);
    }
  }
}
