package org.jsctp.tx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.util.SerialNumbers;

/**
 * User messages accepted but not yet fully cut into DATA chunks: one queue per outbound stream,
 * the next SSN of every stream (RFC 9260 section 6.5), and a {@link StreamScheduler} that picks
 * the stream whose head message goes next (first come first served).
 */
public final class SendQueue {

  private ArrayDeque<QueuedMessage>[] streams = newQueues(0);
  private char[] nextSsn = new char[0];
  private int streamCount;
  private final StreamScheduler scheduler = new FirstComeFirstServed();
  private long bytes;
  private int messages;

  @SuppressWarnings("unchecked")
  private static ArrayDeque<QueuedMessage>[] newQueues(int n) {
    return (ArrayDeque<QueuedMessage>[]) new ArrayDeque<?>[n];
  }

  /** Sets the number of outbound streams once negotiated. */
  void setStreamCount(int count) {
    this.streamCount = count;
    if (nextSsn.length < count) {
      nextSsn = Arrays.copyOf(nextSsn, count);
      streams = Arrays.copyOf(streams, count);
    }
  }

  public int streamCount() {
    return streamCount;
  }

  void add(QueuedMessage message) {
    int stream = message.streamId();
    ArrayDeque<QueuedMessage> q = streams[stream];
    if (q == null) {
      q = new ArrayDeque<>(4);
      streams[stream] = q;
    }
    q.addLast(message);
    scheduler.enqueued(stream);
    bytes += message.remaining();
    messages++;
  }

  /** The message whose chunks go next, or null. */
  public QueuedMessage peek() {
    int stream = scheduler.next();
    return stream < 0 ? null : streams[stream].peekFirst();
  }

  /** The message that would go after {@link #peek()} is done, or null. */
  QueuedMessage peekSecond() {
    int stream = scheduler.afterNext();
    if (stream < 0) {
      return null;
    }
    ArrayDeque<QueuedMessage> q = streams[stream];
    if (stream != scheduler.next()) {
      return q.peekFirst();
    }
    var it = q.iterator();
    it.next();
    return it.hasNext() ? it.next() : null;
  }

  /** Removes the head message (fully cut, or abandoned). */
  QueuedMessage poll() {
    int stream = scheduler.next();
    if (stream < 0) {
      return null;
    }
    QueuedMessage m = streams[stream].pollFirst();
    scheduler.dequeued(stream);
    bytes -= m.remaining();
    messages--;
    return m;
  }

  /**
   * Takes out a message before its turn, or the head when it was partly sent and then abandoned
   * (PR-SCTP); returns false when it is not queued.
   */
  boolean remove(QueuedMessage message) {
    ArrayDeque<QueuedMessage> q = message.streamId() < streams.length ? streams[message.streamId()] : null;
    if (q == null) {
      return false;
    }
    int index = 0;
    for (QueuedMessage m : q) {
      if (m == message) {
        q.removeFirstOccurrence(m);
        scheduler.removed(message.streamId(), index);
        bytes -= message.remaining();
        messages--;
        return true;
      }
      index++;
    }
    return false;
  }

  /** The queued messages not yet started, oldest first per stream, stream by stream. */
  List<QueuedMessage> unstarted() {
    List<QueuedMessage> list = new ArrayList<>();
    for (int stream = 0; stream < streamCount; stream++) {
      ArrayDeque<QueuedMessage> q = streams[stream];
      if (q != null) {
        for (QueuedMessage m : q) {
          if (!m.started()) {
            list.add(m);
          }
        }
      }
    }
    return list;
  }

  /** Records that {@code length} bytes of the head message were cut into a chunk. */
  void consumed(QueuedMessage message, int length) {
    message.advance(length);
    bytes -= length;
  }

  /** Assigns the next SSN of the message's stream, wrapping 65535 to 0. */
  int takeSsn(int streamId) {
    int ssn = nextSsn[streamId];
    nextSsn[streamId] = (char) SerialNumbers.next16(ssn);
    return ssn;
  }

  /** Bytes not yet cut into chunks. */
  public long bytes() {
    return bytes;
  }

  public int size() {
    return messages;
  }

  public boolean isEmpty() {
    return messages == 0;
  }

  /**
   * Removes and returns the messages not yet started, in the order they would have been sent;
   * a message partly cut into chunks stays.
   */
  List<OutgoingMessage> takeUnstarted() {
    // Only the head message can have started (fragments of one message go out before others).
    QueuedMessage head = peek();
    QueuedMessage started = head != null && head.started() ? poll() : null;
    List<OutgoingMessage> taken = new ArrayList<>(messages);
    for (QueuedMessage m : drain()) {
      taken.add(m.message);
    }
    if (started != null) {
      add(started);
    }
    return taken;
  }

  /** Removes every message in the order it would have been sent, for SEND_FAILED reports. */
  List<QueuedMessage> drain() {
    List<QueuedMessage> all = new ArrayList<>(messages);
    QueuedMessage m;
    while ((m = poll()) != null) {
      all.add(m);
    }
    scheduler.clear();
    bytes = 0;
    return all;
  }
}
