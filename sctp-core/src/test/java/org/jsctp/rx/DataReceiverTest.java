package org.jsctp.rx;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.SctpEvent;
import org.jsctp.rx.DataReceiver.DataOutcome;
import org.jsctp.TestAddresses;
import org.jsctp.config.ReceiveMemory;
import org.jsctp.stats.MibCounters;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.SackChunk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiving half: delivery order, reassembly, partial delivery, window and SACK policy. */
class DataReceiverTest {

  static final long MS = 1_000_000L;
  static final int TSN0 = 77;
  static final InetAddress PEER = TestAddresses.v4("10.0.0.2");

  final List<SctpEvent> events = new ArrayList<>();
  DataReceiver receiver;

  @BeforeEach
  void setUp() {
    receiver = new DataReceiver(TSN0, 4, false, settings, new ReceiverEnvironment() {
      @Override public int associationId() {
        return 1;
      }
      @Override public MibCounters counters() {
        return new MibCounters();
      }
      @Override public void emit(SctpEvent event) {
        events.add(event);
      }
      @Override public ReceiveMemory memory() {
        return memory;
      }
    });
  }

  final ReceiveMemory memory = ReceiveMemory.bounded(1 << 20);

  /** The socket options the receiver follows, changed by the tests as an application would. */
  static final class Settings implements ReceiverSettings {
    long rcvbuf = 100_000;
    long partialDeliveryPoint;

    @Override public long rcvbuf() {
      return rcvbuf;
    }
    @Override public long sackDelayNanos() {
      return 200 * MS;
    }
    @Override public int sackFrequency() {
      return 2;
    }
    @Override public long partialDeliveryPoint() {
      return partialDeliveryPoint;
    }
  }

  final Settings settings = new Settings();

  static DataChunk data(int tsn, int stream, int ssn, boolean b, boolean e, boolean unordered, int size) {
    byte[] bytes = new byte[size];
    if (size > 0) {
      bytes[0] = (byte) tsn;
    }
    return new DataChunk(false, unordered, b, e, tsn, stream, ssn, 0, Bytes.wrap(bytes));
  }

  List<MessageReceived> messages() {
    return events.stream().filter(e -> e instanceof MessageReceived).map(e -> (MessageReceived) e).toList();
  }

  @Test
  void orderedMessagesWaitForTheirTurnOnTheirStreamOnly() {
    receiver.onData(data(TSN0 + 1, 0, 1, true, true, false, 10), PEER);
    receiver.onData(data(TSN0 + 2, 1, 0, true, true, false, 10), PEER);
    assertThat(messages()).extracting(MessageReceived::streamId).containsExactly(1);
    receiver.onData(data(TSN0, 0, 0, true, true, false, 10), PEER);
    assertThat(messages()).extracting(MessageReceived::streamSequenceNumber).containsExactly(0, 0, 1);
  }

  @Test
  void unorderedMessagesAreDeliveredAtOnce() {
    receiver.onData(data(TSN0 + 1, 0, 5, true, true, true, 10), PEER);
    assertThat(messages()).hasSize(1);
    assertThat(messages().get(0).unordered()).isTrue();
  }

  @Test
  void theSsnWrapsFrom65535ToZero() {
    DataReceiver r = receiver;
    int tsn = TSN0;
    for (int ssn = 0; ssn <= 65535; ssn++) {
      r.onData(data(tsn++, 2, ssn, true, true, false, 1), PEER);
      if (ssn % 1000 == 0) {
        r.consumed(100_000);
      }
    }
    r.consumed(100_000);
    events.clear();
    r.onData(data(tsn + 1, 2, 1, true, true, false, 1), PEER);
    assertThat(messages()).isEmpty();
    r.onData(data(tsn, 2, 0, true, true, false, 1), PEER);
    assertThat(messages()).extracting(MessageReceived::streamSequenceNumber).containsExactly(0, 1);
  }

  @Test
  void fragmentsArrivingOutOfOrderAreReassembled() {
    receiver.onData(data(TSN0 + 2, 0, 0, false, true, false, 100), PEER);
    receiver.onData(data(TSN0, 0, 0, true, false, false, 100), PEER);
    assertThat(messages()).isEmpty();
    receiver.onData(data(TSN0 + 1, 0, 0, false, false, false, 100), PEER);
    assertThat(messages()).hasSize(1);
    assertThat(messages().get(0).data().length()).isEqualTo(300);
    assertThat(messages().get(0).data().get(100)).isEqualTo((TSN0 + 1) & 0xFF);
  }

