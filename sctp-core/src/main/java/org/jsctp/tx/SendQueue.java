package org.jsctp.tx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.util.SerialNumbers;

/**
 * User messages accepted but not yet fully cut into chunks: one queue per outbound stream, the
 * stream sequence numbers or message identifiers of every stream (RFC 9260 section 6.5, RFC 8260
 * section 2.1), and a {@link StreamScheduler} that picks the stream whose head message goes next.
 *
 * <p>Without interleaving (DATA), a message once started is cut to its end before the scheduler
 * is asked again: the receiver reassembles by consecutive TSNs. With interleaving (I-DATA) the
 * scheduler is asked for every chunk, so several streams can each have a message under way.
 *
 * <p>A stream may be paused for a stream reset (RFC 6525 section 5.1.2 A1): its messages not yet
 * started stay queued, hidden from the scheduler, and a message already under way goes on to its
 * end.
 */
public final class SendQueue {

  private ArrayDeque<QueuedMessage>[] streams = newQueues(0);
  private int[] nextOrdered = new int[0];
  private int[] nextUnordered = new int[0];
  private int streamCount;
  private StreamScheduler scheduler = new FirstComeFirstServed();
  /** The SCTP_STREAM_SCHEDULER_VALUE set per stream, plus one; 0 where none was set. */
  private final StreamInts values = new StreamInts();
  private final boolean interleaving;
  /** Without interleaving: the message partly cut into chunks, which goes on before any other. */
  private QueuedMessage current;
  private long arrivals;
  private long bytes;
  private int messages;
  /** Streams paused for a stream reset. */
  private final BitSet paused = new BitSet();
  private long hiddenBytes;
  private int hiddenMessages;

  /** A queue whose messages are cut into DATA chunks, without interleaving. */
  public SendQueue() {
    this(false);
  }

  /** @param interleaving whether messages are cut into I-DATA chunks that may interleave */
  SendQueue(boolean interleaving) {
    this.interleaving = interleaving;
  }

  @SuppressWarnings("unchecked")
  private static ArrayDeque<QueuedMessage>[] newQueues(int n) {
    return (ArrayDeque<QueuedMessage>[]) new ArrayDeque<?>[n];
  }

  /** Sets the number of outbound streams once negotiated. */
  void setStreamCount(int count) {
    this.streamCount = count;
    if (nextOrdered.length < count) {
      nextOrdered = Arrays.copyOf(nextOrdered, count);
      nextUnordered = Arrays.copyOf(nextUnordered, count);
      streams = Arrays.copyOf(streams, count);
    }
  }

  public int streamCount() {
    return streamCount;
  }

  boolean interleaving() {
    return interleaving;
  }

  /**
   * Hands the per-stream values and the queued messages to another scheduler
   * (SCTP_STREAM_SCHEDULER), the messages in the order they were queued; a message under way stays
   * under way. A value the new scheduler does not take (a weight of 0) leaves that stream at its
   * default there, and comes back with a scheduler that takes it.
   */
  void setScheduler(StreamScheduler next) {
    for (int stream = 0; stream < values.limit(); stream++) {
      int value = values.get(stream) - 1;
      if (value >= 0 && next.acceptsValue(value)) {
        next.setValue(stream, value);
      }
    }
    for (QueuedMessage m : inArrivalOrder(false)) {
      if (!hidden(m)) {
        next.enqueued(m.streamId());
      }
    }
    scheduler = next;
  }

  StreamScheduler scheduler() {
    return scheduler;
  }

  /**
   * Sets {@code stream}'s SCTP_STREAM_SCHEDULER_VALUE (0..65535) in the scheduler, and keeps it
   * for the schedulers that may follow.
   *
   * @throws IllegalArgumentException when the scheduler refuses the value
   */
  void setSchedulerValue(int stream, int value) {
    scheduler.setValue(stream, value);
    values.set(stream, value + 1);
  }

  /** {@code stream}'s value as the scheduler has it (0 for schedulers without values). */
  int schedulerValue(int stream) {
    return scheduler.value(stream);
  }

  void add(QueuedMessage message) {
    message.arrival = arrivals++;
    enqueue(message);
  }

