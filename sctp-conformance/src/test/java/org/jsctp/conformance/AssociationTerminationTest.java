package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.testkit.ScriptedPeer.MS;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.ShutdownReceived;
import org.jsctp.association.AssociationState;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.api.SendOutcome;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.Ipv4AddressParameter;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.ShutdownChunk;
import org.jsctp.wire.ShutdownCompleteChunk;
import org.jsctp.wire.UserInitiatedAbortCause;
import org.junit.jupiter.api.Test;

/**
 * ETSI TS 102 369 group AT, association termination (RFC 9260 sections 9.1 and 9.2): ABORT
 * received, graceful shutdown from each side through every SHUTDOWN-* state, T2-shutdown
 * retransmission bounded by Association.Max.Retrans, and user data refused once a shutdown has
 * begun. The public ports of the suite number this group from 2/2.
 */
class AssociationTerminationTest {

  /**
   * The association is gone: a HEARTBEAT with its old tag is out of the blue (section 8.4 rule 8).
   */
  static void assertGone(ScriptedPeer peer) {
    assertThat(peer.endpoint().associations()).isEmpty();
    peer.send(HeartbeatChunk.of(Bytes.wrap(new byte[] {9, 9})));
    AbortChunk abort = peer.nextPacket().toPeer().withTag(peer.iutTag).only(AbortChunk.class);
    assertThat(abort.reflectedTag()).isTrue();
  }