  @Test
  void aMessageLargerThanThePartialDeliveryPointArrivesInPiecesWithNothingInBetween() {
    settings.partialDeliveryPoint = 1000;
    receiver.onData(data(TSN0, 0, 0, true, false, false, 800), PEER);
    receiver.onData(data(TSN0 + 1, 0, 0, false, false, false, 800), PEER);
    assertThat(messages()).hasSize(1);
    assertThat(messages().get(0).complete()).isFalse();
    receiver.onData(data(TSN0 + 4, 1, 0, true, true, false, 10), PEER);
    assertThat(messages()).as("held back during partial delivery").hasSize(1);
    receiver.onData(data(TSN0 + 2, 0, 0, false, false, false, 800), PEER);
    receiver.onData(data(TSN0 + 3, 0, 0, false, true, false, 800), PEER);
    assertThat(messages()).extracting(MessageReceived::complete).containsExactly(false, false, true, true);
    assertThat(messages().get(3).streamId()).isEqualTo(1);
  }

  @Test
  void unreadDataClosesTheWindowAndReadingReopensItWithAnUpdate() {
    long before = receiver.advertisedWindow();
    receiver.onData(data(TSN0, 0, 0, true, true, false, 30_000), PEER);
    receiver.endOfPacket(0, false);
    assertThat(receiver.advertisedWindow()).isEqualTo(before - 30_000);
    receiver.buildSack(1500);
    receiver.sackSent();
    receiver.consumed(30_000);
    assertThat(receiver.sackDue()).as("window update").isTrue();
  }

  @Test
  void dataAboveTheHighestTsnIsDroppedWhenTheWindowIsFull() {
    for (int i = 0; i < 33; i++) {
      receiver.onData(data(TSN0 + i, 0, i, true, true, false, 3000), PEER);
    }
    assertThat(receiver.onData(data(TSN0 + 33, 0, 33, true, true, false, 2000), PEER)).isEqualTo(DataOutcome.DROPPED);
    assertThat(receiver.sackDue()).isTrue();
    assertThat(receiver.cumulativeTsn()).isEqualTo(TSN0 + 32);
  }

  @Test
  void emptyDataAndUnknownStreamsAreReported() {
    assertThat(receiver.onData(data(TSN0, 0, 0, true, true, false, 0), PEER)).isEqualTo(DataOutcome.EMPTY);
    assertThat(receiver.onData(new DataChunk(false, false, true, true, TSN0, 9, 0, 0, Bytes.wrap(new byte[3])), PEER))
        .isEqualTo(DataOutcome.INVALID_STREAM);
    assertThat(receiver.cumulativeTsn()).as("TSN acknowledged anyway").isEqualTo(TSN0);
  }

  @Test
  void everySecondPacketIsAcknowledgedAtOnceOtherwiseAfterTheDelay() {
    receiver.onData(data(TSN0, 0, 0, true, true, false, 10), PEER);
    receiver.endOfPacket(0, false);
    assertThat(receiver.sackDue()).as("first DATA").isTrue();
    receiver.buildSack(1500);
    receiver.sackSent();
    receiver.onData(data(TSN0 + 1, 0, 1, true, true, false, 10), PEER);
    receiver.endOfPacket(0, false);
    assertThat(receiver.sackDue()).isFalse();
    assertThat(receiver.deadline()).isEqualTo(200 * MS);
    receiver.onData(data(TSN0 + 2, 0, 2, true, true, false, 10), PEER);
    receiver.endOfPacket(0, false);
    assertThat(receiver.sackDue()).isTrue();
  }

  @Test
  void aGapOrADuplicateIsAcknowledgedAtOnceWithBlocksAndDuplicates() {
    receiver.onData(data(TSN0, 0, 0, true, true, false, 10), PEER);
    receiver.endOfPacket(0, false);
    receiver.buildSack(1500);
    receiver.sackSent();
    receiver.onData(data(TSN0 + 2, 0, 2, true, true, false, 10), PEER);
    receiver.onData(data(TSN0, 0, 0, true, true, false, 10), PEER);
    receiver.endOfPacket(0, false);
    assertThat(receiver.sackDue()).isTrue();
    SackChunk sack = receiver.buildSack(1500);
    assertThat(sack.cumulativeTsnAck()).isEqualTo(TSN0);
    assertThat(sack.gapAckBlocks()).containsExactly(new SackChunk.GapAckBlock(2, 2));
    assertThat(sack.duplicateTsns()).containsExactly(TSN0);
  }

  @Test
  void gapBlocksAreCutToFitTheRoomLowestFirst() {
    for (int i = 0; i < 50; i++) {
      receiver.onData(data(TSN0 + 2 * i + 1, 0, 0, true, true, true, 1), PEER);
    }
    SackChunk sack = receiver.buildSack(16 + 4 * 10);
    assertThat(sack.gapAckBlocks()).hasSize(10);
    assertThat(sack.gapAckBlocks().get(0)).isEqualTo(new SackChunk.GapAckBlock(2, 2));
  }

  @Test
  void theIBitAsksForAnImmediateSack() {
    receiver.onData(data(TSN0, 0, 0, true, true, false, 10), PEER);
    receiver.endOfPacket(0, false);
    receiver.sackSent();
    receiver.onData(new DataChunk(true, false, true, true, TSN0 + 1, 0, 1, 0, Bytes.wrap(new byte[1])), PEER);
    receiver.endOfPacket(0, false);
    assertThat(receiver.sackDue()).isTrue();
  }
}
