package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;

import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.ShutdownReceived;
import org.jsctp.association.AssociationState;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.HeartbeatAckChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.ShutdownChunk;
import org.jsctp.wire.ShutdownCompleteChunk;
import org.jsctp.wire.StateCookieParameter;
import org.junit.jupiter.api.Test;

/**
 * ETSI TS 102 369 group DM, duplicate (and otherwise inopportune) control messages: INIT, INIT ACK,
 * COOKIE ACK, COOKIE ECHO, SHUTDOWN, SHUTDOWN ACK, SHUTDOWN COMPLETE and DATA in states where they
 * are not expected (RFC 9260 sections 5.2, 8.4, 8.5.1 and 9.2).
 */
class DuplicateMessagesTest {

  private static void heartbeatIsAnswered(ScriptedPeer peer) {
    peer.send(HeartbeatChunk.of(Bytes.wrap(new byte[] {7, 7, 7})));
    peer.nextPacketToPeer().only(HeartbeatAckChunk.class);
  }

  @Test
  void dm_o_4_1_answersInitInCookieWaitWithItsOriginalTagAndParameters() {
    ScriptedPeer peer = new ScriptedPeer();
    InitChunk ours = peer.connect();
    long sentAt = peer.now();
    peer.advance(300 * ScriptedPeer.MS);
    peer.sendWithTag(0, new InitChunk(0x2222_0001, 65535, 10, 10, 77, List.of()));
    // Section 5.2.1: an INIT ACK with the original tag and parameters; no state change.
    InitAckChunk ack = peer.nextPacket().toPeer().withTag(0x2222_0001).only(InitAckChunk.class);
    assertThat(ack.initiateTag()).isEqualTo(ours.initiateTag());
    assertThat(ack.initialTsn()).isEqualTo(ours.initialTsn());
    assertThat(ack.stateCookie()).isPresent();
    assertThat(peer.association.state()).isEqualTo(AssociationState.COOKIE_WAIT);
    // T1-init keeps running from the original INIT.
    Sent again = peer.awaitPacket(5 * SECONDS);
    assertThat(again.only(InitChunk.class)).isEqualTo(ours);
    assertThat(again.at() - sentAt).isEqualTo(1 * SECONDS);
  }

