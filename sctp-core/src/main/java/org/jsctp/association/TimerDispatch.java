package org.jsctp.association;

import java.util.List;
import org.jsctp.path.Path;
import org.jsctp.stats.MibCounter;

/**
 * The association's timers in one place: the earliest deadline, and every timer due handled in
 * the fixed order of {@link org.jsctp.timer.TimerKind}, which keeps runs reproducible.
 */
final class TimerDispatch {

  private final SctpAssociation a;

  TimerDispatch(SctpAssociation a) {
    this.a = a;
  }

  long nextDeadline() {
    long next = a.phase.deadline();
    if (a.ha.active()) {
      next = Math.min(next, a.ha.deadline());
    }
    Tcb tcb = a.tcb();
    if (tcb != null) {
      next = Math.min(next, tcb.receiver.deadline());
      if (tcb.reconfig != null) {
        next = Math.min(next, tcb.reconfig.timer.deadline());
      }
      next = Math.min(next, a.asconf.deadline());
    }
    return Math.min(next, a.paths.nextDeadline());
  }

  void handleTimeout(long now) {
    Tcb tcb = a.tcb();
    if (tcb != null) {
      tcb.sender.startRound();
    }
    a.handshake.onTimeout(now);
    a.shutdown.onTimeout(now);
    tcb = a.tcb();
    if (tcb != null) {
      tcb.receiver.onTimeout(now);
    }
    if (a.phase instanceof Established e && e.autoclose.isDue(now)) {
      e.autoclose.expire();
      a.counters.increment(MibCounter.SCTP_AUTOCLOSE_EXPIREDS);
      a.shutdown.requestShutdown(now);
    }
    tcb = a.tcb();
    if (tcb != null && tcb.reconfig != null && tcb.reconfig.timer.isDue(now)) {
      a.reconfig.onTimeout(now);
    }
    if (a.tcb() != null && a.asconf.isDue(now)) {
      a.asconf.onTimeout(now);
    }
    List<Path> list = a.paths.paths();
    for (int i = 0; i < list.size() && a.state() != AssociationState.CLOSED; i++) {
      Path p = list.get(i);
      if (p.t3().isDue(now)) {
        a.transfer.onT3Expired(now, p);
      }
      if (a.state() != AssociationState.CLOSED && p.heartbeatTimer().isDue(now)) {
        a.heartbeats.onHeartbeatTimer(now, p);
      }
      if (a.state() != AssociationState.CLOSED && p.plpmtud().timer().isDue(now)) {
        a.paths.onPlpmtudTimer(p, now);
      }
    }
    a.touch();
  }
}