  /** Puts {@code message} at the end of its stream's queue, hidden when the stream is paused. */
  private void enqueue(QueuedMessage message) {
    int stream = message.streamId();
    ArrayDeque<QueuedMessage> q = streams[stream];
    if (q == null) {
      q = new ArrayDeque<>(4);
      streams[stream] = q;
    }
    q.addLast(message);
    bytes += message.remaining();
    messages++;
    if (hidden(message)) {
      hide(message);
    } else {
      scheduler.enqueued(stream);
    }
  }

  /** The message whose next chunk goes now, or null. */
  public QueuedMessage peek() {
    if (current != null) {
      return current;
    }
    int stream = scheduler.next();
    return stream < 0 ? null : streams[stream].peekFirst();
  }

  /** A new packet is being filled. */
  void packetStarted() {
    scheduler.packetStarted();
  }

  /**
   * Records that the next {@code length} bytes of {@code message}, the head of its stream, were
   * cut into a chunk; a message cut to its end leaves the queue.
   */
  void consumed(QueuedMessage message, int length) {
    message.advance(length);
    bytes -= length;
    int stream = message.streamId();
    scheduler.sent(stream, length);
    if (message.remaining() > 0) {
      if (!interleaving) {
        current = message;
      }
      return;
    }
    current = null;
    streams[stream].pollFirst();
    scheduler.dequeued(stream);
    messages--;
  }

  /** Removes the message {@link #peek()} gives, unstarted (its lifetime ended before sending). */
  QueuedMessage poll() {
    QueuedMessage m = peek();
    if (m != null) {
      remove(m);
    }
    return m;
  }

  /**
   * Takes out a message before its turn, or one partly sent and then abandoned (PR-SCTP); returns
   * false when it is not queued.
   */
  boolean remove(QueuedMessage message) {
    int stream = message.streamId();
    ArrayDeque<QueuedMessage> q = stream < streams.length ? streams[stream] : null;
    if (q == null) {
      return false;
    }
    int index = 0;
    for (QueuedMessage m : q) {
      if (m == message) {
        q.removeFirstOccurrence(m);
        if (hidden(m)) {
          unhide(m);
        } else {
          scheduler.removed(stream, index);
        }
        if (current == message) {
          current = null;
        }
        bytes -= message.remaining();
        messages--;
        return true;
      }
      index++;
    }
    return false;
  }

  /** The queued messages not yet started, in the order they were queued. */
  List<QueuedMessage> unstarted() {
    return inArrivalOrder(true);
  }

  private List<QueuedMessage> inArrivalOrder(boolean unstartedOnly) {
    List<QueuedMessage> list = new ArrayList<>();
    for (int stream = 0; stream < streamCount; stream++) {
      ArrayDeque<QueuedMessage> q = streams[stream];
      if (q != null) {
        for (QueuedMessage m : q) {
          if (!unstartedOnly || !m.started()) {
            list.add(m);
          }
        }
      }
    }
    list.sort(Comparator.comparingLong(m -> m.arrival));
    return list;
  }