  @Test
  void dm_o_4_2_1_answersInitInEstablishedAndKeepsTheAssociation() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.sendWithTag(0, new InitChunk(0x2222_0002, 65535, 10, 10, 77, List.of()));
    InitAckChunk ack = peer.nextPacket().toPeer().withTag(0x2222_0002).only(InitAckChunk.class);
    assertThat(ack.initiateTag()).isNotEqualTo(peer.iutTag);
    heartbeatIsAnswered(peer);
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void dm_o_4_2_2_answersInitInShutdownAckSentWithShutdownAck() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.send(new ShutdownChunk(peer.iutInitialTsn - 1));
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
    peer.sendWithTag(0, new InitChunk(0x2222_0003, 65535, 10, 10, 77, List.of()));
    // Section 9.2: the INIT is discarded and the SHUTDOWN ACK sent again.
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
    peer.expectNoPacket();
    assertThat(peer.association.state()).isEqualTo(AssociationState.SHUTDOWN_ACK_SENT);
  }

  @Test
  void dm_o_4_3_discardsAnInitAckInCookieEchoed() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.connect();
    peer.sendInitAck(peer.initAck());
    peer.expectCookieEcho();
    peer.sendInitAck(
        peer.initAck(
            10, 10, 65535, List.of(new StateCookieParameter(Bytes.wrap("second".getBytes())))));
    // Section 5.2.3: discarded; the retransmission still carries the first cookie.
    peer.expectNoPacket();
    assertThat(peer.awaitPacket(5 * SECONDS).only(CookieEchoChunk.class).cookie())
        .isEqualTo(ScriptedPeer.TESTER_COOKIE);
  }

  @Test
  void dm_o_4_4_discardsACookieAckInEstablished() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.send(new CookieAckChunk());
    // Section 5.2.5: discarded.
    peer.expectNoPacket();
    heartbeatIsAnswered(peer);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void dm_o_4_5_answersShutdownInShutdownSentWithShutdownAck() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userShutdown();
    peer.nextPacketToPeer().only(ShutdownChunk.class);
    peer.send(new ShutdownChunk(peer.iutInitialTsn - 1));
    // Section 9.2: both sides shut down at once.
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
    assertThat(peer.association.state()).isEqualTo(AssociationState.SHUTDOWN_ACK_SENT);
    assertThat(peer.events(ShutdownReceived.class)).hasSize(1);
    peer.send(new ShutdownCompleteChunk(false));
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.SHUTDOWN_COMP);
    peer.expectSilenceFor(60 * SECONDS);
  }

  @Test
  void dm_o_4_6_1_ignoresAShutdownInCookieWait() {
    ScriptedPeer peer = new ScriptedPeer();
    InitChunk init = peer.connect();
    peer.send(new ShutdownChunk(init.initialTsn() - 1));
    peer.expectNoPacket();
    assertThat(peer.association.state()).isEqualTo(AssociationState.COOKIE_WAIT);
    assertThat(peer.awaitPacket(5 * SECONDS).only(InitChunk.class)).isEqualTo(init);
  }

  @Test
  void dm_o_4_6_2_answersAShutdownWithoutAssociationWithAbort() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    peer.sendWithTag(0x5555_0001, new ShutdownChunk(12345));
    // Section 8.4 rule 8: ABORT reflecting the tag, T bit set.
    AbortChunk abort = peer.nextPacket().toPeer().withTag(0x5555_0001).only(AbortChunk.class);
    assertThat(abort.reflectedTag()).isTrue();
  }

  @Test
  void dm_o_4_6_3_answersAShutdownInShutdownSentAndRestartsT2ForTheShutdownAck() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userShutdown();
    peer.nextPacketToPeer().only(ShutdownChunk.class);
    peer.advance(600 * ScriptedPeer.MS);
    peer.send(new ShutdownChunk(peer.iutInitialTsn - 1));
    Sent ack = peer.nextPacketToPeer();
    ack.only(ShutdownAckChunk.class);
    // T2 now guards the SHUTDOWN ACK: no SHUTDOWN at the old deadline, a SHUTDOWN ACK one RTO
    // later.
    Sent again = peer.awaitPacket(5 * SECONDS).toPeer();
    again.only(ShutdownAckChunk.class);
    assertThat(again.at() - ack.at()).isEqualTo(1 * SECONDS);
  }

  @Test
  void dm_o_4_7_1_answersAShutdownAckInCookieWaitAsOutOfTheBlue() {
    ScriptedPeer peer = new ScriptedPeer();
    InitChunk init = peer.connect();
    peer.send(new ShutdownAckChunk());
    // Section 8.5.1 C and 8.4 rule 5: SHUTDOWN COMPLETE with the T bit, reflecting the tag.
    ShutdownCompleteChunk complete =
        peer.nextPacket().toPeer().withTag(peer.iutTag).only(ShutdownCompleteChunk.class);
    assertThat(complete.reflectedTag()).isTrue();
    assertThat(peer.association.state()).isEqualTo(AssociationState.COOKIE_WAIT);
    assertThat(peer.awaitPacket(5 * SECONDS).only(InitChunk.class)).isEqualTo(init);
  }

  @Test
  void dm_o_4_7_2_ignoresAShutdownAckInEstablished() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.send(new ShutdownAckChunk());
    peer.expectNoPacket();
    heartbeatIsAnswered(peer);
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
  }

  @Test
  void dm_o_4_7_3_answersAShutdownAckInShutdownAckSentWithShutdownComplete() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.send(new ShutdownChunk(peer.iutInitialTsn - 1));
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
    peer.send(new ShutdownAckChunk());
    // Section 9.2: stop T2, send SHUTDOWN COMPLETE (own TCB: peer's tag, T bit clear), close.
    ShutdownCompleteChunk complete = peer.nextPacketToPeer().only(ShutdownCompleteChunk.class);
    assertThat(complete.reflectedTag()).isFalse();
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.SHUTDOWN_COMP);
    AssociationTerminationTest.assertGone(peer);
  }

  @Test
  void dm_o_4_8_ignoresACookieEchoWithABadMacInEstablished() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    InitAckChunk ack = peer.sendInitExpectInitAck(peer.init());
    byte[] cookie = ack.stateCookie().orElseThrow().toByteArray();
    peer.send(new CookieEchoChunk(Bytes.wrap(cookie)));
    peer.nextPacketToPeer().only(CookieAckChunk.class);
    peer.association = peer.endpoint().associations().iterator().next();
    cookie[cookie.length - 1] ^= 0x40;
    peer.send(new CookieEchoChunk(Bytes.wrap(cookie)));
    peer.expectNoPacket();
    heartbeatIsAnswered(peer);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void dm_o_4_9_ignoresAShutdownCompleteInCookieWait() {
    ScriptedPeer peer = new ScriptedPeer();
    InitChunk init = peer.connect();
    peer.send(new ShutdownCompleteChunk(false));
    // Section 8.5.1 C: ignored outside SHUTDOWN-ACK-SENT.
    peer.expectNoPacket();
    assertThat(peer.association.state()).isEqualTo(AssociationState.COOKIE_WAIT);
    assertThat(peer.awaitPacket(5 * SECONDS).only(InitChunk.class)).isEqualTo(init);
    assertThat(peer.associationChanges()).isEmpty();
  }

  @Test
  void dm_o_4_10_discardsDataInShutdownAckSent() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.send(new ShutdownChunk(peer.iutInitialTsn - 1));
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
    peer.sendData(0, 0, "after the SHUTDOWN");
    peer.expectNoPacket();
    assertThat(peer.received()).isEmpty();
    assertThat(peer.association.state()).isEqualTo(AssociationState.SHUTDOWN_ACK_SENT);
  }
}
