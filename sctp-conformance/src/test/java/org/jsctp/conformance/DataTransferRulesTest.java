package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.testkit.ScriptedPeer.MS;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;
import static org.jsctp.testkit.ScriptedPeer.gap;
import static org.jsctp.testkit.ScriptedPeer.sack;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.association.AssociationState;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.HeartbeatAckChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.ProtocolViolationCause;
import org.jsctp.wire.SackChunk;
import org.junit.jupiter.api.Test;

/**
 * Data transfer rules of RFC 9260 beyond the ETSI D and A purposes: the I bit, the gap block limit,
 * SSN wrap, unordered delivery, no DATA without user data, a_rwnd accounting and a full window,
 * the Nagle-like delay, a SACK for a TSN never sent, and malformed chunks inside an association.
 */
class DataTransferRulesTest {

  private static DataChunk chunk(
      int tsn, int stream, int ssn, boolean unordered, boolean b, boolean e, String text) {
    return new DataChunk(false, unordered, b, e, tsn, stream, ssn, 0, Bytes.wrap(text.getBytes()));
  }

  @Test
  void rfc9260_6_2_anEmptyMessageIsRefusedAndNoDataChunkWithoutUserDataIsSent() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    // Section 6.2: an endpoint must not send a DATA chunk without user data; the peer would abort.
    assertThatThrownBy(() -> peer.userSend(0, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user data");
    peer.expectSilenceFor(10 * SECONDS);
    assertThat(peer.association.bufferedAmount()).isZero();
  }

  @Test
  void rfc9260_6_5_aMessageReusingTheSsnOfOneBeingPartiallyDeliveredIsDiscarded() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.options().setPartialDeliveryPoint(4000);
    peer.establishPassive();
    int t = peer.nextTsn;
    byte[] part = new byte[4000];
    // SSN 0 in three fragments: past the partial delivery point after two.
    peer.send(new DataChunk(false, false, true, false, t, 0, 0, 0, Bytes.wrap(part)));
    peer.send(new DataChunk(false, false, false, false, t + 1, 0, 0, 0, Bytes.wrap(part)));
    assertThat(peer.received()).hasSize(1);
    assertThat(peer.received().get(0).complete()).isFalse();
    // Another message with SSN 0 on the same stream, against section 6.5, then the last fragment.
    peer.send(chunk(t + 3, 0, 0, false, true, true, "reuses SSN 0"));
    peer.send(new DataChunk(false, false, false, true, t + 2, 0, 0, 0, Bytes.wrap(part)));
    peer.send(chunk(t + 4, 0, 1, false, true, true, "SSN 1"));

    assertThat(peer.received()).extracting(m -> m.streamSequenceNumber() + ":" + m.complete())
        .containsExactly("0:false", "0:true", "1:true");
    assertThat(new String(peer.received().get(2).data().toByteArray())).isEqualTo("SSN 1");
  }

