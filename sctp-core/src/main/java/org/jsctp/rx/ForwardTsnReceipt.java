package org.jsctp.rx;

import org.jsctp.rx.DataReceiver.ForwardTsnOutcome;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.ForwardTsnChunk;
import org.jsctp.wire.IForwardTsnChunk;

/**
 * What a FORWARD-TSN (RFC 3758 section 3.6) or I-FORWARD-TSN (RFC 8260 section 2.3.2) does to a
 * {@link DataReceiver}: the cumulative TSN moves over abandoned data, their fragments go, and
 * ordered streams skip to the SSN or MID after the one named. The receiver then finishes a
 * deferred reset that is due and settles its memory.
 */
final class ForwardTsnReceipt {

  private ForwardTsnReceipt() {}

  /** Handles a FORWARD-TSN or an I-FORWARD-TSN {@code f} moving the cumulative TSN there. */
  static ForwardTsnOutcome receive(DataReceiver r, Chunk f, int newCumulativeTsn) {
    ForwardTsnOutcome outcome = advanceTo(r, newCumulativeTsn);
    if (outcome != ForwardTsnOutcome.MOVED) {
      return outcome;
    }
    replicated(r, f, newCumulativeTsn);
    if (f instanceof ForwardTsnChunk forward) {
      skip(r, forward);
    } else {
      skip(r, (IForwardTsnChunk) f);
    }
    return ForwardTsnOutcome.MOVED;
  }

  private static void skip(DataReceiver r, ForwardTsnChunk f) {
    MessageDelivery delivery = r.delivery;
    if (delivery.reassembly instanceof Reassembly reassembly) {
      delivery.aborted(reassembly.discardThrough(r.tracker.unwrap(f.newCumulativeTsn())));
    }
    for (ForwardTsnChunk.StreamEntry e : f.streams()) {
      if (e.streamId() < r.streamCount()) {
        delivery.skipThrough(e.streamId(), e.streamSequenceNumber());
      }
    }
  }

  private static void skip(DataReceiver r, IForwardTsnChunk f) {
    MessageDelivery delivery = r.delivery;
    if (delivery.reassembly instanceof InterleavedReassembly reassembly) {
      for (IForwardTsnChunk.Entry e : f.entries()) {
        if (e.streamId() >= r.streamCount()) {
          continue;
        }
        delivery.aborted(reassembly.discardThrough(e.streamId(), e.unordered(), e.messageId()));
        if (!e.unordered()) {
          delivery.skipThrough(e.streamId(), e.messageId());
        }
      }
    }
  }

  private static void replicated(DataReceiver r, Chunk f, int newCumulativeTsn) {
    ReceiveReplication replication = r.replication;
    if (replication != null) {
      r.gate.advanced(newCumulativeTsn, replication.pendingSequence());
      replication.forwardTsn(f);
    }
  }

  /** Moves the cumulative TSN for a FORWARD-TSN or I-FORWARD-TSN, which is SACKed at once. */
  private static ForwardTsnOutcome advanceTo(DataReceiver r, int newCumulativeTsn) {
    r.sack.immediately();
    TsnTracker tracker = r.tracker;
    long cumulative = tracker.unwrap(tracker.cumulativeTsn());
    long newCumulative = tracker.unwrap(newCumulativeTsn);
    if (newCumulative <= cumulative) {
      return ForwardTsnOutcome.STALE;
    }
    if (newCumulative - cumulative > TsnTracker.MAX_AHEAD) {
      return ForwardTsnOutcome.TOO_FAR;
    }
    tracker.advanceTo(newCumulativeTsn);
    return ForwardTsnOutcome.MOVED;
  }
}
