package org.jsctp.ha;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A standby's copy of the active's sending half, folded from deltas: the messages not yet
 * acknowledged with their progress, the outstanding chunks in TSN order, every stream's counters.
 * Chunks carry no data of their own; it is the slice of their message.
 */
final class SenderModel {

  /** A message and how far it was cut. */
  private static final class MessageState {
    SenderSnapshot.Message message;
    int chunks;

    MessageState(SenderSnapshot.Message message) {
      this.message = message;
    }

    boolean finished() {
      return message.abandoned() || message.offset() == message.payload().length();
    }
  }

  private final boolean interleaving;
  private int nextTsn;
  private int cumulativeTsnAck;
  private long peerRwnd;
  private final List<SenderSnapshot.Stream> streams;
  private final TreeMap<Long, MessageState> messages = new TreeMap<>();
  private final ArrayDeque<SenderSnapshot.Chunk> outstanding = new ArrayDeque<>();

  SenderModel(SenderSnapshot s, boolean interleaving) {
    this.interleaving = interleaving;
    this.nextTsn = s.nextTsn();
    this.cumulativeTsnAck = s.cumulativeTsnAck();
    this.peerRwnd = s.peerRwnd();
    this.streams = new ArrayList<>(s.streams());
    for (SenderSnapshot.Message m : s.messages()) {
      messages.put(m.id(), new MessageState(m));
    }
    for (SenderSnapshot.Chunk c : s.outstanding()) {
      outstanding.addLast(c);
      MessageState m = messages.get(c.messageId());
      if (m != null) {
        m.chunks++;
      }
    }
  }

  void queued(SenderSnapshot.Message m) {
    messages.put(m.id(), new MessageState(m));
  }

  void cut(SenderSnapshot.Chunk c) {
    if (c.tsn() != nextTsn) {
      throw new IllegalStateException("chunk TSN " + Integer.toUnsignedString(c.tsn())
          + " replicated where TSN " + Integer.toUnsignedString(nextTsn) + " was next");
    }
    MessageState state = messages.get(c.messageId());
    if (state == null) {
      throw new IllegalStateException("chunk TSN " + Integer.toUnsignedString(c.tsn())
          + " of message " + c.messageId() + ", which was never replicated");
    }
    outstanding.addLast(c);
    nextTsn++;
    state.chunks++;
    if (c.abandoned()) {
      return;
    }
    SenderSnapshot.Message m = state.message;
    boolean numbered = m.numbered() || c.beginning();
    int messageId = c.beginning() ? c.streamMessageId() : m.messageId();
    state.message = new SenderSnapshot.Message(m.id(), m.streamId(), m.payloadProtocolId(),
        m.unordered(), m.sackImmediately(), m.context(), m.lifetimeNanos(), m.prPolicy(),
        m.prValue(), m.payload(), c.offset() + c.length(), m.fragments() + 1, numbered, messageId,
        m.abandoned());
    if (c.beginning() && m.streamId() < streams.size()) {
      SenderSnapshot.Stream s = streams.get(m.streamId());
      int next = c.streamMessageId() + 1;
      if (!interleaving) {
        if (!m.unordered()) {
          s = new SenderSnapshot.Stream(next & 0xFFFF, s.nextUnordered(), s.paused(),
              s.schedulerValue(), s.abandonedSent(), s.abandonedUnsent());
        }
      } else if (m.unordered()) {
        s = new SenderSnapshot.Stream(s.nextOrdered(), next, s.paused(), s.schedulerValue(),
            s.abandonedSent(), s.abandonedUnsent());
      } else {
        s = new SenderSnapshot.Stream(next, s.nextUnordered(), s.paused(), s.schedulerValue(),
            s.abandonedSent(), s.abandonedUnsent());
      }
      streams.set(m.streamId(), s);
    }
  }

  void abandoned(long id, boolean sent) {
    MessageState state = messages.get(id);
    if (state == null) {
      return;
    }
    SenderSnapshot.Message m = state.message;
    state.message = new SenderSnapshot.Message(m.id(), m.streamId(), m.payloadProtocolId(),
        m.unordered(), m.sackImmediately(), m.context(), m.lifetimeNanos(), m.prPolicy(),
        m.prValue(), m.payload(), m.offset(), m.fragments(), m.numbered(), m.messageId(), true);
    List<SenderSnapshot.Chunk> list = new ArrayList<>(outstanding);
    outstanding.clear();
    for (SenderSnapshot.Chunk c : list) {
      outstanding.addLast(c.messageId() == id && !c.abandoned()
          ? new SenderSnapshot.Chunk(c.tsn(), c.messageId(), c.offset(), c.length(), c.flags(),
              c.streamMessageId(), c.ppidOrFsn(), c.transmissions(), true, c.gapAcked())
          : c);
    }
    if (m.streamId() < streams.size()) {
      SenderSnapshot.Stream s = streams.get(m.streamId());
      streams.set(m.streamId(), new SenderSnapshot.Stream(s.nextOrdered(), s.nextUnordered(),
          s.paused(), s.schedulerValue(), s.abandonedSent() + (sent ? 1 : 0),
          s.abandonedUnsent() + (sent ? 0 : 1)));
    }
    if (state.chunks == 0) {
      messages.remove(id);
    }
  }

  void acknowledged(int cumulativeTsnAck, long peerRwnd) {
    this.peerRwnd = peerRwnd;
    if (((cumulativeTsnAck - this.cumulativeTsnAck) & 0xFFFF_FFFFL) >= 1L << 31) {
      return;
    }
    this.cumulativeTsnAck = cumulativeTsnAck;
    while (!outstanding.isEmpty()
        && ((cumulativeTsnAck - outstanding.peekFirst().tsn()) & 0xFFFF_FFFFL) < 1L << 31) {
      SenderSnapshot.Chunk c = outstanding.pollFirst();
      MessageState state = messages.get(c.messageId());
      if (state != null && --state.chunks == 0 && state.finished()) {
        messages.remove(c.messageId());
      }
    }
  }

  void streams(int nextTsn, List<SenderSnapshot.Stream> replaced) {
    this.nextTsn = nextTsn;
    streams.clear();
    streams.addAll(replaced);
  }

  /** The chunks from the cumulative TSN ack on, for a snapshot. */
  SenderSnapshot snapshot() {
    List<SenderSnapshot.Message> list = new ArrayList<>(messages.size());
    for (MessageState m : messages.values()) {
      list.add(m.message);
    }
    return new SenderSnapshot(nextTsn, cumulativeTsnAck, peerRwnd, streams, list,
        new ArrayList<>(outstanding));
  }

  int outstandingCount() {
    return outstanding.size();
  }

  int messageCount() {
    return messages.size();
  }
}
