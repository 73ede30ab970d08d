package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.testkit.ScriptedPeer.MS;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.SendFailed;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.HeartbeatAckChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.PadChunk;
import org.jsctp.wire.ShutdownChunk;
import org.jsctp.wire.UserInitiatedAbortCause;
import org.junit.jupiter.api.Test;

/**
 * RFC 9260 rules around termination and liveness that ETSI TS 102 369 leaves out: the ABORT the
 * application asks for (section 9.1, cause 12), the T5-shutdown-guard (section 9.2), and heartbeats
 * on an idle path with the association error counter they feed (sections 8.1 and 8.3).
 */
class AbortAndHeartbeatRulesTest {

  @Test
  void sendsAnAbortWithCause12AndReportsUnsentDataWhenTheApplicationAborts() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userSend(0, "in flight".getBytes());
    peer.nextPacketToPeer().only(DataChunk.class);
    peer.userSend(0, "queued".getBytes());
    peer.userAbort(Bytes.wrap("going away".getBytes()));
    AbortChunk abort = peer.nextPacketToPeer().only(AbortChunk.class);
    assertThat(abort.reflectedTag()).isFalse();
    assertThat(abort.cause(UserInitiatedAbortCause.class).orElseThrow().reason())
        .isEqualTo(Bytes.wrap("going away".getBytes()));
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.COMM_LOST);
    assertThat(peer.events(SendFailed.class))
        .extracting(SendFailed::data)
        .containsExactlyInAnyOrder(
            Bytes.wrap("in flight".getBytes()), Bytes.wrap("queued".getBytes()));
    AssociationTerminationTest.assertGone(peer);
  }

  @Test
  void abortsAShutdownThatNeverCompletesWhenT5Expires() {
    // RTO.Max 1 s: T5 = 5 * RTO.Max = 5 s, long before Association.Max.Retrans (100) runs out.
    ScriptedPeer peer = ScriptedPeer.with(b -> b.rtoMaxMillis(1000).associationMaxRetrans(100));
    peer.establishActive();
    long start = peer.now();
    peer.userShutdown();
    peer.nextPacketToPeer().only(ShutdownChunk.class);
    peer.advanceTo(start + 5 * SECONDS - 1);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
    peer.takeAll(); // SHUTDOWN retransmissions
    peer.advance(1);
    AbortChunk abort = null;
    for (Sent s : peer.takeAll()) {
      if (s.has(AbortChunk.class)) {
        abort = s.toPeer().withTag(peer.peerTag).first(AbortChunk.class);
      }
    }
    assertThat(abort).as("the ABORT at T5 expiry").isNotNull();
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.COMM_LOST);
  }

  @Test
  void keepsShuttingDownPastAssociationMaxRetransWhileThePeerStillSendsData() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.associationMaxRetrans(3));
    peer.establishActive();
    peer.userShutdown();
    peer.nextPacketToPeer().only(ShutdownChunk.class);
    for (int i = 0; i < 6; i++) {
      // T2 expires once (backing off): the SHUTDOWN goes again...
      peer.awaitPacket(120 * SECONDS).only(ShutdownChunk.class);
      // ...then the peer, still flushing its queue, sends DATA (section 9.2: any packet from the
      // peer clears the retransmission count and restarts T2).
      peer.sendData(0, i, "queued " + i);
      assertThat(peer.nextPacketToPeer().first(ShutdownChunk.class).cumulativeTsnAck())
          .isEqualTo(peer.nextTsn - 1);
    }
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
    assertThat(peer.receivedStrings()).hasSize(6);
    peer.send(new org.jsctp.wire.ShutdownAckChunk());
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.SHUTDOWN_COMP);
  }

  @Test
  void answersAPeersPathMtuProbeWithAHeartbeatAckAndIgnoresItsPadChunk() {
    // RFC 8899 section 6.2: a peer's probe is a HEARTBEAT padded with PAD; RFC 4820 section 3:
    // PAD is discarded, not reported as an unrecognized chunk.
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    Bytes info = Bytes.wrap("the peer's probe".getBytes());
    peer.send(HeartbeatChunk.of(info), PadChunk.ofLength(1200));
    Sent reply = peer.nextPacketToPeer();
    assertThat(reply.only(HeartbeatAckChunk.class).info()).contains(info);
    peer.expectNoPacket();
  }

  @Test
  void sendsHeartbeatsOnAnIdlePathAndKeepsGoingWhileTheyAreAnswered() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.options().setHeartbeatEnabled(true);
    peer.establishActive();
    long previous = peer.now();
    for (int i = 0; i < 3; i++) {
      Sent s = peer.awaitPacket(60 * SECONDS).toPeer().withTag(peer.peerTag);
      HeartbeatChunk hb = s.only(HeartbeatChunk.class);
      // Section 8.3: every RTO + HB.interval (30 s), jittered by up to half an RTO.
      assertThat(s.at() - previous).isBetween(30_500 * MS, 31_500 * MS);
      previous = s.at();
      peer.advance(10 * MS);
      peer.send(new HeartbeatAckChunk(hb.parameters()));
      assertThat(peer.association.errorCount()).isZero();
    }
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void losesTheAssociationWhenHeartbeatsGoUnansweredBeyondAssociationMaxRetrans() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.associationMaxRetrans(2));
    peer.options().setHeartbeatEnabled(true);
    peer.establishActive();
    List<Sent> heartbeats = new ArrayList<>();
    long[] lostAt = {-1};
    for (int i = 0; i < 100 && lostAt[0] < 0; i++) {
      peer.advanceTo(peer.nextDeadline());
      for (Sent s : peer.takeAll()) {
        if (s.has(HeartbeatChunk.class)) {
          // One heartbeat per RTO: never two at once (RFC 7829 section 3.2 rules 5 and 6).
          assertThat(s.all(HeartbeatChunk.class))
              .as("heartbeats in the packet at %d", s.at())
              .hasSize(1);
          heartbeats.add(s);
        }
      }
      if (peer.associationChanges().size() > 1) {
        lostAt[0] = peer.now();
      }
    }
    // Section 8.1: each unanswered heartbeat is an error; the third exceeds 2. The RTO doubles
    // after each loss (1 s, 2 s, 4 s).
    List<Long> sentBefore = heartbeats.stream().map(Sent::at).filter(t -> t < lostAt[0]).toList();
    assertThat(sentBefore).hasSize(3);
    assertThat(sentBefore.get(1) - sentBefore.get(0)).isEqualTo(1 * SECONDS);
    assertThat(sentBefore.get(2) - sentBefore.get(1)).isEqualTo(2 * SECONDS);
    assertThat(lostAt[0] - sentBefore.get(2)).isEqualTo(4 * SECONDS);
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.COMM_LOST);
    assertThat(peer.endpoint().associations()).isEmpty();
  }
}
