package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.SendFailed;
import org.jsctp.association.AssociationState;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.CookieReceivedWhileShuttingDownCause;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.HeartbeatAckChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.ShutdownChunk;
import org.junit.jupiter.api.Test;

/**
 * RFC 9260 section 5.2.4, a COOKIE ECHO for an association that exists, table cases A to D (and the
 * peer restart notification). ETSI TS 102 369 has no purposes for these; they complete the setup
 * group. The tester plays the peer that restarts, collides or repeats itself.
 */
class CookieCollisionTest {

  private static final int NEW_PEER_TAG = 0x3333_0002;

  @Test
  void caseA_rebuildsTheAssociationWhenThePeerRestartsAndReportsRestart() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    int oldIutTag = peer.iutTag;
    peer.userSend(0, "lost in the restart".getBytes());
    peer.nextPacketToPeer().only(DataChunk.class);
    // The peer restarts: a new INIT with a new tag from the same address (section 5.2.2)...
    peer.sendWithTag(0, new InitChunk(NEW_PEER_TAG, 65535, 10, 10, 9000, List.of()));
    InitAckChunk ack = peer.nextPacket().toPeer().withTag(NEW_PEER_TAG).only(InitAckChunk.class);
    // ...and echoes the cookie, whose tie-tags name the old association: case A.
    peer.sendWithTag(ack.initiateTag(), new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    peer.nextPacket().toPeer().withTag(NEW_PEER_TAG).only(CookieAckChunk.class);
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.RESTART);
    assertThat(peer.events(SendFailed.class))
        .extracting(SendFailed::data)
        .containsExactly(Bytes.wrap("lost in the restart".getBytes()));
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(peer.association.localTag()).isEqualTo(ack.initiateTag()).isNotEqualTo(oldIutTag);
    assertThat(peer.association.peerTag()).isEqualTo(NEW_PEER_TAG);
    // The rebuilt association uses the new TSNs both ways.
    peer.peerTag = NEW_PEER_TAG;
    peer.iutTag = ack.initiateTag();
    peer.nextTsn = 9000;
    peer.sendData(0, 0, "after the restart");
    assertThat(peer.expectSack().cumulativeTsnAck()).isEqualTo(9000);
    peer.userSend(0, "fresh".getBytes());
    assertThat(peer.nextPacketToPeer().only(DataChunk.class).tsn()).isEqualTo(ack.initialTsn());
    // The old tag is dead.
    peer.sendWithTag(oldIutTag, HeartbeatChunk.of(Bytes.wrap(new byte[] {1})));
    peer.expectNoPacket();
  }

  @Test
  void caseA_aRestartLeavesNothingInFlightSoThatTheNewTcbSendsAFullWindow() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.options().setNodelay(true);
    peer.establishPassive();
    // Fill the initial congestion window (section 7.2.1) with data the restart will fail.
    for (int i = 0; i < 4; i++) {
      peer.userSend(0, new byte[1400]);
    }
    assertThat(peer.takeAll()).isNotEmpty();
    assertThat(peer.association.options().peerAddressInfos().get(0).flightSize()).isPositive();
    peer.sendWithTag(0, new InitChunk(NEW_PEER_TAG, 65535, 10, 10, 9000, List.of()));
    InitAckChunk ack = peer.nextPacket().only(InitAckChunk.class);
    peer.sendWithTag(ack.initiateTag(), new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    peer.nextPacket().only(CookieAckChunk.class);
    assertThat(peer.associationChanges()).endsWith(AssociationChange.Kind.RESTART);
    // The old TSNs are gone with the old TCB, and so is their share of the path's flight.
    assertThat(peer.association.options().peerAddressInfos().get(0).flightSize()).isZero();
    // The new TCB starts with the initial window: three chunks of 1400 bytes go at once.
    for (int i = 0; i < 3; i++) {
      peer.userSend(0, new byte[1400]);
    }
    List<Integer> tsns = new ArrayList<>();
    for (Sent s : peer.takeAll()) {
      s.all(DataChunk.class).forEach(d -> tsns.add(d.tsn()));
    }
    assertThat(tsns).containsExactly(ack.initialTsn(), ack.initialTsn() + 1, ack.initialTsn() + 2);
  }

  @Test
  void caseA_inShutdownAckSentResendsShutdownAckWithErrorCause10InsteadOfRestarting() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.sendWithTag(0, new InitChunk(NEW_PEER_TAG, 65535, 10, 10, 9000, List.of()));
    InitAckChunk ack = peer.nextPacket().only(InitAckChunk.class);
    peer.send(new ShutdownChunk(peer.iutInitialTsn - 1));
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
    peer.sendWithTag(ack.initiateTag(), new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    Sent reply = peer.nextPacketToPeer();
    assertThat(reply.chunks().get(0)).isInstanceOf(ShutdownAckChunk.class);
    assertThat(reply.first(ErrorChunk.class).cause(CookieReceivedWhileShuttingDownCause.class))
        .isPresent();
    assertThat(peer.association.state()).isEqualTo(AssociationState.SHUTDOWN_ACK_SENT);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void caseB_completesACollisionByTakingThePeerTagFromTheCookie() {
    ScriptedPeer peer = new ScriptedPeer();
    InitChunk ours = peer.connect();
    // Both sides sent INIT. The IUT answers the tester's with its own tag (section 5.2.1).
    peer.sendWithTag(0, new InitChunk(NEW_PEER_TAG, 65535, 10, 10, 9000, List.of()));
    InitAckChunk ack = peer.nextPacket().withTag(NEW_PEER_TAG).only(InitAckChunk.class);
    assertThat(ack.initiateTag()).isEqualTo(ours.initiateTag());
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    // Case B: the local tag matches; the peer's comes from the cookie.
    peer.nextPacket().toPeer().withTag(NEW_PEER_TAG).only(CookieAckChunk.class);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(peer.association.peerTag()).isEqualTo(NEW_PEER_TAG);
    // T1-init is stopped: no INIT any more.
    peer.expectSilenceFor(120 * SECONDS);
  }

  @Test
  void caseC_dropsALateCookieSilently() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    InitAckChunk first = peer.sendInitExpectInitAck(peer.init());
    InitAckChunk second = peer.sendInitExpectInitAck(peer.init());
    assertThat(second.initiateTag()).isNotEqualTo(first.initiateTag());
    peer.send(new CookieEchoChunk(second.stateCookie().orElseThrow()));
    peer.nextPacketToPeer().only(CookieAckChunk.class);
    // The first cookie arrives late: its local tag differs, the peer tag matches, no tie-tags.
    peer.sendWithTag(first.initiateTag(), new CookieEchoChunk(first.stateCookie().orElseThrow()));
    peer.expectNoPacket();
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
    assertThat(peer.endpoint().associations()).hasSize(1);
    assertThat(peer.endpoint().associations().iterator().next().localTag())
        .isEqualTo(second.initiateTag());
  }

  @Test
  void caseD_answersADuplicateCookieEchoWithCookieAckAndNothingElse() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    InitAckChunk ack = peer.sendInitExpectInitAck(peer.init());
    CookieEchoChunk echo = new CookieEchoChunk(ack.stateCookie().orElseThrow());
    peer.send(echo);
    peer.nextPacketToPeer().only(CookieAckChunk.class);
    peer.association = peer.endpoint().associations().iterator().next();
    peer.sendData(0, 0, "before the duplicate");
    peer.expectSack();
    peer.send(echo);
    peer.nextPacketToPeer().only(CookieAckChunk.class);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
    // Nothing was reset: the stream goes on at SSN 1.
    peer.sendData(0, 1, "after the duplicate");
    assertThat(peer.receivedStrings())
        .containsExactly("before the duplicate", "after the duplicate");
  }

  @Test
  void caseD_acceptsAStaleDuplicateCookieWhoseTagsBothMatch() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    InitAckChunk ack = peer.sendInitExpectInitAck(peer.init());
    CookieEchoChunk echo = new CookieEchoChunk(ack.stateCookie().orElseThrow());
    peer.send(echo);
    peer.nextPacketToPeer().only(CookieAckChunk.class);
    peer.association = peer.endpoint().associations().iterator().next();
    peer.advance(120 * SECONDS);
    // Section 5.2.4: with both tags matching the cookie is not checked for staleness.
    peer.send(echo);
    peer.nextPacketToPeer().only(CookieAckChunk.class);
    peer.send(HeartbeatChunk.of(Bytes.wrap(new byte[] {5})));
    peer.nextPacketToPeer().only(HeartbeatAckChunk.class);
  }
}
