package org.jsctp.association;

import org.jsctp.timer.Timer;
import org.jsctp.timer.TimerKind;

/** ESTABLISHED: data flows both ways; SCTP_AUTOCLOSE may end an idle association. */
final class Established implements Phase.WithTcb {

  private final Tcb tcb;
  final Timer autoclose;

  Established(Tcb tcb) {
    this(tcb, new Timer(TimerKind.AUTOCLOSE));
  }

  private Established(Tcb tcb, Timer autoclose) {
    this.tcb = tcb;
    this.autoclose = autoclose;
  }

  @Override
  public Established withTcb(Tcb replacement) {
    return new Established(replacement, autoclose);
  }

  @Override
  public Tcb tcb() {
    return tcb;
  }

  @Override
  public AssociationState state() {
    return AssociationState.ESTABLISHED;
  }

  @Override
  public long deadline() {
    return autoclose.deadline();
  }

  @Override
  public void stopTimers() {
    autoclose.stop();
  }
}
