package org.jsctp.tx;

import org.jsctp.path.Path;

/**
 * What a {@link DataSender} does when the chunks outstanding on one path are lost there: a T3-rtx
 * expiry (RFC 9260 section 6.3.3) or the path's removal (RFC 5061 Delete IP Address). They are
 * marked for retransmission elsewhere, and Fast Recovery and a FORWARD-TSN let go of the path.
 */
final class PathLoss {

  private PathLoss() {}

  /** E1 cut the window, E2 back off the RTO, E3 mark for an alternate path when there is one. */
  static boolean t3Expired(DataSender d, Path path, long now) {
    PartialReliability pr = d.pr;
    OutstandingData outstanding = d.outstanding;
    path.t3().expire();
    pr.expire(now);
    pr.onT3Expired();
    if (!outstanding.hasOutstandingOn(path)) {
      return false;
    }
    path.congestion().onRetransmissionTimeout();
    path.rto().backoff();
    Path target = d.env.paths().retransmissionPath(path);
    d.window.credit(outstanding.markForTimeout(path, target != null ? target : path));
    pr.abandonExhausted();
    path.stopTiming();
    d.inFastRecovery = false;
    d.fastRetransmitPath = null;
    return true;
  }

  /** Without the congestion response of a T3-rtx expiry. */
  static void removed(DataSender d, Path removed, Path target) {
    d.window.credit(d.outstanding.moveOff(removed, target));
    if (d.fastRetransmitPath == removed) {
      d.fastRetransmitPath = null;
    }
    if (d.forwardTsnPath == removed) {
      d.forwardTsnPath = target;
    }
  }
}
