package org.jsctp.association;

import org.jsctp.timer.Timer;

/**
 * The {@link AssociationScheduler}'s bookkeeping of one association: the deadline it filed, the
 * version that tells a current heap entry from a stale one, and whether the association is in
 * the touched list or the sending rotation.
 */
final class ScheduleSlot {
  long deadline = Timer.NEVER;
  long version;
  boolean touched;
  boolean sending;
}
