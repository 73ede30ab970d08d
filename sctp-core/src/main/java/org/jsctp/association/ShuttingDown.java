package org.jsctp.association;

import org.jsctp.timer.Timer;
import org.jsctp.timer.TimerKind;

/**
 * The graceful shutdown of RFC 9260 section 9.2: SHUTDOWN-PENDING, SHUTDOWN-SENT,
 * SHUTDOWN-RECEIVED or SHUTDOWN-ACK-SENT, with T2-shutdown (its retransmissions count in the
 * association error counter) and the T5-shutdown-guard.
 */
final class ShuttingDown implements Phase.WithTcb {

  private final Tcb tcb;
  private AssociationState state;
  final Timer t2;
  final Timer t5;

  ShuttingDown(Tcb tcb, AssociationState state) {
    this(tcb, state, new Timer(TimerKind.T2_SHUTDOWN), new Timer(TimerKind.T5_SHUTDOWN_GUARD));
  }

  private ShuttingDown(Tcb tcb, AssociationState state, Timer t2, Timer t5) {
    this.tcb = tcb;
    this.state = requireShutdownState(state);
    this.t2 = t2;
    this.t5 = t5;
  }

  @Override
  public ShuttingDown withTcb(Tcb replacement) {
    return new ShuttingDown(replacement, state, t2, t5);
  }

  private static AssociationState requireShutdownState(AssociationState state) {
    if (!state.shuttingDown()) {
      throw new IllegalArgumentException(state + " is not a shutdown state");
    }
    return state;
  }

  @Override
  public Tcb tcb() {
    return tcb;
  }

  @Override
  public AssociationState state() {
    return state;
  }

  /** The next step of the shutdown; only {@link SctpAssociation#transition} calls this. */
  void advance(AssociationState next) {
    this.state = requireShutdownState(next);
  }

  @Override
  public long deadline() {
    return Math.min(t2.deadline(), t5.deadline());
  }

  @Override
  public void stopTimers() {
    t2.stop();
    t5.stop();
  }
}