  /**
   * Assigns the message identifier of a message's first fragment: the next SSN of its stream for
   * ordered DATA (wrapping 65535 to 0; unordered DATA carry 0), the next MID of its stream and
   * kind for I-DATA (RFC 8260 section 2.1: ordered and unordered counted apart, 32 bits).
   */
  int takeMessageId(int streamId, boolean unordered) {
    if (!interleaving) {
      if (unordered) {
        return 0;
      }
      int ssn = nextOrdered[streamId];
      nextOrdered[streamId] = SerialNumbers.next16(ssn);
      return ssn;
    }
    int[] counters = unordered ? nextUnordered : nextOrdered;
    return counters[streamId]++;
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
   * Removes and returns the messages not yet started, in the order they were queued; messages
   * partly cut into chunks stay.
   */
  List<OutgoingMessage> takeUnstarted() {
    List<QueuedMessage> unstarted = unstarted();
    List<OutgoingMessage> taken = new ArrayList<>(unstarted.size());
    for (QueuedMessage m : unstarted) {
      remove(m);
      taken.add(m.message);
    }
    return taken;
  }

  /** Removes every message in the order they were queued, for SEND_FAILED reports. */
  List<QueuedMessage> drain() {
    List<QueuedMessage> all = inArrivalOrder(false);
    for (int stream = 0; stream < streamCount; stream++) {
      if (streams[stream] != null) {
        streams[stream].clear();
      }
    }
    scheduler.clear();
    current = null;
    bytes = 0;
    messages = 0;
    hiddenBytes = 0;
    hiddenMessages = 0;
    return all;
  }

  // ---- replication (docs/ha.md) ------------------------------------------------------------

  /** The SSN (DATA) or MID (I-DATA) the next ordered message of {@code stream} gets. */
  int nextOrdered(int stream) {
    return nextOrdered[stream];
  }

  /** The MID the next unordered message of {@code stream} gets (I-DATA). */
  int nextUnordered(int stream) {
    return nextUnordered[stream];
  }

  /** The SCTP_STREAM_SCHEDULER_VALUE set for {@code stream}, or -1 when none was. */
  int storedSchedulerValue(int stream) {
    return values.get(stream) - 1;
  }

  /** Every queued message, in the order they were queued. */
  List<QueuedMessage> all() {
    return inArrivalOrder(false);
  }

  /** Puts back a replicated stream's next SSN or MIDs (a standby taking over). */
  void restoreMessageIds(int stream, int ordered, int unordered) {
    nextOrdered[stream] = ordered;
    nextUnordered[stream] = unordered;
  }

  /**
   * Queues a replicated message with its progress and its place in the order of arrival (a
   * standby taking over): one partly cut is under way again. Messages go in in arrival order.
   */
  void restore(QueuedMessage message) {
    arrivals = Math.max(arrivals, message.arrival + 1);
    if (message.started() && !interleaving) {
      current = message;
    }
    enqueue(message);
  }

  /** Messages queued from now on are numbered from {@code next} on. */
  void restoreArrivals(long next) {
    arrivals = Math.max(arrivals, next);
  }

  // ---- pausing for a stream reset (RFC 6525 section 5.1.2) ----------------------------------

  /**
   * Pauses {@code stream}: no message of it starts until {@link #resume}; one already started
   * goes on to its end.
   */
  void pause(int stream) {
    if (paused.get(stream)) {
      return;
    }
    paused.set(stream);
    ArrayDeque<QueuedMessage> q = stream < streams.length ? streams[stream] : null;
    if (q == null) {
      return;
    }
    int keep = !q.isEmpty() && q.peekFirst().started() ? 1 : 0;
    int index = 0;
    for (QueuedMessage m : q) {
      if (index++ >= keep) {
        scheduler.removed(stream, keep);
        hide(m);
      }
    }
  }

  /** Lets the messages of a paused {@code stream} go again, in their order. */
  void resume(int stream) {
    if (!paused.get(stream)) {
      return;
    }
    paused.clear(stream);
    ArrayDeque<QueuedMessage> q = stream < streams.length ? streams[stream] : null;
    if (q == null) {
      return;
    }
    for (QueuedMessage m : q) {
      if (!m.started()) {
        unhide(m);
        scheduler.enqueued(stream);
      }
    }
  }

  boolean isPaused(int stream) {
    return paused.get(stream);
  }

  /** Whether {@code stream} has a message partly cut into chunks. */
  boolean hasStartedMessage(int stream) {
    ArrayDeque<QueuedMessage> q = stream < streams.length ? streams[stream] : null;
    return q != null && !q.isEmpty() && q.peekFirst().started();
  }

  /** The stream's next SSN (DATA) or MIDs (I-DATA, both kinds) start again at 0 (RFC 6525). */
  void resetMessageIds(int stream) {
    nextOrdered[stream] = 0;
    nextUnordered[stream] = 0;
  }

  private boolean hidden(QueuedMessage m) {
    return paused.get(m.streamId()) && !m.started();
  }

  private void hide(QueuedMessage m) {
    hiddenBytes += m.remaining();
    hiddenMessages++;
  }

  private void unhide(QueuedMessage m) {
    hiddenBytes -= m.remaining();
    hiddenMessages--;
  }

  /** Whether a message may be cut into a chunk now: one is queued on a stream not paused. */
  public boolean hasSendable() {
    return messages > hiddenMessages;
  }

  /** Bytes not yet cut into chunks, of streams not paused. */
  long sendableBytes() {
    return bytes - hiddenBytes;
  }
}
