package org.jsctp.association;

import org.jsctp.timer.Timer;

/**
 * Where an association is in its life, with the data valid there and nowhere else (design.md
 * 7.5): the handshake's INIT or COOKIE ECHO and T1 only while handshaking, T2, T5 and the kind of
 * shutdown only while shutting down, the autoclose timer only while established, and the {@link
 * Tcb} once both sides' parameters are known. {@link SctpAssociation} moves from one phase to the
 * next in one place; handlers are handed the phase they work on.
 */
sealed interface Phase permits Closed, CookieWait, Phase.WithTcb {

  /** The RFC 9260 state this phase stands for. */
  AssociationState state();

  /** The verification tag this side expects from the peer. */
  int localTag();

  /** The earliest deadline of this phase's own timers, or {@link Timer#NEVER}. */
  default long deadline() {
    return Timer.NEVER;
  }

  /** Stops this phase's timers (the association is leaving it for CLOSED). */
  default void stopTimers() {}

  /** A phase that has a TCB. */
  sealed interface WithTcb extends Phase permits CookieEchoed, Established, ShuttingDown {
    Tcb tcb();

    /** The same phase, timers included, with another TCB (a collision changed a tag). */
    WithTcb withTcb(Tcb replacement);

    @Override
    default int localTag() {
      return tcb().localTag;
    }
  }
}
