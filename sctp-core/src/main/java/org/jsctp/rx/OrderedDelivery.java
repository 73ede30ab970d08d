package org.jsctp.rx;

import java.util.HashMap;
import java.util.Map;
import org.jsctp.util.SerialNumbers;

/**
 * Delivery in SSN order per inbound stream (RFC 9260 section 6.5): the next expected SSN of each
 * stream, and the complete messages that arrived ahead of their turn. SSNs wrap from 65535 to 0.
 */
final class OrderedDelivery {

  /** Receives messages in delivery order. */
  interface Sink {
    void deliver(InboundMessage message);
  }

  private char[] nextSsn = new char[0];
  private final Map<Integer, Map<Integer, InboundMessage>> waiting = new HashMap<>();
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
   * otherwise keeps it until its turn.
   */
  void offer(InboundMessage m, Sink sink) {
    int stream = m.streamId();
    if (nextSsn[stream] != m.streamSequenceNumber()) {
      waiting.computeIfAbsent(stream, s -> new HashMap<>()).put(m.streamSequenceNumber(), m);
      waitingBytes += m.data().length();
      return;
    }
    sink.deliver(m);
    advance(stream, sink);
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
      waitingBytes -= next.data().length();
      sink.deliver(next);
      nextSsn[stream] = (char) SerialNumbers.next16(nextSsn[stream]);
    }
    if (pending != null && pending.isEmpty()) {
      waiting.remove(stream);
    }
  }

  /** Bytes of complete messages waiting for an earlier SSN. */
  long waitingBytes() {
    return waitingBytes;
  }
}