  @Test
  void acknowledgesAtOnceWhenTheIBitIsSet() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.sendData(0, 0, "first");
    peer.expectSack();
    peer.advance(1 * SECONDS);
    int tsn = peer.nextTsn++;
    peer.send(
        new DataChunk(true, false, true, true, tsn, 0, 1, 0, Bytes.wrap("now please".getBytes())));
    // Section 6.2 / 3.3.1: the I bit asks for a SACK without delay.
    assertThat(peer.expectSack().cumulativeTsnAck()).isEqualTo(tsn);
  }

  @Test
  void reportsTheLowestGapBlocksThatFitThePathMtu() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    int t = peer.sendData(0, 0, "base");
    peer.expectSack();
    for (int i = 1; i <= 400; i++) {
      peer.send(chunk(t + 2 * i, 0, i, true, true, true, "u" + i));
      peer.takeAll();
    }
    peer.advance(1 * SECONDS);
    peer.send(chunk(t + 802, 0, 401, true, true, true, "last"));
    Sent s = peer.nextPacketToPeer();
    // Section 6.2: one SACK within the MTU, the lowest blocks kept, the highest dropped.
    assertThat(s.transmit().packet().length).isLessThanOrEqualTo(1500 - 28);
    List<SackChunk.GapAckBlock> blocks = s.only(SackChunk.class).gapAckBlocks();
    assertThat(blocks.size()).isBetween(300, 400);
    for (int i = 0; i < blocks.size(); i++) {
      assertThat(blocks.get(i)).isEqualTo(gap(2 * (i + 1), 2 * (i + 1)));
    }
  }

  @Test
  void deliversInOrderAcrossTheSsnWrap() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    int stream = 3;
    int ssn = 0;
    while (ssn < 65534) {
      List<DataChunk> batch = new ArrayList<>();
      for (int i = 0; i < 64 && ssn < 65534; i++, ssn++) {
        batch.add(chunk(peer.nextTsn++, stream, ssn, false, true, true, "s" + ssn));
      }
      peer.send(batch.toArray(new DataChunk[0]));
      peer.takeAll();
    }
    int x = peer.nextTsn;
    peer.nextTsn += 3;
    int before = peer.received().size();
    assertThat(before).isEqualTo(65534);
    // SSN 65535 wraps to 0 (section 6.5); they arrive backwards.
    peer.send(chunk(x + 2, stream, 0, false, true, true, "s65536"));
    peer.send(chunk(x + 1, stream, 65535, false, true, true, "s65535"));
    assertThat(peer.received()).hasSize(before);
    peer.send(chunk(x, stream, 65534, false, true, true, "s65534"));
    List<String> last = peer.receivedStrings().subList(before, before + 3);
    assertThat(last).containsExactly("s65534", "s65535", "s65536");
  }

  @Test
  void deliversUnorderedMessagesAheadOfTheOrderedOnesTheyOvertake() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    int t = peer.nextTsn;
    peer.nextTsn += 3;
    peer.send(chunk(t + 1, 1, 1, false, true, true, "ordered 1"));
    peer.send(chunk(t + 2, 1, 0, true, true, true, "unordered"));
    // Section 6.6: the U bit skips the stream's order.
    assertThat(peer.receivedStrings()).containsExactly("unordered");
    peer.send(chunk(t, 1, 0, false, true, true, "ordered 0"));
    assertThat(peer.receivedStrings()).containsExactly("unordered", "ordered 0", "ordered 1");
    assertThat(peer.received().get(0).unordered()).isTrue();
  }

  @Test
  void advertisesAWindowThatCountsUnreadAndReassemblingDataAndReopensItAfterReading() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.options().setRcvbuf(16_384);
    peer.holdReceivedData(true);
    peer.establishPassive();
    peer.send(peer.data(0, 0, new byte[5000]));
    assertThat(peer.expectSack().advertisedReceiverWindowCredit()).isEqualTo(16_384 - 5000);
    peer.send(
        new DataChunk(
            false, false, true, false, peer.nextTsn++, 0, 1, 0, Bytes.wrap(new byte[2000])));
    // Section 6.2: unread data and fragments held for reassembly both count (delayed SACK).
    assertThat(peer.awaitPacket(1 * SECONDS).only(SackChunk.class).advertisedReceiverWindowCredit())
        .isEqualTo(16_384 - 7000);
    peer.userRead(5000);
    // More than a quarter of the buffer freed: a window update goes out at once.
    assertThat(peer.expectSack().advertisedReceiverWindowCredit()).isEqualTo(16_384 - 2000);
  }

  @Test
  void dropsDataBeyondAFullWindowAndAcknowledgesWithoutIt() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.options().setRcvbuf(4000);
    peer.holdReceivedData(true);
    peer.establishPassive();
    int first = peer.nextTsn;
    peer.send(peer.data(0, 0, new byte[3000]));
    assertThat(peer.expectSack().advertisedReceiverWindowCredit()).isEqualTo(1000);
    peer.advance(1 * SECONDS);
    DataChunk tooMuch = peer.data(0, 1, new byte[2000]);
    peer.send(tooMuch);
    // Section 6.2: no room, the DATA is dropped and a SACK goes at once without it.
    SackChunk sack = peer.expectSack();
    assertThat(sack.cumulativeTsnAck()).isEqualTo(first);
    assertThat(sack.gapAckBlocks()).isEmpty();
    assertThat(peer.received()).hasSize(1);
    peer.userRead(3000);
    peer.takeAll();
    peer.send(tooMuch);
    assertThat(peer.received()).hasSize(2);
  }

  @Test
  void holdsASmallMessageWhileDataIsInFlight() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userSend(0, "a".getBytes());
    DataChunk a = peer.nextPacketToPeer().only(DataChunk.class);
    peer.userSend(0, "b".getBytes());
    // Section 6.1 (Nagle-like): less than a full chunk waits while data is outstanding...
    peer.expectNoPacket();
    peer.send(sack(a.tsn()));
    // ...and goes when the outstanding data is acknowledged.
    assertThat(new String(peer.nextPacketToPeer().only(DataChunk.class).userData().toByteArray()))
        .isEqualTo("b");
  }

  @Test
  void sendsASmallMessageAtOnceWithNodelay() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.options().setNodelay(true);
    peer.establishActive();
    peer.userSend(0, "a".getBytes());
    peer.nextPacketToPeer().only(DataChunk.class);
    peer.userSend(0, "b".getBytes());
    assertThat(new String(peer.nextPacketToPeer().only(DataChunk.class).userData().toByteArray()))
        .isEqualTo("b");
  }

  @Test
  void abortsWithProtocolViolationOnASackForATsnNeverSent() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userSend(0, "one".getBytes());
    DataChunk sent = peer.nextPacketToPeer().only(DataChunk.class);
    peer.send(sack(sent.tsn() + 1));
    AbortChunk abort = peer.nextPacketToPeer().only(AbortChunk.class);
    assertThat(abort.cause(ProtocolViolationCause.class)).isPresent();
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.COMM_LOST);
  }

  @Test
  void dropsPacketsWithTruncatedOrUndersizedChunksAndKeepsTheAssociation() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    // A DATA chunk whose Length (100) runs past the packet end.
    ByteBuffer truncated = ByteBuffer.allocate(12 + 20);
    truncated
        .putShort((short) ScriptedPeer.PEER_PORT)
        .putShort((short) ScriptedPeer.IUT_PORT)
        .putInt(peer.iutTag)
        .putInt(0);
    truncated
        .put(new byte[] {0, 3, 0, 100})
        .putInt(peer.nextTsn)
        .putShort((short) 0)
        .putShort((short) 0)
        .putInt(0);
    truncated.put(new byte[] {'a', 'b', 'c', 'd'});
    peer.sendRawWithCrc(truncated.array());
    // A chunk of Length 2, which would never advance a careless parser (section 3.2).
    ByteBuffer undersized = ByteBuffer.allocate(12 + 8);
    undersized
        .putShort((short) ScriptedPeer.PEER_PORT)
        .putShort((short) ScriptedPeer.IUT_PORT)
        .putInt(peer.iutTag)
        .putInt(0);
    undersized.put(new byte[] {4, 0, 0, 2, 0, 0, 0, 0});
    peer.sendRawWithCrc(undersized.array());
    peer.expectSilenceFor(1 * SECONDS);
    assertThat(peer.received()).isEmpty();
    peer.send(HeartbeatChunk.of(Bytes.wrap(new byte[] {1})));
    peer.nextPacketToPeer().only(HeartbeatAckChunk.class);
    peer.sendData(0, 0, "still fine");
    assertThat(peer.receivedStrings()).containsExactly("still fine");
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
  }

  @Test
  void restartsT3OnlyWhenTheEarliestOutstandingTsnIsAcknowledged() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.options().setNodelay(true);
    peer.establishActive();
    long start = peer.now();
    peer.userSend(0, "early".getBytes());
    DataChunk early = peer.nextPacketToPeer().only(DataChunk.class);
    peer.advance(500 * MS);
    // R1: T3 is already running; sending more does not restart it.
    peer.userSend(0, "late".getBytes());
    DataChunk late = peer.nextPacketToPeer().only(DataChunk.class);
    peer.advance(400 * MS);
    // R3: the earliest outstanding TSN is acknowledged: T3 restarts for what is left.
    peer.send(sack(early.tsn()));
    Sent again = peer.awaitPacket(5 * SECONDS);
    assertThat(again.only(DataChunk.class).tsn()).isEqualTo(late.tsn());
    // Restarted at 900 ms with the RTO after that 900 ms sample (section 6.3.1 C3, the handshake
    // having measured 0): SRTT 112.5 ms + 4 * RTTVAR 225 ms = 1012.5 ms. Not at 1000 or 1500 ms.
    assertThat(again.at() - start).isEqualTo(900 * MS + 1_012_500_000L);
  }
}
