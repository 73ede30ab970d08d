package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.association.AssociationOptions;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.SackChunk;
import org.junit.jupiter.api.Test;

/**
 * A hostile peer against the receive window (RFC 9260 section 6.2): whatever order TSNs arrive
 * in, the receiver holds no more than its window, acknowledges no more than it holds, and keeps
 * taking the chunks a well-behaved sender needs to make progress.
 */
class ReceiveWindowAttackTest {

  private static final int WINDOW = 64 * 1024;
  private static final int CHUNK = 1200;

  private static ScriptedPeer establishedWithWindow(int rcvbuf) {
    ScriptedPeer peer = new ScriptedPeer();
    AssociationOptions o = peer.options();
    o.setRcvbuf(rcvbuf);
    peer.establishActive();
    return peer;
  }

  /** A B-only fragment on ordered stream 0 with an SSN the stream never reaches. */
  private static DataChunk neverDeliverable(int tsn) {
    return new DataChunk(false, false, true, false, tsn, 0, 7, 0, Bytes.wrap(new byte[CHUNK]));
  }

  private static long acknowledgedChunks(SackChunk sack, int firstTsn) {
    long n = sack.cumulativeTsnAck() - (firstTsn - 1);
    for (SackChunk.GapAckBlock g : sack.gapAckBlocks()) {
      n += g.end() - g.start() + 1;
    }
    return n;
  }

  private static SackChunk lastSack(ScriptedPeer peer) {
    SackChunk last = null;
    for (Sent s : peer.takeAll()) {
      if (s.has(SackChunk.class)) {
        last = s.first(SackChunk.class);
      }
    }
    return last;
  }

  @Test
  void rfc9260_6_2_fragmentsFillingAGapBelowAFarTsnNeverHoldMoreThanTheWindow() {
    ScriptedPeer peer = establishedWithWindow(WINDOW);
    int first = peer.nextTsn;
    peer.send(neverDeliverable(first + 12_000));
    for (int i = 0; i < 12_000; i++) {
      peer.send(neverDeliverable(first + i));
      assertThat(peer.association.options().status().pendingChunks()).as("held after chunk %d", i)
          .isLessThanOrEqualTo(WINDOW);
    }
    SackChunk sack = lastSack(peer);

    assertThat(acknowledgedChunks(sack, first) * CHUNK).as("acknowledged bytes").isLessThanOrEqualTo(WINDOW);
    assertThat(sack.gapAckBlocks()).as("the far TSN was given up to make room").isEmpty();
    assertThat(sack.advertisedReceiverWindowCredit()).isLessThan(CHUNK);
    assertThat(peer.endpoint().counters().get(MibCounter.SCTP_IN_DATA_CHUNK_DISCARDS))
        .isGreaterThan(12_000 - WINDOW / CHUNK - 2);
    assertThat(peer.endpoint().counters().get(MibCounter.SCTP_RENEGED_TSNS)).isEqualTo(1);
  }

  @Test
  void rfc9260_6_2_aLowerTsnTakesThePlaceOfTheHighestHeldWhenTheWindowIsFull() {
    ScriptedPeer peer = establishedWithWindow(16 * CHUNK);
    int first = peer.nextTsn;
    // TSN first is lost; 16 complete messages behind it fill the window while they wait for SSN 0.
    for (int i = 1; i <= 16; i++) {
      peer.send(new DataChunk(false, false, true, true, first + i, 0, i, 0, Bytes.wrap(new byte[CHUNK])));
    }
    peer.takeAll();
    // Its retransmission needs room: the highest waiting message is given up for it.
    peer.send(new DataChunk(false, false, true, true, first, 0, 0, 0, Bytes.wrap(new byte[CHUNK])));
    SackChunk sack = lastSack(peer);

    assertThat(sack.cumulativeTsnAck()).isEqualTo(first + 15);
    assertThat(sack.gapAckBlocks()).isEmpty();
    assertThat(peer.received()).hasSize(16);
    assertThat(peer.endpoint().counters().get(MibCounter.SCTP_RENEGED_TSNS)).isEqualTo(1);
  }

  @Test
  void rfc9260_6_2_aTsnAboveEverythingHeldIsDroppedWhenTheWindowIsFullAndNotAcknowledged() {
    ScriptedPeer peer = establishedWithWindow(4 * CHUNK);
    peer.holdReceivedData(true);
    int first = peer.nextTsn;
    for (int i = 0; i < 5; i++) {
      peer.send(new DataChunk(false, false, true, true, first + i, 0, i, 0, Bytes.wrap(new byte[CHUNK])));
    }
    SackChunk sack = lastSack(peer);

    assertThat(sack.cumulativeTsnAck()).isEqualTo(first + 3);
    assertThat(sack.advertisedReceiverWindowCredit()).isZero();
    assertThat(peer.received()).hasSize(4);
  }
}
