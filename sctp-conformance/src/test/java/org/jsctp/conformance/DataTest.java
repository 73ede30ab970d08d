package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.testkit.ScriptedPeer.MS;
import static org.jsctp.testkit.ScriptedPeer.PEER_ADDRESS;
import static org.jsctp.testkit.ScriptedPeer.PEER_ADDRESS_2;
import static org.jsctp.testkit.ScriptedPeer.PEER_PORT;
import static org.jsctp.testkit.ScriptedPeer.PEER_UDP_PORT;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;
import static org.jsctp.testkit.ScriptedPeer.gap;
import static org.jsctp.testkit.ScriptedPeer.sack;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.SendFailed;
import org.jsctp.association.AssociationState;
import org.jsctp.api.PathState;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.timer.Timer;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.Ipv4AddressParameter;
import org.jsctp.wire.NoUserDataCause;
import org.jsctp.wire.SackChunk;
import org.junit.jupiter.api.Test;

/**
 * ETSI TS 102 369 group D, data: sending and receiving user messages, fragmentation and reassembly,
 * retransmission, duplicates, zero-window probing and fast retransmission (RFC 9260 sections 6.1 to
 * 6.10 and 7.2.4). Together with group A (acknowledgements) this is the data transfer part of the
 * suite.
 */
class DataTest {

