package org.jsctp.rx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsctp.util.SerialNumbers;

/**
 * Delivery in SSN order per inbound stream (RFC 9260 section 6.5): the next expected SSN of each
 * stream, and the complete messages that arrived ahead of their turn. SSNs wrap from 65535 to 0.
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

  private char[] nextSsn = new char[0];
  private final Map<Integer, Map<Integer, InboundMessage>> waiting = new HashMap<>();
  private final TreeMap<Long, InboundMessage> byLastTsn = new TreeMap<>();
  private long waitingBytes;

  void setStreamCount(int streams) {
    if (nextSsn.length < streams) {
      char[] bigger = new char[streams];
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
    return SerialNumbers.lt16(ssn, nextSsn[stream]);
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
    nextSsn[stream] = (char) SerialNumbers.next16(nextSsn[stream]);
    Map<Integer, InboundMessage> pending = waiting.get(stream);
    while (pending != null) {
      InboundMessage next = pending.remove((int) nextSsn[stream]);
      if (next == null) {
        break;
      }
      forget(next);
      sink.deliver(next);
      nextSsn[stream] = (char) SerialNumbers.next16(nextSsn[stream]);
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
    if (SerialNumbers.lt16(ssn, nextSsn[stream])) {
      return;
    }
    Map<Integer, InboundMessage> pending = waiting.get(stream);
    if (pending != null) {
      int next = nextSsn[stream];
      List<InboundMessage> due = new ArrayList<>();
      for (InboundMessage m : pending.values()) {
        if (((m.streamSequenceNumber() - next) & 0xFFFF) <= ((ssn - next) & 0xFFFF)) {
          due.add(m);
        }
      }
      due.sort(Comparator.comparingInt(m -> (m.streamSequenceNumber() - next) & 0xFFFF));
      for (InboundMessage m : due) {
        pending.remove(m.streamSequenceNumber());
        forget(m);
        sink.deliver(m);
      }
    }
    nextSsn[stream] = (char) ssn;
    advance(stream, sink);
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

  /** Bytes of complete messages waiting for an earlier SSN. */
  long waitingBytes() {
    return waitingBytes;
  }
}
