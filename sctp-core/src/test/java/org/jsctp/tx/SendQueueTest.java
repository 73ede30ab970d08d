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

  @Test
  void theMessageAfterTheHeadMayBeOnTheSameStreamOrAnother() {
    SendQueue q = queueOf(3, message(2, 1), message(2, 2), message(0, 3));
    assertThat(q.peek().context()).isEqualTo(1);
    assertThat(q.peekSecond().context()).isEqualTo(2);
    q.poll();
    assertThat(q.peekSecond().context()).isEqualTo(3);
    q.poll();
    assertThat(q.peekSecond()).isNull();
  }

  @Test
  void sequenceNumbersArePerStreamAndWrap() {
    SendQueue q = queueOf(2);
    for (int i = 0; i < 65_536; i++) {
      q.takeSsn(1);
    }
    assertThat(q.takeSsn(1)).isZero();
    assertThat(q.takeSsn(0)).isZero();
    assertThat(q.takeSsn(0)).isEqualTo(1);
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
}