  private static byte[] bytes(int length, int seed) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) (seed + i * 31);
    }
    return b;
  }

  @Test
  void d_v_8_1_sendsAndReceivesAMessageInOneDataChunk() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    int tsn = peer.sendData(0, 0, "ping");
    assertThat(peer.expectSack().cumulativeTsnAck()).isEqualTo(tsn);
    assertThat(peer.receivedStrings()).containsExactly("ping");
    peer.userSend(0, "pong".getBytes());
    DataChunk data = peer.nextPacketToPeer().only(DataChunk.class);
    assertThat(data.beginning() && data.ending()).isTrue();
    assertThat(data.streamSequenceNumber()).isZero();
    assertThat(new String(data.userData().toByteArray())).isEqualTo("pong");
    peer.send(sack(data.tsn()));
    assertThat(peer.association.bufferedAmount()).isZero();
  }

  @Test
  void d_v_8_2_fragmentsAMessageLargerThanThePathMtu() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    byte[] message = bytes(4000, 1);
    peer.userSend(0, message);
    // Section 6.9: fragments of at most one packet each, B first, E last, one SSN, consecutive
    // TSNs.
    List<DataChunk> fragments = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Sent s = peer.nextPacketToPeer();
      assertThat(s.transmit().packet().length).isLessThanOrEqualTo(1500 - 20 - 8);
      fragments.add(s.only(DataChunk.class));
    }
    peer.expectNoPacket();
    assertThat(fragments).extracting(DataChunk::beginning).containsExactly(true, false, false);
    assertThat(fragments).extracting(DataChunk::ending).containsExactly(false, false, true);
    assertThat(fragments).extracting(DataChunk::streamSequenceNumber).containsOnly(0);
    assertThat(fragments)
        .extracting(DataChunk::tsn)
        .containsExactly(peer.iutInitialTsn, peer.iutInitialTsn + 1, peer.iutInitialTsn + 2);
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (DataChunk d : fragments) {
      joined.writeBytes(d.userData().toByteArray());
    }
    assertThat(joined.toByteArray()).isEqualTo(message);
  }

  @Test
  void d_v_8_3_reassemblesFragmentsArrivingInOnePacket() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    int t = peer.nextTsn;
    peer.nextTsn += 3;
    peer.send(
        new DataChunk(false, false, true, false, t, 0, 0, 42, Bytes.wrap("Hel".getBytes())),
        new DataChunk(false, false, false, false, t + 1, 0, 0, 42, Bytes.wrap("lo, ".getBytes())),
        new DataChunk(false, false, false, true, t + 2, 0, 0, 42, Bytes.wrap("world".getBytes())));
    assertThat(peer.expectSack().cumulativeTsnAck()).isEqualTo(t + 2);
    MessageReceived m = peer.received().get(0);
    assertThat(peer.received()).hasSize(1);
    assertThat(new String(m.data().toByteArray())).isEqualTo("Hello, world");
    assertThat(m.payloadProtocolId()).isEqualTo(42);
    assertThat(m.complete()).isTrue();
  }

  @Test
  void d_v_8_4_doesNotRetransmitAcknowledgedData() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userSend(0, "once".getBytes());
    DataChunk data = peer.nextPacketToPeer().only(DataChunk.class);
    peer.send(sack(data.tsn()));
    // Section 6.3.2 R2: everything acknowledged, T3-rtx stops.
    assertThat(peer.nextDeadline()).isEqualTo(Timer.NEVER);
    peer.expectSilenceFor(600 * SECONDS);
  }

  @Test
  void d_i_8_5_retransmitsUnacknowledgedDataUntilAssociationMaxRetransThenGivesUp() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userSend(0, "into the void".getBytes());
    DataChunk data = peer.nextPacketToPeer().only(DataChunk.class);
    List<Long> gaps = new ArrayList<>();
    long previous = peer.now();
    for (int i = 0; i < 10; i++) {
      Sent again = peer.awaitPacket(120 * SECONDS).toPeer();
      assertThat(again.only(DataChunk.class).tsn()).isEqualTo(data.tsn());
      gaps.add((again.at() - previous) / SECONDS);
      previous = again.at();
    }
    // Section 6.3.3 E2: the RTO doubles on each expiry, capped at RTO.Max (60 s).
    assertThat(gaps).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L, 60L);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
    peer.advance(60 * SECONDS);
    // Section 8.1: Association.Max.Retrans (10) exceeded: the peer is unreachable.
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.COMM_LOST);
    assertThat(peer.events(SendFailed.class))
        .singleElement()
        .satisfies(f -> assertThat(f.data()).isEqualTo(Bytes.wrap("into the void".getBytes())));
    assertThat(peer.endpoint().associations()).isEmpty();
    peer.discardOutbox();
    peer.expectSilenceFor(600 * SECONDS);
  }

  @Test
  void d_o_8_6_reportsDuplicateTsnsAndAcknowledgesThemAtOnce() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    DataChunk d = peer.data(0, 0, "only once");
    peer.send(d);
    assertThat(peer.expectSack().duplicateTsns()).isEmpty();
    peer.advance(50 * MS);
    peer.send(d);
    // Section 6.2: a packet of duplicates is acknowledged at once, each duplicate reported.
    SackChunk sack = peer.expectSack();
    assertThat(sack.cumulativeTsnAck()).isEqualTo(d.tsn());
    assertThat(sack.duplicateTsns()).containsExactly(d.tsn());
    peer.send(d, d);
    assertThat(peer.expectSack().duplicateTsns()).containsExactly(d.tsn(), d.tsn());
    // Reported once: the next SACK starts a fresh list.
    peer.sendData(0, 1, "next");
    peer.advance(200 * MS);
    assertThat(peer.expectSack().duplicateTsns()).isEmpty();
    assertThat(peer.receivedStrings()).containsExactly("only once", "next");
  }

  /** Closes the IUT's view of the tester's window with a SACK advertising 0. */
  private static void closeWindow(ScriptedPeer peer) {
    peer.send(sack(peer.iutInitialTsn - 1, 0));
  }

  @Test
  void d_o_8_7_probesAZeroWindowWithASingleDataChunk() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.associationMaxRetrans(3));
    peer.establishActive();
    closeWindow(peer);
    peer.userSend(0, "first".getBytes());
    peer.userSend(0, "second".getBytes());
    peer.userSend(0, "third".getBytes());
    // Section 6.1 A: with rwnd 0, one DATA chunk may be in flight as a probe...
    DataChunk probe = peer.nextPacketToPeer().only(DataChunk.class);
    peer.expectNoPacket();
    // ...and it alone is retransmitted while the window stays shut, more often than
    // Association.Max.Retrans without the association failing (the SACKs show the peer is alive).
    for (int i = 0; i < 6; i++) {
      closeWindow(peer);
      Sent again = peer.awaitPacket(120 * SECONDS);
      assertThat(again.all(DataChunk.class))
          .extracting(DataChunk::tsn)
          .containsExactly(probe.tsn());
    }
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
    // The window opens: the rest follows.
    peer.send(sack(probe.tsn(), 65535));
    List<String> rest = new ArrayList<>();
    for (Sent next : peer.takeAll()) {
      for (DataChunk d : next.all(DataChunk.class)) {
        rest.add(new String(d.userData().toByteArray()));
      }
    }
    assertThat(rest).containsExactly("second", "third");
  }

  @Test
  void aWindowTooSmallForTheNextChunkIsProbedWithoutCountingPathErrors() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.associationMaxRetrans(3).pathMaxRetrans(2));
    peer.options().setNodelay(true);
    peer.establishActive();
    // The peer's window has room for 44 bytes: less than any DATA chunk of a 100-byte message.
    peer.send(sack(peer.iutInitialTsn - 1, 44));
    peer.userSend(0, bytes(100, 1));
    peer.userSend(0, bytes(100, 2));
    DataChunk probe = peer.nextPacketToPeer().only(DataChunk.class);
    peer.expectNoPacket();
    // Section 6.1: the peer answers every probe with a SACK that keeps the window shut; the
    // unacknowledged probes are no errors, however many there are.
    for (int i = 0; i < 6; i++) {
      peer.send(sack(peer.iutInitialTsn - 1, 44));
      Sent again = peer.awaitPacket(120 * SECONDS);
      assertThat(again.all(DataChunk.class)).extracting(DataChunk::tsn).containsExactly(probe.tsn());
    }
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(peer.association.options().peerAddressInfo(PEER_ADDRESS).state()).isEqualTo(PathState.ACTIVE);
  }

  @Test
  void d_o_8_8_probesAZeroWindowWithOneFragmentOfALargeMessage() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    closeWindow(peer);
    peer.userSend(0, bytes(2000, 7));
    DataChunk probe = peer.nextPacketToPeer().only(DataChunk.class);
    assertThat(probe.beginning()).isTrue();
    assertThat(probe.ending()).isFalse();
    peer.expectNoPacket();
    closeWindow(peer);
    Sent again = peer.awaitPacket(10 * SECONDS);
    assertThat(again.all(DataChunk.class)).extracting(DataChunk::tsn).containsExactly(probe.tsn());
  }

  @Test
  void d_v_8_9_fastRetransmitsOnTheThirdMissIndicationBeforeSendingNewData() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.options().setNodelay(true);
    peer.establishActive();
    int t = peer.iutInitialTsn;
    for (int i = 0; i < 5; i++) {
      peer.userSend(0, bytes(100, i));
      assertThat(peer.nextPacketToPeer().only(DataChunk.class).tsn()).isEqualTo(t + i);
    }
    // TSN t is lost. The SACKs report t+1.., keeping the window so tight that new data waits.
    peer.send(sack(t - 1, 300, gap(2, 2)));
    peer.userSend(0, "new".getBytes());
    peer.send(sack(t - 1, 300, gap(2, 3)));
    peer.expectNoPacket();
    // Section 7.2.4: the third miss indication triggers the fast retransmission at once...
    peer.send(sack(t - 1, 65535, gap(2, 4)));
    List<Integer> order = new ArrayList<>();
    for (Sent s : peer.takeAll()) {
      for (DataChunk d : s.all(DataChunk.class)) {
        order.add(d.tsn());
      }
    }
    // ...and the retransmission goes before any new data (section 6.1).
    assertThat(order).containsExactly(t, t + 5);
  }

  @Test
  void d_v_8_10_acceptsASackFromAnotherAddressOfThePeer() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    InitAckChunk ack =
        peer.sendInitExpectInitAck(
            new InitChunk(
                ScriptedPeer.DEFAULT_PEER_TAG,
                65535,
                10,
                10,
                1000,
                List.of(
                    new Ipv4AddressParameter((Inet4Address) PEER_ADDRESS),
                    new Ipv4AddressParameter((Inet4Address) PEER_ADDRESS_2))));
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    peer.nextPacketToPeer().only(CookieAckChunk.class);
    peer.association = peer.endpoint().associations().iterator().next();
    peer.userSend(0, "acknowledged elsewhere".getBytes());
    DataChunk data = null;
    for (Sent s : peer.takeAll()) {
      if (s.has(DataChunk.class)) {
        data = s.first(DataChunk.class);
      }
    }
    assertThat(data).isNotNull();
    // The SACK comes from the peer's other address (section 6.4: any of its addresses).
    peer.deliver(
        PEER_ADDRESS_2,
        PEER_UDP_PORT,
        ScriptedPeer.encode(PEER_PORT, ScriptedPeer.IUT_PORT, peer.iutTag, sack(data.tsn())));
    peer.advance(120 * SECONDS);
    for (Sent s : peer.takeAll()) {
      assertThat(s.has(DataChunk.class)).as("a retransmission at %d", s.at()).isFalse();
    }
    assertThat(peer.association.bufferedAmount()).isZero();
  }

  @Test
  void d_i_8_11_abortsOnADataChunkWithoutUserData() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    int tsn = peer.nextTsn++;
    peer.send(new DataChunk(false, false, true, true, tsn, 0, 0, 0, Bytes.EMPTY));
    // Section 6.2: ABORT with cause 9 naming the TSN.
    AbortChunk abort = peer.nextPacketToPeer().only(AbortChunk.class);
    assertThat(abort.reflectedTag()).isFalse();
    assertThat(abort.cause(NoUserDataCause.class).orElseThrow().tsn()).isEqualTo(tsn);
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.COMM_LOST);
    assertThat(peer.endpoint().associations()).isEmpty();
  }

  @Test
  void d_o_8_12_discardsASackBelowTheCumulativeAckPoint() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    peer.userSend(0, "first".getBytes());
    DataChunk first = peer.nextPacketToPeer().only(DataChunk.class);
    peer.send(sack(first.tsn()));
    peer.userSend(0, "second".getBytes());
    DataChunk second = peer.nextPacketToPeer().only(DataChunk.class);
    // Stale: its Cumulative TSN Ack is below the ack point, so its gap report must be ignored
    // (section 6.2.1 D i) and T3-rtx still resends the second DATA.
    peer.send(sack(first.tsn() - 1, 65535, gap(2, 2)));
    Sent again = peer.awaitPacket(5 * SECONDS);
    assertThat(again.only(DataChunk.class).tsn()).isEqualTo(second.tsn());
  }
}
