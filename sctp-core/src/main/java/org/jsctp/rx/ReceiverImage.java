package org.jsctp.rx;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.ha.ReceiverSnapshot;
import org.jsctp.wire.UserDataChunk;

/**
 * A {@link DataReceiver} as a replication snapshot and back (docs/ha.md): TSNs received, every
 * stream's next SSN, fragments and partial deliveries, messages waiting for order or for a
 * partial delivery to end, and a deferred stream reset with the data it holds.
 */
final class ReceiverImage {

  private ReceiverImage() {}

  static ReceiverSnapshot export(DataReceiver r, List<ReceiverSnapshot.Redelivery> redelivery) {
    int streams = r.streamCount();
    List<Integer> next = new ArrayList<>(streams);
    for (int s = 0; s < streams; s++) {
      next.add(r.delivery.ordered.nextSsn(s));
    }
    List<ReceiverSnapshot.InboundChunk> fragments = new ArrayList<>();
    List<ReceiverSnapshot.PartialDelivery> partials = new ArrayList<>();
    r.delivery.reassembly.export(fragments, partials);
    List<ReceiverSnapshot.HeldMessage> waiting = new ArrayList<>();
    for (InboundMessage m : r.delivery.ordered.waitingMessages()) {
      waiting.add(held(m));
    }
    List<ReceiverSnapshot.HeldMessage> blocked = new ArrayList<>(r.delivery.deferred.size());
    for (InboundMessage m : r.delivery.deferred) {
      blocked.add(held(m));
    }
    ReceiverSnapshot.DeferredReset reset = null;
    DeferredStreamReset deferredReset = r.deferredReset;
    if (deferredReset != null) {
      List<ReceiverSnapshot.InboundChunk> chunks = new ArrayList<>();
      for (DeferredStreamReset.Held h : deferredReset.held()) {
        chunks.add(Reassembler.exported(h.chunk(), h.source()));
      }
      reset = new ReceiverSnapshot.DeferredReset((int) deferredReset.lastAssignedTsn,
          deferredReset.streams, chunks);
    }
    TsnTracker tracker = r.tracker();
    return new ReceiverSnapshot(tracker.cumulativeTsn(), tracker.receivedRanges(), next,
        fragments, partials, waiting, blocked, reset, redelivery);
  }

  /** Fills a new receiver, built on the snapshot's TSNs and stream count, with what was held. */
  static void restoreInto(DataReceiver r, ReceiverSnapshot s, InetAddress fallbackSource) {
    TsnTracker tracker = r.tracker();
    boolean interleaving = r.interleaving;
    for (int i = 0; i < s.nextSsn().size(); i++) {
      r.delivery.ordered.restoreNext(i, s.nextSsn().get(i));
    }
    for (ReceiverSnapshot.PartialDelivery p : s.partials()) {
      r.delivery.reassembly.restorePartial(p, tracker);
    }
    for (ReceiverSnapshot.InboundChunk c : s.fragments()) {
      UserDataChunk d = chunk(c, interleaving);
      requireStream(r, d.streamId());
      r.delivery.reassembly.add(tracker.unwrap(d.tsn()), d,
          c.source() != null ? c.source() : fallbackSource, tracker, r.delivery);
    }
    for (ReceiverSnapshot.HeldMessage h : s.waiting()) {
      requireStream(r, h.streamId());
      r.delivery.ordered.offer(message(tracker, h, fallbackSource), r.delivery);
    }
    for (ReceiverSnapshot.HeldMessage h : s.deferred()) {
      InboundMessage m = message(tracker, h, fallbackSource);
      r.delivery.deferred.addLast(m);
      r.delivery.deferredBytes += m.data().length();
    }
    if (s.deferredReset() != null) {
      ReceiverSnapshot.DeferredReset d = s.deferredReset();
      DeferredStreamReset reset =
          new DeferredStreamReset(tracker.unwrap(d.lastAssignedTsn()), d.streams());
      for (ReceiverSnapshot.InboundChunk c : d.held()) {
        UserDataChunk chunk = chunk(c, interleaving);
        reset.hold(tracker.unwrap(chunk.tsn()), chunk,
            c.source() != null ? c.source() : fallbackSource);
      }
      r.deferredReset = reset;
    }
  }

  static UserDataChunk chunk(ReceiverSnapshot.InboundChunk c, boolean interleaving) {
    return UserDataChunk.of(interleaving, c.flags(), c.tsn(), c.streamId(), c.messageId(),
        c.ppidOrFsn(), c.data());
  }

  private static void requireStream(DataReceiver r, int stream) {
    if (stream >= r.streamCount()) {
      throw new IllegalArgumentException(
          "held data on stream " + stream + " of " + r.streamCount());
    }
  }

  private static ReceiverSnapshot.HeldMessage held(InboundMessage m) {
    List<Integer> scattered = new ArrayList<>();
    if (m.scatteredTsns() != null) {
      for (long t : m.scatteredTsns()) {
        scattered.add((int) t);
      }
    }
    return new ReceiverSnapshot.HeldMessage(m.streamId(), m.streamSequenceNumber(),
        m.payloadProtocolId(), m.unordered(), m.firstTsn(), (int) m.tsnFrom(), (int) m.tsnTo(),
        scattered, m.source(), m.data());
  }

  private static InboundMessage message(TsnTracker tracker, ReceiverSnapshot.HeldMessage h,
      InetAddress fallbackSource) {
    long[] scattered = null;
    if (!h.scatteredTsns().isEmpty()) {
      scattered = new long[h.scatteredTsns().size()];
      for (int i = 0; i < scattered.length; i++) {
        scattered[i] = tracker.unwrap(h.scatteredTsns().get(i));
      }
    }
    return new InboundMessage(h.streamId(), h.messageId(), h.payloadProtocolId(), h.unordered(),
        h.firstTsn(), tracker.unwrap(h.tsnFrom()), tracker.unwrap(h.tsnTo()),
        h.source() != null ? h.source() : fallbackSource, h.data(), scattered);
  }
}
