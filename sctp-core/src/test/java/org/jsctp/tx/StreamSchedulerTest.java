package org.jsctp.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.StreamSchedulerKind;
import org.jsctp.wire.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stream schedulers of RFC 8260 section 3 driven through the {@link SendQueue}, as the data
 * sender drives them: a packet starts, chunks of at most {@link #CHUNK} bytes are cut from the
 * message the queue names, and so on until the queue is empty. A served order is written as the
 * stream of each chunk, packets separated by '|'.
 */
class StreamSchedulerTest {

  static final int CHUNK = 100;
  static final int STREAMS = 8;

  private long contexts;

  private QueuedMessage message(int stream, int bytes) {
    return new QueuedMessage(new OutgoingMessage(stream, 0, false, false,
        Bytes.wrap(new byte[bytes]), contexts++, Long.MAX_VALUE));
  }

  private static SendQueue queue(StreamSchedulerKind kind, boolean interleaving) {
    SendQueue q = new SendQueue(interleaving);
    q.setStreamCount(STREAMS);
    q.setScheduler(StreamSchedulers.create(kind));
    return q;
  }

  /** Queues messages written "stream:chunks", in that order; returns them. */
  private List<QueuedMessage> add(SendQueue q, String messages) {
    List<QueuedMessage> added = new ArrayList<>();
    for (String m : messages.trim().split("\\s+")) {
      String[] parts = m.split(":");
      QueuedMessage qm = message(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]) * CHUNK);
      q.add(qm);
      added.add(qm);
    }
    return added;
  }

  /** Serves {@code chunks} chunks at most, {@code perPacket} per packet; the order served. */
  private static String serve(SendQueue q, int perPacket, int chunks) {
    StringBuilder order = new StringBuilder();
    int inPacket = perPacket;
    for (int i = 0; i < chunks && !q.isEmpty(); i++) {
      if (inPacket == perPacket) {
        if (order.length() > 0) {
          order.append('|');
        }
        q.packetStarted();
        inPacket = 0;
      }
      QueuedMessage m = q.peek();
      order.append(m.streamId());
      q.consumed(m, Math.min(CHUNK, m.remaining()));
      inPacket++;
    }
    return order.toString();
  }

  private static String serveAll(SendQueue q, int perPacket) {
    String order = serve(q, perPacket, Integer.MAX_VALUE);
    assertThat(q.isEmpty()).isTrue();
    assertThat(q.peek()).isNull();
    assertThat(q.bytes()).isZero();
    return order;
  }

  /** The contexts of the messages in the order their last chunk was cut. */
  private static List<Long> completions(SendQueue q) {
    List<Long> done = new ArrayList<>();
    while (!q.isEmpty()) {
      q.packetStarted();
      QueuedMessage m = q.peek();
      q.consumed(m, Math.min(CHUNK, m.remaining()));
      if (m.remaining() == 0) {
        done.add(m.context());
      }
    }
    return done;
  }

  // ---- the served order of every scheduler, with DATA and with I-DATA ---------------------

  @ParameterizedTest(name = "{0}, interleaving {1}: {2}")
  @CsvSource({
      "FIRST_COME_FIRST_SERVED, false, 22|00|01",
      "FIRST_COME_FIRST_SERVED, true,  22|00|01",
      "ROUND_ROBIN,             false, 00|01|22",
      "ROUND_ROBIN,             true,  01|20|20",
      "ROUND_ROBIN_PER_PACKET,  false, 00|01|22",
      "ROUND_ROBIN_PER_PACKET,  true,  00|12|02",
      "PRIORITY,                false, 22|00|01",
      "PRIORITY,                true,  20|12|00",
      "FAIR_BANDWIDTH,          false, 00|01|22",
      "FAIR_BANDWIDTH,          true,  01|20|20",
      "WEIGHTED_FAIR_QUEUEING,  false, 00|01|22",
      "WEIGHTED_FAIR_QUEUEING,  true,  01|20|20",
  })
  void servesStreamsInTheSchedulersOrder_rfc8260_3(StreamSchedulerKind kind, boolean interleaving,
      String expected) {
    SendQueue q = queue(kind, interleaving);
    add(q, "2:2 0:3 1:1");
    assertThat(serveAll(q, 2)).isEqualTo(expected);
  }

  // ---- 3.2 round robin -------------------------------------------------------------------

  @Test
  void roundRobinWrapsFromTheHighestStreamToTheLowest_rfc8260_3_2() {
    SendQueue q = new SendQueue(true);
    q.setStreamCount(65_535);
    q.setScheduler(StreamSchedulers.create(StreamSchedulerKind.ROUND_ROBIN));
    q.add(message(65_534, 2 * CHUNK));
    q.add(message(3, 2 * CHUNK));
    q.add(message(4_100, 2 * CHUNK));

    List<Integer> streams = new ArrayList<>();
    while (!q.isEmpty()) {
      QueuedMessage m = q.peek();
      streams.add(m.streamId());
      q.consumed(m, CHUNK);
    }
    assertThat(streams).containsExactly(3, 4_100, 65_534, 3, 4_100, 65_534);
  }

  @Test
  void roundRobinGivesEachStreamOneMessagePerTurnWithoutIData_rfc8260_3_2() {
    SendQueue q = queue(StreamSchedulerKind.ROUND_ROBIN, false);
    add(q, "1:3 1:1 2:1 2:1");
    assertThat(serveAll(q, 1)).isEqualTo("1|1|1|2|1|2");
  }

  // ---- 3.3 round robin per packet --------------------------------------------------------

  @ParameterizedTest(name = "{0}, interleaving {1}: {2}")
  @CsvSource({
      "ROUND_ROBIN_PER_PACKET, true,  000|111|2",
      "ROUND_ROBIN_PER_PACKET, false, 000|111|2",
      "ROUND_ROBIN,            true,  012|010|1",
      "ROUND_ROBIN,            false, 012|010|1",
  })
  void roundRobinPerPacketFillsAPacketFromOneStream_rfc8260_3_3(StreamSchedulerKind kind,
      boolean interleaving, String expected) {
    SendQueue q = queue(kind, interleaving);
    add(q, "0:1 0:1 0:1 1:1 1:1 1:1 2:1");
    assertThat(serveAll(q, 3)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "interleaving {0}: {1}")
  @CsvSource({
      "true,  000|111|001|1",
      "false, 000|001|111|1",
  })
  void roundRobinPerPacketMovesOnWhenTheStreamRunsDryMidPacket_rfc8260_3_3(boolean interleaving,
      String expected) {
    SendQueue q = queue(StreamSchedulerKind.ROUND_ROBIN_PER_PACKET, interleaving);
    add(q, "0:5 1:5");
    assertThat(serveAll(q, 3)).isEqualTo(expected);
  }

  // ---- 3.4 priority ----------------------------------------------------------------------

  @ParameterizedTest(name = "interleaving {0}")
  @CsvSource({"true", "false"})
  void priorityServesTheLowestValueFirst_rfc8260_3_4(boolean interleaving) {
    SendQueue q = queue(StreamSchedulerKind.PRIORITY, interleaving);
    q.setSchedulerValue(1, 0);
    q.setSchedulerValue(0, 1);
    q.setSchedulerValue(2, 2);
    add(q, "2:2 0:3 1:1");
    assertThat(serveAll(q, 2)).isEqualTo("10|00|22");
  }

  @ParameterizedTest(name = "interleaving {0}: {2}")
  @CsvSource({
      "true,  1:10,    0|0|1|1|1|1|1|1|1|1",
      "false, 1:4 1:1, 1|1|0|0|1",
  })
  void aHigherPriorityStreamWithDataGoesNextAtOnceWithIDataAfterTheMessageUnderWayWithout_rfc8260_3_4(
      boolean interleaving, String lowPriority, String expected) {
    SendQueue q = queue(StreamSchedulerKind.PRIORITY, interleaving);
    q.setSchedulerValue(1, 5);
    add(q, lowPriority);
    assertThat(serve(q, 1, 2)).isEqualTo("1|1");

    add(q, "0:2");
    assertThat(serveAll(q, 1)).isEqualTo(expected);
  }

  @Test
  void aPriorityChangedWhileQueuedTakesEffectAtOnce_rfc8260_4_3_3() {
    SendQueue q = queue(StreamSchedulerKind.PRIORITY, true);
    add(q, "0:2 1:2");
    q.setSchedulerValue(0, 9);
    assertThat(serveAll(q, 1)).isEqualTo("1|1|0|0");
  }

  // ---- 3.5 fair bandwidth, 3.6 weighted fair queueing ------------------------------------

  /**
   * Serves {@code chunks} chunks while every stream stays backlogged and returns the user data
   * bytes of each stream.
   */
  private static long[] bytesServed(SendQueue q, int chunks) {
    long[] bytes = new long[STREAMS];
    for (int i = 0; i < chunks; i++) {
      q.packetStarted();
      QueuedMessage m = q.peek();
      int length = Math.min(1_000, m.remaining());
      q.consumed(m, length);
      bytes[m.streamId()] += length;
    }
    return bytes;
  }

  /**
   * The bound of start-time fair queueing: two backlogged streams' bytes, each divided by its
   * weight, differ by at most the largest chunk of each divided by its weight.
   */
  private static void assertFair(long[] bytes, int s, int ws, long maxChunkS, int t, int wt, long maxChunkT) {
    double bound = (double) maxChunkS / ws + (double) maxChunkT / wt;
    assertThat(Math.abs((double) bytes[s] / ws - (double) bytes[t] / wt))
        .as("bytes %s and %s for weights %s and %s", bytes[s], bytes[t], ws, wt)
        .isLessThanOrEqualTo(bound);
  }

  @Test
  void fairBandwidthGivesStreamsEqualBytesWhateverTheirMessageSizes_rfc8260_3_5() {
    SendQueue q = queue(StreamSchedulerKind.FAIR_BANDWIDTH, true);
    for (int i = 0; i < 8_000; i++) {
      if (i < 400) {
        q.add(message(0, 1_000));
      }
      if (i < 1_400) {
        q.add(message(1, 300));
      }
      q.add(message(2, 50));
    }
    long[] bytes = bytesServed(q, 6_000);

    assertFair(bytes, 0, 1, 1_000, 1, 1, 300);
    assertFair(bytes, 1, 1, 300, 2, 1, 50);
    assertThat(bytes[0] + bytes[1] + bytes[2]).isGreaterThan(200_000);
  }

  @Test
  void fairBandwidthOwesNothingToAStreamForTheTimeItWasEmpty_rfc8260_3_5() {
    SendQueue q = queue(StreamSchedulerKind.FAIR_BANDWIDTH, true);
    q.add(message(0, 1_000_000));
    bytesServed(q, 100);
    q.add(message(1, 1_000_000));

    long[] bytes = bytesServed(q, 20);
    assertThat(bytes[0]).isEqualTo(bytes[1]).isEqualTo(10_000);
  }

  @ParameterizedTest(name = "weights {0}:{1}, interleaving {2}")
  @CsvSource({
      "1, 3, true",
      "1, 3, false",
      "2, 5, true",
      "7, 1000, true",
      "1, 1, true",
  })
  void weightedFairQueueingSharesBytesInProportionToTheWeights_rfc8260_3_6(int w0, int w1,
      boolean interleaving) {
    SendQueue q = queue(StreamSchedulerKind.WEIGHTED_FAIR_QUEUEING, interleaving);
    q.setSchedulerValue(0, w0);
    q.setSchedulerValue(1, w1);
    // Without I-DATA a message of 5 chunks goes out whole: the unit of fairness is the message.
    int messageBytes = interleaving ? 1_000_000 : 5_000;
    for (int i = 0; i < 2_000_000 / messageBytes; i++) {
      q.add(message(0, messageBytes));
      q.add(message(1, messageBytes));
    }
    long[] bytes = bytesServed(q, 1_500);

    long largest = Math.min(messageBytes, 1_000) * (interleaving ? 1L : 5L);
    assertFair(bytes, 0, w0, largest, 1, w1, largest);
    assertThat(bytes[0] + bytes[1]).isEqualTo(1_500_000);
  }

  @Test
  void weightedFairQueueingRefusesAWeightOfZero_rfc8260_3_6() {
    SendQueue q = queue(StreamSchedulerKind.WEIGHTED_FAIR_QUEUEING, true);
    assertThatThrownBy(() -> q.setSchedulerValue(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_STREAM_SCHEDULER_VALUE = 0 is out of range 1..65535");
    assertThat(q.schedulerValue(1)).isEqualTo(1);
  }

  // ---- removal, scheduler change, clear --------------------------------------------------

  static Stream<Arguments> everySchedulerWithAndWithoutIData() {
    return Stream.of(StreamSchedulerKind.values())
        .flatMap(kind -> Stream.of(Arguments.of(kind, false), Arguments.of(kind, true)));
  }

  @ParameterizedTest(name = "{0}, interleaving {1}")
  @MethodSource("everySchedulerWithAndWithoutIData")
  void anUnsentMessageTakenOutOfTheMiddleOfAStreamIsNeverServed_rfc3758(StreamSchedulerKind kind,
      boolean interleaving) {
    SendQueue q = queue(kind, interleaving);
    List<QueuedMessage> m = add(q, "0:2 0:1 0:1 1:1 2:1");

    assertThat(q.remove(m.get(1))).isTrue();
    assertThat(q.remove(m.get(4))).isTrue();

    assertThat(completions(q)).containsExactlyInAnyOrder(
        m.get(0).context(), m.get(2).context(), m.get(3).context());
    assertThat(q.peek()).isNull();
  }

  @ParameterizedTest(name = "{0}, interleaving {1}")
  @MethodSource("everySchedulerWithAndWithoutIData")
  void aPartlySentMessageAbandonedLeavesTheOthersToBeServed_rfc3758(StreamSchedulerKind kind,
      boolean interleaving) {
    SendQueue q = queue(kind, interleaving);
    List<QueuedMessage> m = add(q, "3:3 3:1 5:2");
    QueuedMessage first = q.peek();
    q.consumed(first, CHUNK);

    assertThat(q.remove(first)).isTrue();

    List<Long> rest = new ArrayList<>();
    for (QueuedMessage x : m) {
      if (x != first) {
        rest.add(x.context());
      }
    }
    assertThat(completions(q)).containsExactlyInAnyOrderElementsOf(rest);
  }

  @ParameterizedTest(name = "to {0}")
  @EnumSource(StreamSchedulerKind.class)
  void aNewSchedulerTakesOverTheQueuedMessagesAndFinishesTheOneUnderWayFirst_rfc8260_4_3_2(
      StreamSchedulerKind kind) {
    SendQueue q = queue(StreamSchedulerKind.FIRST_COME_FIRST_SERVED, false);
    List<QueuedMessage> m = add(q, "2:2 0:3 1:1 0:1");
    assertThat(serve(q, 1, 3)).isEqualTo("2|2|0");

    q.setScheduler(StreamSchedulers.create(kind));

    assertThat(serve(q, 1, 2)).isEqualTo("0|0");
    assertThat(completions(q)).containsExactlyInAnyOrder(m.get(2).context(), m.get(3).context());
  }

  @Test
  void roundRobinTakingOverGoesOnAfterTheStreamOfTheMessageUnderWay_rfc8260_4_3_2() {
    SendQueue q = queue(StreamSchedulerKind.FIRST_COME_FIRST_SERVED, false);
    add(q, "2:2 0:3 1:1 0:1");
    serve(q, 1, 3);

    q.setScheduler(StreamSchedulers.create(StreamSchedulerKind.ROUND_ROBIN));

    assertThat(serveAll(q, 1)).isEqualTo("0|0|1|0");
  }

  @Test
  void firstComeFirstServedTakingOverServesInTheOrderTheMessagesWereQueued_rfc8260_3_1() {
    SendQueue q = queue(StreamSchedulerKind.ROUND_ROBIN, true);
    add(q, "2:1 0:1 1:1 0:1 2:1");

    q.setScheduler(StreamSchedulers.create(StreamSchedulerKind.FIRST_COME_FIRST_SERVED));

    assertThat(serveAll(q, 1)).isEqualTo("2|0|1|0|2");
  }

  @Test
  void aNewSchedulerTakesOverMessagesUnderWayOnSeveralStreamsWithIData_rfc8260_4_3_2() {
    SendQueue q = queue(StreamSchedulerKind.ROUND_ROBIN, true);
    add(q, "0:3 1:3 2:3");
    assertThat(serve(q, 1, 3)).isEqualTo("0|1|2");
    q.setSchedulerValue(2, 0);
    q.setSchedulerValue(1, 1);
    q.setSchedulerValue(0, 2);

    q.setScheduler(StreamSchedulers.create(StreamSchedulerKind.PRIORITY));

    assertThat(serveAll(q, 1)).isEqualTo("2|2|1|1|0|0");
  }

  @Test
  void perStreamValuesOutliveASchedulerChange_rfc8260_4_3_3() {
    SendQueue q = queue(StreamSchedulerKind.PRIORITY, true);
    q.setSchedulerValue(1, 0);
    q.setSchedulerValue(2, 4);

    q.setScheduler(StreamSchedulers.create(StreamSchedulerKind.ROUND_ROBIN));
    assertThat(q.schedulerValue(2)).as("round robin has no values").isZero();

    q.setScheduler(StreamSchedulers.create(StreamSchedulerKind.WEIGHTED_FAIR_QUEUEING));
    assertThat(q.schedulerValue(1)).as("a priority of 0 is no weight: the default").isEqualTo(1);
    assertThat(q.schedulerValue(2)).isEqualTo(4);
    assertThat(q.schedulerValue(3)).isEqualTo(1);

    q.setScheduler(StreamSchedulers.create(StreamSchedulerKind.PRIORITY));
    assertThat(q.schedulerValue(1)).isZero();
    assertThat(q.schedulerValue(2)).isEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(StreamSchedulerKind.class)
  void drainingClearsTheSchedulerButKeepsTheValues(StreamSchedulerKind kind) {
    SendQueue q = queue(kind, true);
    q.setSchedulerValue(0, 7);
    q.setSchedulerValue(1, 3);
    add(q, "0:3 1:3 2:3");
    serve(q, 1, 2);

    assertThat(q.drain()).hasSize(3);
    assertThat(q.peek()).isNull();
    assertThat(q.isEmpty()).isTrue();

    add(q, "1:1 0:1");
    assertThat(completions(q)).hasSize(2);
    assertThat(q.schedulerValue(0)).isEqualTo(
        kind == StreamSchedulerKind.PRIORITY || kind == StreamSchedulerKind.WEIGHTED_FAIR_QUEUEING ? 7 : 0);
  }

  @Test
  void aClearedPrioritySchedulerStillServesByTheValuesSetBefore() {
    SendQueue q = queue(StreamSchedulerKind.PRIORITY, true);
    q.setSchedulerValue(0, 7);
    add(q, "0:3 1:3");
    q.drain();

    add(q, "0:1 1:1");
    assertThat(serveAll(q, 1)).isEqualTo("1|0");
  }

  // ---- consistency under any sequence of calls -------------------------------------------

  @ParameterizedTest(name = "{0}, interleaving {1}")
  @MethodSource("everySchedulerWithAndWithoutIData")
  void theQueueNamesAMessageExactlyWhenItHoldsOneWhateverTheCalls(StreamSchedulerKind start,
      boolean interleaving) {
    long seed = Long.getLong("sim.seed", 8260);
    SplittableRandom random = new SplittableRandom(seed);
    SendQueue q = queue(start, interleaving);
    List<QueuedMessage> live = new ArrayList<>();
    StreamSchedulerKind[] kinds = StreamSchedulerKind.values();
    for (int step = 0; step < 20_000; step++) {
      int op = random.nextInt(100);
      if (op < 35) {
        QueuedMessage m = message(random.nextInt(STREAMS), (1 + random.nextInt(4)) * CHUNK - random.nextInt(2));
        q.add(m);
        live.add(m);
      } else if (op < 80) {
        if (op < 45) {
          q.packetStarted();
        }
        QueuedMessage m = q.peek();
        if (m != null) {
          q.consumed(m, Math.min(CHUNK, m.remaining()));
          if (m.remaining() == 0) {
            live.remove(m);
          }
        }
      } else if (op < 90) {
        if (!live.isEmpty()) {
          assertThat(q.remove(live.remove(random.nextInt(live.size())))).isTrue();
        }
      } else if (op < 95) {
        q.setSchedulerValue(random.nextInt(STREAMS), 1 + random.nextInt(10));
      } else if (op < 99) {
        q.setScheduler(StreamSchedulers.create(kinds[random.nextInt(kinds.length)]));
      } else {
        q.drain();
        live.clear();
      }
      QueuedMessage next = q.peek();
      assertThat(next == null).as("seed %s step %s", seed, step).isEqualTo(live.isEmpty());
      assertThat(q.size()).isEqualTo(live.size());
      if (next != null) {
        assertThat(live).contains(next);
      }
    }
  }
}
