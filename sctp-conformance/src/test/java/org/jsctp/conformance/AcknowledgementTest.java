package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.testkit.ScriptedPeer.MS;

import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.SackChunk;
import org.junit.jupiter.api.Test;

/**
 * ETSI TS 102 369 group A, acknowledgements: when the receiver sends SACKs (RFC 9260 sections 6.2
 * and 6.7). With group D it forms the data transfer part of the suite.
 */
class AcknowledgementTest {

  @Test
  void a_v_9_1_acknowledgesTheFirstDataAtOnceAndLaterDataWithinTheSackDelay() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    int first = peer.sendData(0, 0, "first");
    assertThat(peer.expectSack().cumulativeTsnAck()).isEqualTo(first);
    peer.advance(1000 * MS);
    long sentAt = peer.now();
    int second = peer.sendData(0, 1, "second");
    // Section 6.2: a lone packet waits for a second one, at most SACK.Delay (200 ms).
    peer.expectSilenceFor(200 * MS - 1);
    peer.advance(1);
    Sent s = peer.nextPacketToPeer();
    assertThat(s.at() - sentAt).isEqualTo(200 * MS);
    assertThat(s.only(SackChunk.class).cumulativeTsnAck()).isEqualTo(second);
  }

  @Test
  void a_v_9_2_acknowledgesEverySecondPacketAtOnce() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.sendData(0, 0, "first");
    peer.expectSack();
    peer.advance(1000 * MS);
    // Two DATA chunks in one packet count as one packet...
    peer.send(peer.data(0, 1, "two"), peer.data(0, 2, "chunks"));
    peer.expectNoPacket();
    // ...and the next packet is the second: one SACK for all three chunks at once.
    int last = peer.sendData(0, 3, "third chunk");
    SackChunk sack = peer.expectSack();
    assertThat(sack.cumulativeTsnAck()).isEqualTo(last);
    assertThat(sack.gapAckBlocks()).isEmpty();
    peer.expectNoPacket();
    assertThat(peer.receivedStrings()).containsExactly("first", "two", "chunks", "third chunk");
  }

  @Test
  void a_o_9_3_acknowledgesOutOfOrderDataAtOnceWithAGapBlock() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    int t = peer.sendData(0, 0, "zero");
    peer.expectSack();
    peer.advance(1000 * MS);
    peer.nextTsn++; // t + 1 is "lost"
    peer.sendData(0, 2, "two");
    // Section 6.7: a gap is reported at once, as a block relative to the cumulative TSN.
    SackChunk sack = peer.expectSack();
    assertThat(sack.cumulativeTsnAck()).isEqualTo(t);
    assertThat(sack.gapAckBlocks()).containsExactly(ScriptedPeer.gap(2, 2));
    // The hole is filled: that too is acknowledged at once (every packet until the gap closes).
    peer.send(
        new org.jsctp.wire.DataChunk(
            false, false, true, true, t + 1, 0, 1, 0, org.jsctp.wire.Bytes.wrap("one".getBytes())));
    SackChunk filled = peer.expectSack();
    assertThat(filled.cumulativeTsnAck()).isEqualTo(t + 2);
    assertThat(filled.gapAckBlocks()).isEmpty();
    assertThat(peer.receivedStrings()).containsExactly("zero", "one", "two");
  }
}
