package org.jsctp.rx;

import org.jsctp.stats.MibCounter;
import org.jsctp.util.SequenceUnwrapper;

/**
 * Giving up received TSNs that a {@link DataReceiver} holds but has not delivered (RFC 9260
 * section 6.2): to make room for a lower TSN when the window is full, and on a standby's copy as
 * the active did. A replication (HA) is told of every TSN given up.
 */
final class Reneging {

  private Reneging() {}

  /**
   * With no room in the window, a chunk below the highest TSN held may take the place of the
   * highest ones held for reordering or reassembly, which are then no longer acknowledged (the
   * peer keeps them until they are cumulatively acknowledged and resends them). Data already
   * delivered, and TSNs at or below the cumulative TSN, are never given up. Returns whether
   * {@code length} more bytes now fit.
   */
  static boolean makeRoom(DataReceiver r, long tsn, int length) {
    TsnTracker tracker = r.tracker;
    MessageDelivery delivery = r.delivery;
    long cumulative = tracker.unwrap(tracker.cumulativeTsn());
    long rcvbuf = r.settings.rcvbuf();
    while (r.held() + length > rcvbuf) {
      long fragment = delivery.reassembly.highestFragment();
      InboundMessage waiting = delivery.ordered.highestWaiting();
      boolean messageFirst = waiting != null && waiting.tsnTo() > fragment;
      if (messageFirst) {
        if (waiting.tsnTo() <= tsn || waiting.tsnFrom() <= cumulative || !forget(r, waiting)) {
          return false;
        }
        delivery.ordered.evict(waiting);
      } else {
        if (fragment <= tsn || fragment <= cumulative || !tracker.forgetRange(fragment, fragment)) {
          return false;
        }
        reneged(r, fragment);
        delivery.reassembly.evict(fragment);
      }
      r.env.counters().increment(MibCounter.SCTP_RENEGED_TSNS);
      r.sack.dropped();
    }
    return true;
  }

  /** Reneges the TSNs of a waiting message: all from its first to its last, or those it lists. */
  private static boolean forget(DataReceiver r, InboundMessage waiting) {
    TsnTracker tracker = r.tracker;
    if (waiting.scatteredTsns() == null) {
      if (!tracker.forgetRange(waiting.tsnFrom(), waiting.tsnTo())) {
        return false;
      }
      for (long t = waiting.tsnFrom(); t <= waiting.tsnTo(); t++) {
        reneged(r, t);
      }
      return true;
    }
    boolean forgotten = true;
    for (long t : waiting.scatteredTsns()) {
      boolean done = tracker.forgetRange(t, t);
      if (done) {
        reneged(r, t);
      }
      forgotten &= done;
    }
    return forgotten;
  }

  private static void reneged(DataReceiver r, long t) {
    ReceiveReplication replication = r.replication;
    if (replication != null) {
      int tsn = SequenceUnwrapper.wrap(t);
      r.gate.forgotten(tsn, replication.pendingSequence());
      replication.reneged(tsn);
    }
  }

  /**
   * A standby's copy gives up {@code tsn} as the active did: the fragment or the waiting message
   * holding it goes, and the TSN is no longer held.
   */
  static void renegeAsActiveDid(DataReceiver r, int tsn) {
    long t = r.tracker.unwrap(tsn);
    MessageDelivery delivery = r.delivery;
    InboundMessage waiting = delivery.ordered.waitingWith(t);
    if (waiting != null) {
      delivery.ordered.evict(waiting);
    } else {
      delivery.reassembly.evict(t);
    }
    r.tracker.forgetRange(t, t);
  }
}
