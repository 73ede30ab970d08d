package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;

import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.association.AssociationState;
import org.jsctp.config.Sysctl;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.HeartbeatAckChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.ShutdownChunk;
import org.jsctp.wire.ShutdownCompleteChunk;
import org.jsctp.wire.StaleCookieCause;
import org.junit.jupiter.api.Test;

/**
 * RFC 9260 section 8.5.1 (the T bit of ABORT and SHUTDOWN COMPLETE) and section 8.4 (the
 * out-of-the-blue rules, applied in their order). ETSI TS 102 369 covers parts of this in IMH and
 * FH; these scenarios check each rule on its own.
 */
class TagAndOutOfTheBlueRulesTest {

  private static void stillAlive(ScriptedPeer peer) {
    peer.send(HeartbeatChunk.of(Bytes.wrap(new byte[] {3})));
    peer.nextPacketToPeer().only(HeartbeatAckChunk.class);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  // ---- section 8.5.1 B: ABORT ------------------------------------------------------------

  @Test
  void acceptsAnAbortWithTheTBitCarryingThePeersOwnTag() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.sendWithTag(peer.peerTag, new AbortChunk(true, List.of()));
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.COMM_LOST);
    assertThat(peer.endpoint().associations()).isEmpty();
  }

  @Test
  void discardsAnAbortWithTheTBitCarryingOurTag() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.send(new AbortChunk(true, List.of()));
    peer.expectNoPacket();
    stillAlive(peer);
  }

  @Test
  void discardsAnAbortWithoutTheTBitCarryingThePeersOwnTag() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.sendWithTag(peer.peerTag, new AbortChunk(false, List.of()));
    peer.expectNoPacket();
    stillAlive(peer);
  }

  // ---- section 8.5.1 C: SHUTDOWN COMPLETE ------------------------------------------------

  @Test
  void acceptsAShutdownCompleteWithTheTBitCarryingThePeersOwnTag() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.send(new ShutdownChunk(peer.iutInitialTsn - 1));
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
    peer.sendWithTag(peer.peerTag, new ShutdownCompleteChunk(true));
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.SHUTDOWN_COMP);
  }

  @Test
  void discardsAShutdownCompleteWithTheTBitCarryingOurTag() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.send(new ShutdownChunk(peer.iutInitialTsn - 1));
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
    peer.send(new ShutdownCompleteChunk(true));
    peer.expectNoPacket();
    assertThat(peer.association.state()).isEqualTo(AssociationState.SHUTDOWN_ACK_SENT);
  }

  @Test
  void ignoresAShutdownCompleteOutsideShutdownAckSent() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.send(new ShutdownCompleteChunk(false));
    peer.expectNoPacket();
    stillAlive(peer);
  }

  // ---- section 8.4, in order -------------------------------------------------------------

  @Test
  void rule2_neverAnswersAnAbortEvenBundledWithAShutdownAck() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.sendWithTag(0x4444_0001, new ShutdownAckChunk(), new AbortChunk(false, List.of()));
    peer.expectSilenceFor(1 * SECONDS);
  }

  @Test
  void rule3_refusesAnInitWhenNotListeningWithAnAbortCarryingTheInitiateTag() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.sendWithTag(0, new InitChunk(0x4444_0002, 65535, 10, 10, 1, List.of()));
    AbortChunk abort = peer.nextPacket().toPeer().withTag(0x4444_0002).only(AbortChunk.class);
    assertThat(abort.reflectedTag()).isFalse();
    assertThat(peer.endpoint().associations()).isEmpty();
  }

  @Test
  void rule3_refusesAnInitForAnUnboundSctpPortOnItsUdpPortFromThatPort() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    int unbound = ScriptedPeer.IUT_PORT + 1;
    peer.sendPacket(ScriptedPeer.PEER_PORT, unbound, 0,
        new InitChunk(0x4444_0009, 65535, 10, 10, 1, List.of()));
    ScriptedPeer.Sent sent = peer.nextPacket().withTag(0x4444_0009);
    assertThat(sent.only(AbortChunk.class).reflectedTag()).isFalse();
    assertThat(sent.packet().header().sourcePort()).isEqualTo(unbound);
    assertThat(sent.packet().header().destinationPort()).isEqualTo(ScriptedPeer.PEER_PORT);
    assertThat(peer.endpoint().associations()).isEmpty();
    assertThat(peer.endpoint().counters().get(MibCounter.SCTP_OUT_OF_BLUES)).isEqualTo(1);
  }

  @Test
  void rule5_answersAShutdownAckEvenBundledBehindACookieAck() {
    ScriptedPeer peer = new ScriptedPeer();
    // Rule 5 comes before rule 7: the SHUTDOWN ACK decides, whatever its position.
    peer.sendWithTag(0x4444_0003, new CookieAckChunk(), new ShutdownAckChunk());
    ShutdownCompleteChunk complete =
        peer.nextPacket().toPeer().withTag(0x4444_0003).only(ShutdownCompleteChunk.class);
    assertThat(complete.reflectedTag()).isTrue();
  }

  @Test
  void rule7_discardsAStaleCookieErrorOrACookieAck() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.sendWithTag(0x4444_0004, new ErrorChunk(List.of(new StaleCookieCause(1000))));
    peer.sendWithTag(0x4444_0004, new CookieAckChunk());
    peer.expectSilenceFor(1 * SECONDS);
    assertThat(peer.endpoint().counters().get(MibCounter.SCTP_OUT_OF_BLUES)).isEqualTo(2);
  }

  @Test
  void rule8_answersAnythingElseWithAnAbortReflectingTheTag() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.sendWithTag(0x4444_0005, ScriptedPeer.sack(5));
    AbortChunk abort = peer.nextPacket().toPeer().withTag(0x4444_0005).only(AbortChunk.class);
    assertThat(abort.reflectedTag()).isTrue();
    peer.sendWithTag(0x4444_0006, new ErrorChunk(List.of()));
    assertThat(peer.nextPacket().withTag(0x4444_0006).only(AbortChunk.class).reflectedTag())
        .isTrue();
  }

  @Test
  void rule8_canBeSwitchedOffForPeersBehindNats() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.OOTB_ABORT, 0));
    peer.sendWithTag(0x4444_0007, new SackChunk(5, 1500, List.of(), List.of()));
    peer.sendWithTag(0x4444_0007, HeartbeatChunk.of(Bytes.wrap(new byte[] {1})));
    peer.expectSilenceFor(1 * SECONDS);
    // Rule 5 still applies: a SHUTDOWN ACK is answered.
    peer.sendWithTag(0x4444_0008, new ShutdownAckChunk());
    peer.nextPacket().withTag(0x4444_0008).only(ShutdownCompleteChunk.class);
  }
}