  @Test
  void at_v_2_2_removesTheAssociationWhenAnAbortArrives() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    UserInitiatedAbortCause why = new UserInitiatedAbortCause(Bytes.wrap("bye".getBytes()));
    peer.send(new AbortChunk(false, List.of(why)));
    // Section 9.1: no reply, the TCB is removed, the user learns why.
    peer.expectNoPacket();
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.COMM_LOST);
    assertThat(peer.events(AssociationChange.class).get(1).causes()).containsExactly(why);
    assertGone(peer);
  }

  @Test
  void at_i_2_3_sendsShutdownOnlyOnceOutstandingDataIsAcknowledged() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userSend(0, "pending".getBytes());
    DataChunk data = peer.nextPacketToPeer().only(DataChunk.class);
    peer.userShutdown();
    assertThat(peer.association.state()).isEqualTo(AssociationState.SHUTDOWN_PENDING);
    peer.expectNoPacket();
    // T3-rtx fires: the DATA goes again, still no SHUTDOWN.
    assertThat(peer.awaitPacket(5 * SECONDS).toPeer().only(DataChunk.class).tsn())
        .isEqualTo(data.tsn());
    peer.send(ScriptedPeer.sack(data.tsn()));
    ShutdownChunk shutdown = peer.nextPacketToPeer().only(ShutdownChunk.class);
    assertThat(shutdown.cumulativeTsnAck()).isEqualTo(ScriptedPeer.DEFAULT_PEER_TSN - 1);
    assertThat(peer.association.state()).isEqualTo(AssociationState.SHUTDOWN_SENT);
  }

  @Test
  void at_i_2_4_retransmitsShutdownWhenT2Expires() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userShutdown();
    Sent first = peer.nextPacketToPeer();
    first.only(ShutdownChunk.class);
    Sent second = peer.awaitPacket(10 * SECONDS).toPeer();
    second.only(ShutdownChunk.class);
    Sent third = peer.awaitPacket(10 * SECONDS).toPeer();
    third.only(ShutdownChunk.class);
    assertThat((second.at() - first.at()) / MS).isEqualTo(1000);
    assertThat((third.at() - second.at()) / MS).isEqualTo(2000);
  }

  @Test
  void at_i_2_5_givesUpShutdownAfterAssociationMaxRetrans() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.associationMaxRetrans(3));
    peer.establishActive();
    peer.userShutdown();
    peer.nextPacketToPeer().only(ShutdownChunk.class);
    for (int i = 0; i < 3; i++) {
      peer.awaitPacket(60 * SECONDS).toPeer().only(ShutdownChunk.class);
    }
    peer.advance(120 * SECONDS);
    // Section 9.2: beyond Association.Max.Retrans the TCB goes and the user hears of it.
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.COMM_LOST);
    assertThat(peer.sentLog().stream().filter(s -> s.has(ShutdownChunk.class)).count())
        .isEqualTo(4);
    peer.discardOutbox(); // an ABORT is allowed
    assertGone(peer);
  }

  @Test
  void at_v_2_6_shutsDownGracefullyWhenItsApplicationAsks() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    int tsn = peer.sendData(0, 0, "last words");
    peer.expectSack();
    peer.userShutdown();
    // Section 9.2: the SHUTDOWN acknowledges what was received.
    ShutdownChunk shutdown = peer.nextPacketToPeer().only(ShutdownChunk.class);
    assertThat(shutdown.cumulativeTsnAck()).isEqualTo(tsn);
    peer.send(new ShutdownAckChunk());
    ShutdownCompleteChunk complete = peer.nextPacketToPeer().only(ShutdownCompleteChunk.class);
    assertThat(complete.reflectedTag()).isFalse();
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.SHUTDOWN_COMP);
    assertThat(peer.receivedStrings()).containsExactly("last words");
    assertGone(peer);
  }

  @Test
  void at_i_2_7_1_refusesNewUserDataInShutdownSent() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userShutdown();
    peer.nextPacketToPeer().only(ShutdownChunk.class);
    assertThat(peer.association.state()).isEqualTo(AssociationState.SHUTDOWN_SENT);
    assertThat(peer.userSend(0, "too late".getBytes())).isEqualTo(SendOutcome.NOT_ACCEPTING);
    peer.expectNoPacket();
  }

  @Test
  void at_i_2_7_2_refusesNewUserDataInShutdownReceived() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userSend(0, "outstanding".getBytes());
    DataChunk data = peer.nextPacketToPeer().only(DataChunk.class);
    peer.send(new ShutdownChunk(data.tsn() - 1));
    assertThat(peer.association.state()).isEqualTo(AssociationState.SHUTDOWN_RECEIVED);
    assertThat(peer.events(ShutdownReceived.class)).hasSize(1);
    assertThat(peer.userSend(0, "too late".getBytes())).isEqualTo(SendOutcome.NOT_ACCEPTING);
    peer.expectNoPacket();
    peer.send(ScriptedPeer.sack(data.tsn()));
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
  }

  @Test
  void at_i_2_7_3_refusesNewUserDataInShutdownPending() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userSend(0, "outstanding".getBytes());
    peer.nextPacketToPeer().only(DataChunk.class);
    peer.userShutdown();
    assertThat(peer.association.state()).isEqualTo(AssociationState.SHUTDOWN_PENDING);
    assertThat(peer.userSend(0, "too late".getBytes())).isEqualTo(SendOutcome.NOT_ACCEPTING);
    peer.expectNoPacket();
  }

  @Test
  void at_i_2_7_4_refusesNewUserDataInShutdownAckSent() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.send(new ShutdownChunk(peer.iutInitialTsn - 1));
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
    assertThat(peer.association.state()).isEqualTo(AssociationState.SHUTDOWN_ACK_SENT);
    assertThat(peer.userSend(0, "too late".getBytes())).isEqualTo(SendOutcome.NOT_ACCEPTING);
    peer.expectNoPacket();
    peer.send(new ShutdownCompleteChunk(false));
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.SHUTDOWN_COMP);
  }

  @Test
  void at_i_2_8_answersDataInShutdownSentWithShutdownAndRestartsT2() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userShutdown();
    Sent shutdown = peer.nextPacketToPeer();
    assertThat(shutdown.only(ShutdownChunk.class).cumulativeTsnAck())
        .isEqualTo(ScriptedPeer.DEFAULT_PEER_TSN - 1);
    peer.advance(400 * MS);
    int tsn = peer.sendData(0, 0, "late data");
    // Section 9.2: every packet with DATA is answered at once by a SHUTDOWN acknowledging it.
    Sent answer = peer.nextPacketToPeer();
    assertThat(answer.first(ShutdownChunk.class).cumulativeTsnAck()).isEqualTo(tsn);
    assertThat(answer.has(DataChunk.class)).isFalse();
    assertThat(peer.receivedStrings()).containsExactly("late data");
    // T2 was restarted by that SHUTDOWN: the next one comes one RTO later, not at 1 s.
    Sent again = peer.awaitPacket(10 * SECONDS);
    assertThat(again.only(ShutdownChunk.class).cumulativeTsnAck()).isEqualTo(tsn);
    assertThat(again.at() - answer.at()).isEqualTo(1 * SECONDS);
  }

  @Test
  void rfc9260_9_2_aDuplicateDataInShutdownSentIsReportedInASackWithTheShutdown() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    DataChunk data = peer.data(0, 0, "sent twice");
    peer.send(data);
    peer.expectSack();
    peer.userShutdown();
    peer.nextPacketToPeer().only(ShutdownChunk.class);
    // The peer did not see our SACK and retransmits: the duplicate must be reported.
    peer.send(data);

    Sent answer = peer.nextPacketToPeer();
    assertThat(answer.first(ShutdownChunk.class).cumulativeTsnAck()).isEqualTo(data.tsn());
    assertThat(answer.has(SackChunk.class)).as("a SACK along with the SHUTDOWN").isTrue();
    assertThat(answer.first(SackChunk.class).duplicateTsns()).containsExactly(data.tsn());
    assertThat(peer.receivedStrings()).containsExactly("sent twice");
  }

  @Test
  void rfc9260_6_2_aTsnGivenUpInShutdownSentToMakeRoomIsReportedInASackWithTheShutdown() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.options().setRcvbuf(3 * 1200);
    peer.holdReceivedData(true);
    peer.establishActive();
    int first = peer.sendData(0, 0, "x".repeat(1200));
    peer.expectSack();
    // SSN 2 waits for SSN 1 and is acknowledged in a gap block.
    peer.send(new DataChunk(false, false, true, true, first + 2, 0, 2, 0,
        Bytes.wrap(new byte[1200])));
    assertThat(peer.expectSack().gapAckBlocks()).containsExactly(new SackChunk.GapAckBlock(2, 2));
    peer.userShutdown();
    peer.nextPacketToPeer().only(ShutdownChunk.class);
    // SSN 1 needs more room than is left: the receiver gives up TSN first + 2 to take it.
    peer.send(new DataChunk(false, false, true, true, first + 1, 0, 1, 0,
        Bytes.wrap(new byte[1300])));

    Sent answer = peer.nextPacketToPeer();
    assertThat(answer.first(ShutdownChunk.class).cumulativeTsnAck()).isEqualTo(first + 1);
    // Section 6.2: a SACK at once that no longer reports it, or the peer never resends it.
    assertThat(answer.has(SackChunk.class)).as("a SACK along with the SHUTDOWN").isTrue();
    assertThat(answer.first(SackChunk.class).gapAckBlocks()).isEmpty();
  }

  @Test
  void rfc9260_9_2_inShutdownReceivedQueuedDataGoesOutThoughASackIsDueToAnotherPeerAddress() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    InitAckChunk ack = peer.sendInitExpectInitAck(new InitChunk(peer.peerTag, 65_535, 10, 10,
        peer.nextTsn, List.of(new Ipv4AddressParameter((Inet4Address) ScriptedPeer.PEER_ADDRESS),
            new Ipv4AddressParameter((Inet4Address) ScriptedPeer.PEER_ADDRESS_2))));
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    peer.association = peer.endpoint().associations().iterator().next();
    peer.userSend(0, new byte[1000]);
    assertThat(dataIn(peer.takeAll())).hasSize(1);
    // Held back while the first message is in flight (Nagle).
    peer.userSend(0, "last words".getBytes());
    assertThat(dataIn(peer.takeAll())).isEmpty();
    // From its second address the peer sends DATA and a SHUTDOWN acknowledging the first message:
    // a SACK is due there, which SHUTDOWN-RECEIVED does not send, and the queued message is free.
    peer.deliver(ScriptedPeer.PEER_ADDRESS_2, ScriptedPeer.PEER_UDP_PORT, ScriptedPeer.encode(
        ScriptedPeer.PEER_PORT, ScriptedPeer.IUT_PORT, peer.iutTag, peer.data(0, 0, "and bye"),
        new ShutdownChunk(peer.iutInitialTsn)));
    assertThat(peer.association.state()).isEqualTo(AssociationState.SHUTDOWN_RECEIVED);

    assertThat(dataIn(peer.takeAll())).extracting(DataChunk::userData)
        .containsExactly(Bytes.wrap("last words".getBytes()));
  }

  private static List<DataChunk> dataIn(List<Sent> packets) {
    List<DataChunk> data = new ArrayList<>();
    for (Sent s : packets) {
      data.addAll(s.all(DataChunk.class));
    }
    return data;
  }

  @Test
  void at_i_2_9_discardsDataArrivingAfterThePeersShutdown() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userSend(0, "outstanding".getBytes());
    DataChunk data = peer.nextPacketToPeer().only(DataChunk.class);
    peer.send(new ShutdownChunk(data.tsn() - 1));
    assertThat(peer.association.state()).isEqualTo(AssociationState.SHUTDOWN_RECEIVED);
    peer.advance(100 * MS);
    peer.sendData(0, 0, "after my own SHUTDOWN");
    // Section 9.2: the SHUTDOWN sender promised no more DATA; this one is neither taken nor acked.
    peer.expectNoPacket();
    assertThat(peer.received()).isEmpty();
    peer.advance(100 * MS);
    peer.send(ScriptedPeer.sack(data.tsn()));
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
    assertThat(peer.received()).isEmpty();
  }

  @Test
  void at_i_2_10_keepsRetransmittingDataAfterTheShutdownUntilItIsAcknowledged() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userSend(0, "outstanding".getBytes());
    DataChunk data = peer.nextPacketToPeer().only(DataChunk.class);
    peer.send(new ShutdownChunk(data.tsn() - 1));
    peer.expectNoPacket();
    peer.advance(200 * MS);
    peer.send(new ShutdownChunk(data.tsn() - 1));
    peer.expectNoPacket();
    // No SHUTDOWN ACK while data is outstanding; T3-rtx resends the DATA.
    Sent again = peer.awaitPacket(5 * SECONDS).toPeer();
    assertThat(again.only(DataChunk.class).tsn()).isEqualTo(data.tsn());
    peer.send(ScriptedPeer.sack(data.tsn()));
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
    assertThat(peer.association.state()).isEqualTo(AssociationState.SHUTDOWN_ACK_SENT);
  }

  @Test
  void at_i_2_11_retransmitsShutdownAckWhenT2Expires() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.send(new ShutdownChunk(peer.iutInitialTsn - 1));
    Sent first = peer.nextPacketToPeer();
    first.only(ShutdownAckChunk.class);
    Sent second = peer.awaitPacket(10 * SECONDS).toPeer();
    second.only(ShutdownAckChunk.class);
    Sent third = peer.awaitPacket(10 * SECONDS).toPeer();
    third.only(ShutdownAckChunk.class);
    assertThat((second.at() - first.at()) / MS).isEqualTo(1000);
    assertThat((third.at() - second.at()) / MS).isEqualTo(2000);
  }

  @Test
  void at_i_2_12_givesUpShutdownAckAfterAssociationMaxRetrans() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.associationMaxRetrans(3));
    peer.establishActive();
    peer.send(new ShutdownChunk(peer.iutInitialTsn - 1));
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
    for (int i = 0; i < 3; i++) {
      peer.awaitPacket(60 * SECONDS).toPeer().only(ShutdownAckChunk.class);
    }
    peer.advance(120 * SECONDS);
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.COMM_LOST);
    for (Sent s : peer.sentLog()) {
      assertThat(s.has(ShutdownCompleteChunk.class)).isFalse();
    }
    assertThat(peer.sentLog().stream().filter(s -> s.has(ShutdownAckChunk.class)).count())
        .isEqualTo(4);
    peer.discardOutbox(); // an ABORT is allowed
    assertGone(peer);
  }

  @Test
  void at_i_2_13_closesWhenShutdownCompleteArrivesInShutdownAckSent() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.send(new ShutdownChunk(peer.iutInitialTsn - 1));
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
    peer.send(new ShutdownCompleteChunk(false));
    peer.expectNoPacket();
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.SHUTDOWN_COMP);
    assertGone(peer);
    // T2 went with the TCB: no SHUTDOWN ACK ever again.
    peer.expectSilenceFor(120 * SECONDS);
  }

  @Test
  void at_v_2_14_answersAShutdownThatAcknowledgesAllDataWithShutdownAck() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userSend(0, "acknowledged by the SHUTDOWN".getBytes());
    DataChunk data = peer.nextPacketToPeer().only(DataChunk.class);
    // Section 9.2: the Cumulative TSN Ack of the SHUTDOWN is processed like a SACK's.
    peer.send(new ShutdownChunk(data.tsn()));
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
    peer.send(new ShutdownCompleteChunk(false));
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.SHUTDOWN_COMP);
    assertThat(peer.events(org.jsctp.api.SendFailed.class)).isEmpty();
  }
}
