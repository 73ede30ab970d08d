package org.jsctp.rx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsctp.util.SerialNumbers;

/**
 * Delivery in SSN order per inbound stream (RFC 9260 section 6.5), or in MID order with I-DATA
 * (RFC 8260 section 2.1): the next expected SSN or MID of each stream, and the complete messages
 * that arrived ahead of their turn. SSNs wrap from 65535 to 0, MIDs from 2^32 - 1 to 0.
 * Waiting messages are also indexed by their highest TSN, so that the receiver can give up the
 * highest one when it needs room for a lower TSN (section 6.2).
 */
final class OrderedDelivery {

  /** Receives messages in delivery order. */
  interface Sink {
    void deliver(InboundMessage message);

    /** The stream's next expected SSN moved on to {@code nextSsn}. */
    void streamAdvanced(int streamId, int nextSsn);
  }

  private int[] nextSsn = new int[0];
  private final boolean wide;
  private final Map<Integer, Map<Integer, InboundMessage>> waiting = new HashMap<>();
  private final TreeMap<Long, InboundMessage> byLastTsn = new TreeMap<>();
  private long waitingBytes;

  /** @param wide whether messages are ordered by 32-bit MIDs (I-DATA) instead of 16-bit SSNs */
  OrderedDelivery(boolean wide) {
    this.wide = wide;
  }

  void setStreamCount(int streams) {
    if (nextSsn.length < streams) {
      int[] bigger = new int[streams];
      System.arraycopy(nextSsn, 0, bigger, 0, nextSsn.length);
      nextSsn = bigger;
    }
  }

  int nextSsn(int stream) {
    return nextSsn[stream];
  }

  /** Whether a message with this SSN is the next one due on its stream. */
  boolean isNext(int stream, int ssn) {
    return nextSsn[stream] == ssn;
  }

  /** Whether the SSN is behind the stream's next expected one (an old, stale message). */
  boolean isStale(int stream, int ssn) {
    return wide ? SerialNumbers.lt32(ssn, nextSsn[stream]) : SerialNumbers.lt16(ssn, nextSsn[stream]);
  }

  private int after(int ssn) {
    return wide ? ssn + 1 : SerialNumbers.next16(ssn);
  }

  /** How far {@code ssn} is ahead of {@code from}, modulo the sequence space. */
  private long distance(int from, int ssn) {
    return wide ? (ssn - from) & 0xFFFF_FFFFL : (ssn - from) & 0xFFFF;
  }

  /**
   * Takes a complete ordered message: delivers it and every waiting successor when it is next,
   * otherwise keeps it until its turn. Returns false, keeping nothing, when another message with
   * the same SSN already waits on the stream (a peer breaking section 6.5).
   */
  boolean offer(InboundMessage m, Sink sink) {
    int stream = m.streamId();
    if (nextSsn[stream] != m.streamSequenceNumber()) {
      Map<Integer, InboundMessage> pending = waiting.computeIfAbsent(stream, s -> new HashMap<>());
      if (pending.putIfAbsent(m.streamSequenceNumber(), m) != null) {
        return false;
      }
      byLastTsn.put(m.tsnTo(), m);
      waitingBytes += m.data().length();
      return true;
    }
    sink.deliver(m);
    advance(stream, sink);
    return true;
  }

  /** Marks the stream's current SSN as delivered (after a partial delivery ended) and drains. */
  void advance(int stream, Sink sink) {
    nextSsn[stream] = after(nextSsn[stream]);
    Map<Integer, InboundMessage> pending = waiting.get(stream);
    while (pending != null) {
      InboundMessage next = pending.remove(nextSsn[stream]);
      if (next == null) {
        break;
      }
      forget(next);
      sink.deliver(next);
      nextSsn[stream] = after(nextSsn[stream]);
    }
    if (pending != null && pending.isEmpty()) {
      waiting.remove(stream);
    }
    sink.streamAdvanced(stream, nextSsn[stream]);
  }

  /**
   * The peer abandoned every message of {@code stream} up to {@code ssn} (FORWARD-TSN, RFC 3758
   * section 3.6): those that wait complete are delivered in order, and the stream then expects
   * {@code ssn + 1} (and delivers what waits from there). An SSN already behind changes nothing.
   * Costs the number of waiting messages of the stream, whatever {@code ssn} is.
   */
  void skipThrough(int stream, int ssn, Sink sink) {
    if (isStale(stream, ssn)) {
      return;
    }
    Map<Integer, InboundMessage> pending = waiting.get(stream);
    if (pending != null) {
      int next = nextSsn[stream];
      List<InboundMessage> due = new ArrayList<>();
      for (InboundMessage m : pending.values()) {
        if (distance(next, m.streamSequenceNumber()) <= distance(next, ssn)) {
          due.add(m);
        }
      }
      due.sort(Comparator.comparingLong(m -> distance(next, m.streamSequenceNumber())));
      for (InboundMessage m : due) {
        pending.remove(m.streamSequenceNumber());
        forget(m);
        sink.deliver(m);
      }
    }
    nextSsn[stream] = ssn;
    advance(stream, sink);
  }

  /**
   * The peer reset {@code stream} (RFC 6525 section 5.2.2 E3): its next expected SSN or MID is 0.
   * Nothing of it should wait by then (every TSN before the reset arrived); what does is dropped,
   * its bytes returned, as the peer will not send it again.
   */
  void reset(int stream, Sink sink) {
    Map<Integer, InboundMessage> pending = waiting.remove(stream);
    if (pending != null) {
      for (InboundMessage m : pending.values()) {
        forget(m);
      }
    }
    nextSsn[stream] = 0;
    sink.streamAdvanced(stream, 0);
  }

  /** The waiting message holding the highest TSN, or null. */
  InboundMessage highestWaiting() {
    var last = byLastTsn.lastEntry();
    return last == null ? null : last.getValue();
  }

  /** Gives up a waiting message (its TSNs are reneged by the caller). */
  void evict(InboundMessage m) {
    Map<Integer, InboundMessage> pending = waiting.get(m.streamId());
    if (pending != null && pending.remove(m.streamSequenceNumber(), m)) {
      forget(m);
      if (pending.isEmpty()) {
        waiting.remove(m.streamId());
      }
    }
  }

  private void forget(InboundMessage m) {
    byLastTsn.remove(m.tsnTo());
    waitingBytes -= m.data().length();
  }

  /** The complete messages waiting for an earlier SSN, in TSN order (docs/ha.md). */
  List<InboundMessage> waitingMessages() {
    return new ArrayList<>(byLastTsn.values());
  }

  /** The waiting message one of whose fragments had unwrapped TSN {@code tsn}, or null. */
  InboundMessage waitingWith(long tsn) {
    for (InboundMessage m : byLastTsn.tailMap(tsn, true).values()) {
      if (m.tsnFrom() > tsn) {
        continue;
      }
      if (m.scatteredTsns() == null) {
        return m;
      }
      for (long t : m.scatteredTsns()) {
        if (t == tsn) {
          return m;
        }
      }
    }
    return null;
  }

  /** Puts back a replicated stream's next expected SSN or MID (a standby taking over). */
  void restoreNext(int stream, int ssn) {
    nextSsn[stream] = ssn;
  }

  /** Bytes of complete messages waiting for an earlier SSN. */
  long waitingBytes() {
    return waitingBytes;
  }
}
