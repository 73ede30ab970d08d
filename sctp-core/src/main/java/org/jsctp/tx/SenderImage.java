package org.jsctp.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.ha.SenderSnapshot;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.UserDataChunk;

/**
 * A {@link DataSender} as a replication snapshot and back (docs/ha.md): next TSN, cumulative TSN
 * ack, the peer's window, every stream's counters, every message not fully acknowledged with its
 * progress, and the outstanding chunks byte for byte from their message.
 */
final class SenderImage {

  private SenderImage() {}

  static SenderSnapshot export(DataSender d, long now) {
    SendQueue queue = d.queue;
    OutstandingData outstanding = d.outstanding;
    List<SenderSnapshot.Stream> streams = new ArrayList<>(queue.streamCount());
    for (int s = 0; s < queue.streamCount(); s++) {
      streams.add(streamState(d, s));
    }
    Map<Long, QueuedMessage> messages = new TreeMap<>();
    for (int i = 0; i < outstanding.size(); i++) {
      QueuedMessage m = outstanding.at(i).message;
      messages.putIfAbsent(m.arrival, m);
    }
    for (QueuedMessage m : queue.all()) {
      messages.putIfAbsent(m.arrival, m);
    }
    List<SenderSnapshot.Message> exported = new ArrayList<>(messages.size());
    for (QueuedMessage m : messages.values()) {
      exported.add(exportMessage(m, now));
    }
    List<SenderSnapshot.Chunk> chunks = new ArrayList<>(outstanding.size());
    for (int i = 0; i < outstanding.size(); i++) {
      OutstandingChunk c = outstanding.at(i);
      chunks.add(new SenderSnapshot.Chunk(c.chunk.tsn(), c.message.arrival, c.messageOffset,
          c.payloadLength(), c.chunk.flags(), c.chunk.messageId(),
          UserDataChunk.ppidOrFsn(c.chunk), c.transmissions, c.abandoned, c.gapAcked));
    }
    return new SenderSnapshot(d.nextTsn(), d.cumulativeAckPoint(), d.window.lastAdvertised(),
        streams, exported, chunks);
  }

  static SenderSnapshot.Stream streamState(DataSender d, int s) {
    SendQueue queue = d.queue;
    return new SenderSnapshot.Stream(queue.nextOrdered(s), queue.nextUnordered(s),
        queue.isPaused(s), queue.storedSchedulerValue(s), d.pr.abandonedSent(s),
        d.pr.abandonedUnsent(s));
  }

  static SenderSnapshot.Message exportQueued(long id, OutgoingMessage m, long now) {
    return new SenderSnapshot.Message(id, m.streamId(), m.payloadProtocolId(), m.unordered(),
        m.sackImmediately(), m.context(), lifetimeLeft(m.expiresAt(), now), m.prPolicy(),
        m.prValue(), m.payload(), 0, 0, false, 0, false);
  }

  private static SenderSnapshot.Message exportMessage(QueuedMessage q, long now) {
    OutgoingMessage m = q.message;
    return new SenderSnapshot.Message(q.arrival, m.streamId(), m.payloadProtocolId(),
        m.unordered(), m.sackImmediately(), m.context(), lifetimeLeft(m.expiresAt(), now),
        m.prPolicy(), m.prValue(), m.payload(), q.offset(), q.fragments(), q.numbered(),
        q.messageId(), q.abandoned);
  }

  private static long lifetimeLeft(long expiresAt, long now) {
    return expiresAt == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, expiresAt - now);
  }

  /** Fills a new sender, built on the snapshot's TSNs, streams and window, with its messages. */
  static void restoreInto(DataSender d, SenderSnapshot s, boolean interleaving, long now) {
    SendQueue queue = d.queue;
    for (int i = 0; i < s.streams().size(); i++) {
      SenderSnapshot.Stream st = s.streams().get(i);
      queue.restoreMessageIds(i, st.nextOrdered(), st.nextUnordered());
      if (st.paused()) {
        queue.pause(i);
      }
      if (st.schedulerValue() >= 0) {
        queue.setSchedulerValue(i, st.schedulerValue());
      }
      d.pr.restoreCounts(i, st.abandonedSent(), st.abandonedUnsent());
    }
    Map<Long, QueuedMessage> byId = new TreeMap<>();
    long nextId = 0;
    for (SenderSnapshot.Message m : s.messages()) {
      QueuedMessage q = new QueuedMessage(new OutgoingMessage(m.streamId(), m.payloadProtocolId(),
          m.unordered(), m.sackImmediately(), m.payload(), m.context(),
          m.lifetimeNanos() == Long.MAX_VALUE ? Long.MAX_VALUE : now + m.lifetimeNanos(),
          m.prPolicy(), m.prValue()));
      q.restore(m.offset(), m.fragments(), m.numbered(), m.messageId(), m.abandoned(), m.id());
      byId.put(m.id(), q);
      nextId = Math.max(nextId, m.id() + 1);
      if (m.queued()) {
        if (m.streamId() >= queue.streamCount()) {
          throw new IllegalArgumentException("message " + m.id() + " is on stream " + m.streamId()
              + " of " + queue.streamCount());
        }
        queue.restore(q);
      }
    }
    queue.restoreArrivals(nextId);
    long buffered = queue.bytes();
    int expected = s.cumulativeTsnAck() + 1;
    for (SenderSnapshot.Chunk c : s.outstanding()) {
      if (c.tsn() != expected) {
        throw new IllegalArgumentException("outstanding chunk TSN "
            + Integer.toUnsignedString(c.tsn()) + " where " + Integer.toUnsignedString(expected)
            + " was expected: the chunks must follow the cumulative TSN ack without a gap");
      }
      expected++;
      QueuedMessage q = byId.get(c.messageId());
      if (q == null) {
        throw new IllegalArgumentException("outstanding chunk TSN "
            + Integer.toUnsignedString(c.tsn()) + " names message " + c.messageId()
            + ", which the snapshot lacks");
      }
      Bytes data = q.payload().slice(c.offset(), c.length());
      UserDataChunk chunk = UserDataChunk.of(interleaving, c.flags(), c.tsn(), q.streamId(),
          c.streamMessageId(), c.ppidOrFsn(), data);
      d.outstanding.restore(chunk, q, c.offset(), c.transmissions(), c.abandoned(), c.gapAcked());
      buffered += c.length();
      if (!c.abandoned()) {
        d.pr.watch(q);
      }
    }
    if (expected != s.nextTsn()) {
      throw new IllegalArgumentException("the outstanding chunks end before TSN "
          + Integer.toUnsignedString(expected) + ", the next TSN is "
          + Integer.toUnsignedString(s.nextTsn()));
    }
    d.buffer.restore(buffered);
  }
}
