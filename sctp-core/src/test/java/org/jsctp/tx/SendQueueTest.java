package org.jsctp.tx;

import org.jsctp.api.OutgoingMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.wire.Bytes;
import org.junit.jupiter.api.Test;

/** One queue per stream under a first-come-first-served scheduler (RFC 8260 section 3.1). */
class SendQueueTest {

  private static QueuedMessage message(int stream, int context) {
    return new QueuedMessage(new OutgoingMessage(stream, 0, false, false,
        Bytes.wrap(new byte[10 + context]), context, Long.MAX_VALUE));
  }

  private static SendQueue queueOf(int streams, QueuedMessage... messages) {
    SendQueue q = new SendQueue();
    q.setStreamCount(streams);
    for (QueuedMessage m : messages) {
      q.add(m);
    }
    return q;
  }

  @Test
  void messagesLeaveInTheOrderTheyCameWhateverTheirStream() {
    SendQueue q = queueOf(3, message(2, 1), message(0, 2), message(2, 3), message(1, 4));
    List<Long> order = new ArrayList<>();
    while (!q.isEmpty()) {
      order.add(q.poll().context());
    }
    assertThat(order).containsExactly(1L, 2L, 3L, 4L);
    assertThat(q.bytes()).isZero();
  }

  /** A scheduler that always picks the highest stream with messages. */
  private static final class HighestStreamFirst implements StreamScheduler {
    private final int[] queued = new int[8];

    @Override
    public void enqueued(int stream) {
      queued[stream]++;
    }

    @Override
    public void dequeued(int stream) {
      queued[stream]--;
    }

    @Override
    public void removed(int stream, int index) {
      queued[stream]--;
    }

    @Override
    public int next() {
      for (int s = queued.length - 1; s >= 0; s--) {
        if (queued[s] > 0) {
          return s;
        }
      }
      return -1;
    }

    @Override
    public void clear() {
      java.util.Arrays.fill(queued, 0);
    }
  }

  @Test
  void withoutInterleavingAStartedMessageIsCutToItsEndBeforeTheSchedulerIsAskedAgain() {
    SendQueue q = new SendQueue(false);
    q.setStreamCount(4);
    q.setScheduler(new HighestStreamFirst());
    q.add(message(1, 1));
    q.consumed(q.peek(), 4);
    q.add(message(3, 2));

    assertThat(q.peek().context()).isEqualTo(1);
    q.consumed(q.peek(), 7);
    assertThat(q.peek().context()).isEqualTo(2);
  }

  @Test
  void withInterleavingTheSchedulerPicksTheStreamOfEveryChunk_rfc8260_3() {
    SendQueue q = new SendQueue(true);
    q.setStreamCount(4);
    q.setScheduler(new HighestStreamFirst());
    q.add(message(1, 1));
    q.consumed(q.peek(), 4);
    q.add(message(3, 2));

    assertThat(q.peek().context()).isEqualTo(2);
    q.consumed(q.peek(), 12);
    assertThat(q.peek().context()).isEqualTo(1);
    assertThat(q.peek().offset()).isEqualTo(4);
  }

  @Test
  void iDataCountsOrderedAndUnorderedMessageIdsApartIn32Bits_rfc8260_2_1() {
    SendQueue q = new SendQueue(true);
    q.setStreamCount(2);
    for (int i = 0; i < 70_000; i++) {
      q.takeMessageId(1, false);
    }
    assertThat(q.takeMessageId(1, false)).isEqualTo(70_000);
    assertThat(q.takeMessageId(1, true)).isZero();
    assertThat(q.takeMessageId(1, true)).isEqualTo(1);
    assertThat(q.takeMessageId(0, false)).isZero();
  }

  @Test
  void takingBackTheUnstartedMessagesLeavesOnlyAHeadThatIsPartlySent() {
    SendQueue q = queueOf(2, message(1, 1), message(0, 2), message(1, 3));
    q.consumed(q.peek(), 5);

    assertThat(q.takeUnstarted()).extracting(OutgoingMessage::context).containsExactly(2L, 3L);
    assertThat(q.size()).isEqualTo(1);
    assertThat(q.peek().context()).isEqualTo(1);
    assertThat(q.bytes()).isEqualTo(11 - 5);
  }

  @Test
  void drainingHandsBackEveryMessageInSendingOrder() {
    SendQueue q = queueOf(2, message(1, 1), message(0, 2), message(1, 3));
    assertThat(q.drain()).extracting(QueuedMessage::context).containsExactly(1L, 2L, 3L);
    assertThat(q.isEmpty()).isTrue();
    q.add(message(0, 4));
    assertThat(q.peek().context()).isEqualTo(4);
  }

  // ---- pausing for a stream reset (RFC 6525 section 5.1.2 A1) --------------------------------

  @Test
  void aPausedStreamsMessagesWaitAndGoAgainInTheirOrderOnResume_rfc6525_5_1_2() {
    for (org.jsctp.api.StreamSchedulerKind kind : org.jsctp.api.StreamSchedulerKind.values()) {
      SendQueue q = queueOf(3, message(1, 1), message(2, 2), message(1, 3), message(2, 4));
      q.setScheduler(StreamSchedulers.create(kind));
      q.pause(1);
      q.add(message(1, 5));

      assertThat(q.hasSendable()).isTrue();
      assertThat(q.sendableBytes()).as(kind.name()).isEqualTo(12 + 14);
      List<Long> order = new ArrayList<>();
      while (q.hasSendable()) {
        order.add(q.poll().context());
      }
      assertThat(order).as(kind.name()).containsExactly(2L, 4L);
      assertThat(q.isEmpty()).as("the paused messages are still queued").isFalse();

      q.resume(1);
      while (q.hasSendable()) {
        order.add(q.poll().context());
      }
      assertThat(order).as(kind.name()).containsExactly(2L, 4L, 1L, 3L, 5L);
      assertThat(q.isEmpty()).isTrue();
      assertThat(q.sendableBytes()).isZero();
    }
  }

  @Test
  void aMessageAlreadyStartedGoesToItsEndWhileItsStreamIsPaused_rfc6525_5_1_2() {
    SendQueue q = new SendQueue(true);
    q.setStreamCount(2);
    q.add(message(1, 1));
    q.add(message(1, 2));
    q.consumed(q.peek(), 4);

    q.pause(1);

    assertThat(q.hasStartedMessage(1)).isTrue();
    assertThat(q.peek().context()).isEqualTo(1);
    q.consumed(q.peek(), 7);
    assertThat(q.hasStartedMessage(1)).isFalse();
    assertThat(q.hasSendable()).isFalse();
    assertThat(q.remove(q.unstarted().get(0))).as("a hidden message can be abandoned").isTrue();
    assertThat(q.isEmpty()).isTrue();
  }

  @Test
  void aResetStreamNumbersFromZeroAgain_rfc6525_5_1_2() {
    SendQueue q = new SendQueue(true);
    q.setStreamCount(2);
    q.takeMessageId(1, false);
    q.takeMessageId(1, true);

    q.resetMessageIds(1);

    assertThat(q.takeMessageId(1, false)).isZero();
    assertThat(q.takeMessageId(1, true)).isZero();
  }
}
