package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.testkit.ScriptedPeer.MS;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;
import static org.jsctp.testkit.ScriptedPeer.sack;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.DataChunk;
import org.junit.jupiter.api.Test;

/**
 * ETSI TS 102 369 group RT, the retransmission timer (RFC 9260 sections 6.3.1 to 6.3.3): T3-rtx
 * backs off exponentially up to RTO.Max, and a fresh measurement (never from a retransmitted chunk,
 * Karn's rule) brings it back.
 */
class RetransmissionTimerTest {

  @Test
  void rt_i_11_1_doublesTheRetransmissionTimeoutUpToRtoMaxAndRecoversOnAFreshMeasurement() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.rtoMaxMillis(4000));
    peer.establishActive();
    peer.userSend(0, "lost a few times".getBytes());
    DataChunk data = peer.nextPacketToPeer().only(DataChunk.class);
    List<Long> gaps = new ArrayList<>();
    long previous = peer.now();
    for (int i = 0; i < 5; i++) {
      Sent last = peer.awaitPacket(10 * SECONDS);
      assertThat(last.only(DataChunk.class).tsn()).isEqualTo(data.tsn());
      gaps.add((last.at() - previous) / MS);
      previous = last.at();
    }
    assertThat(gaps).containsExactly(1000L, 2000L, 4000L, 4000L, 4000L);
    // The SACK of a retransmitted chunk is no RTT sample (Karn): the backed-off RTO stays.
    peer.advance(100 * MS);
    peer.send(sack(data.tsn()));
    peer.userSend(0, "still slow".getBytes());
    Sent slow = peer.nextPacketToPeer();
    DataChunk slowData = slow.only(DataChunk.class);
    assertThat(peer.awaitPacket(10 * SECONDS).at() - slow.at()).isEqualTo(4 * SECONDS);
    peer.send(sack(slowData.tsn()));
    // A chunk sent once and acknowledged after 100 ms is a sample: the RTO falls to RTO.Min (1 s).
    peer.userSend(0, "timed".getBytes());
    DataChunk timed = peer.nextPacketToPeer().only(DataChunk.class);
    peer.advance(100 * MS);
    peer.send(sack(timed.tsn()));
    peer.userSend(0, "after the sample".getBytes());
    Sent fresh = peer.nextPacketToPeer();
    fresh.only(DataChunk.class);
    assertThat(peer.awaitPacket(10 * SECONDS).at() - fresh.at()).isEqualTo(1 * SECONDS);
  }

  @Test
  void t3RtxOfAMessageSentAfterALongSilenceRunsOneRtoFromItsSending() {
    // Nothing reaches the endpoint for a minute (no heartbeats, no timers): its last input is
    // old, but T3-rtx counts from the send the application made now.
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.advance(60 * SECONDS);
    peer.userSend(0, "after a minute".getBytes());
    Sent data = peer.nextPacketToPeer();
    data.only(DataChunk.class);
    assertThat(peer.awaitPacket(10 * SECONDS).at() - data.at()).isEqualTo(1 * SECONDS);
  }
}
