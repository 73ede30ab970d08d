package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.testkit.ScriptedPeer.PEER_ADDRESS;
import static org.jsctp.testkit.ScriptedPeer.PEER_ADDRESS_2;
import static org.jsctp.testkit.ScriptedPeer.PEER_PORT;
import static org.jsctp.testkit.ScriptedPeer.PEER_UDP_PORT;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.PeerAddressChange;
import org.jsctp.association.AssociationState;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.HeartbeatAckChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.HeartbeatInfoParameter;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.Ipv4AddressParameter;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.ShutdownCompleteChunk;
import org.junit.jupiter.api.Test;

/**
 * ETSI TS 102 369 group FH, fault handling: retransmission on T3-rtx expiry, the association error
 * counter, HEARTBEAT ACK, and the out-of-the-blue rules (RFC 9260 sections 6.3.3, 6.4.1, 8.1, 8.3
 * and 8.4).
 */
class FaultHandlingTest {

  private static final InetAddress MULTICAST = SimAddresses.v4("224.0.0.1");

  @Test
  void fh_i_5_1_1_retransmitsOnT3ExpiryToAnAlternateAddress() {
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
    // The second address is probed (section 5.4); the tester confirms it from there.
    Sent probe =
        peer.nextPacket().to(PEER_ADDRESS_2, PEER_UDP_PORT, PEER_PORT).withTag(peer.peerTag);
    HeartbeatChunk hb = probe.only(HeartbeatChunk.class);
    peer.deliver(
        PEER_ADDRESS_2,
        PEER_UDP_PORT,
        ScriptedPeer.encode(
            PEER_PORT, ScriptedPeer.IUT_PORT, peer.iutTag, new HeartbeatAckChunk(hb.parameters())));
    assertThat(peer.events(PeerAddressChange.class))
        .extracting(PeerAddressChange::kind)
        .containsExactly(PeerAddressChange.Kind.ADDR_CONFIRMED);

    peer.userSend(0, "via the primary".getBytes());
    Sent first = peer.nextPacket().to(PEER_ADDRESS, PEER_UDP_PORT, PEER_PORT);
    DataChunk data = first.only(DataChunk.class);
    // Section 6.4.1: the retransmission after T3-rtx goes to an alternate active address.
    Sent again = peer.awaitPacket(5 * SECONDS);
    assertThat(again.transmit().remoteAddress()).isEqualTo(PEER_ADDRESS_2);
    assertThat(again.first(DataChunk.class).tsn()).isEqualTo(data.tsn());
    assertThat(again.at() - first.at()).isEqualTo(1 * SECONDS);
  }

  @Test
  void fh_i_5_1_2_keepsTheAssociationWhileAcknowledgementsClearTheErrorCounter() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.associationMaxRetrans(3));
    peer.establishActive();
    for (int i = 0; i < 10; i++) {
      peer.userSend(0, ("message " + i).getBytes());
      DataChunk data = peer.nextPacketToPeer().only(DataChunk.class);
      // Two retransmissions each time: six in all would exceed Association.Max.Retrans...
      assertThat(peer.awaitPacket(130 * SECONDS).first(DataChunk.class).tsn())
          .isEqualTo(data.tsn());
      assertThat(peer.awaitPacket(130 * SECONDS).first(DataChunk.class).tsn())
          .isEqualTo(data.tsn());
      assertThat(peer.association.errorCount()).isEqualTo(2);
      // ...but each SACK of new data clears the counter (section 8.1).
      peer.send(ScriptedPeer.sack(data.tsn()));
      assertThat(peer.association.errorCount()).isZero();
    }
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void fh_v_5_2_echoesTheHeartbeatInformationUnchanged() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    byte[] info = new byte[37];
    for (int i = 0; i < info.length; i++) {
      info[i] = (byte) (i * 7 + 3);
    }
    HeartbeatChunk hb = new HeartbeatChunk(List.of(new HeartbeatInfoParameter(Bytes.wrap(info))));
    peer.send(hb);
    // Section 8.3: the HEARTBEAT ACK carries the Heartbeat Information as it came.
    HeartbeatAckChunk ack = peer.nextPacketToPeer().only(HeartbeatAckChunk.class);
    assertThat(ack.parameters()).isEqualTo(hb.parameters());
  }

  @Test
  void fh_o_5_3_1_answersOutOfTheBlueDataWithAnAbortReflectingTheTag() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.sendWithTag(
        0x6666_0001,
        new DataChunk(false, false, true, true, 0, 1, 0, 0, Bytes.wrap("oob".getBytes())));
    // Section 8.4 rule 8; RFC 6951 section 5.5: to the source, on mirrored ports.
    AbortChunk abort = peer.nextPacket().toPeer().withTag(0x6666_0001).only(AbortChunk.class);
    assertThat(abort.reflectedTag()).isTrue();
    assertThat(peer.endpoint().associations()).isEmpty();
  }

  @Test
  void fh_o_5_3_2_neverAnswersAnOutOfTheBlueAbort() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    peer.sendWithTag(0x6666_0002, new AbortChunk(false, List.of()));
    peer.sendWithTag(0x6666_0002, new AbortChunk(true, List.of()));
    // Section 8.4 rule 2.
    peer.expectSilenceFor(10 * SECONDS);
  }

  @Test
  void fh_o_5_3_3_answersAnOutOfTheBlueShutdownAckWithShutdownComplete() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.sendWithTag(0x6666_0003, new ShutdownAckChunk());
    // Section 8.4 rule 5: SHUTDOWN COMPLETE, tag reflected, T bit set.
    ShutdownCompleteChunk complete =
        peer.nextPacket().toPeer().withTag(0x6666_0003).only(ShutdownCompleteChunk.class);
    assertThat(complete.reflectedTag()).isTrue();
  }

  @Test
  void fh_o_5_3_4_ignoresAnOutOfTheBlueShutdownComplete() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.sendWithTag(0x6666_0004, new ShutdownCompleteChunk(false));
    peer.sendWithTag(0x6666_0004, new ShutdownCompleteChunk(true));
    // Section 8.4 rule 6.
    peer.expectSilenceFor(10 * SECONDS);
  }

  @Test
  void fh_o_5_3_5_ignoresPacketsFromANonUnicastSource() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    byte[] init = ScriptedPeer.encode(PEER_PORT, ScriptedPeer.IUT_PORT, 0, peer.init());
    byte[] data =
        ScriptedPeer.encode(
            PEER_PORT,
            ScriptedPeer.IUT_PORT,
            0x6666_0005,
            new DataChunk(false, false, true, true, 0, 1, 0, 0, Bytes.wrap("oob".getBytes())));
    peer.deliver(MULTICAST, PEER_UDP_PORT, init);
    peer.deliver(MULTICAST, PEER_UDP_PORT, data);
    // Section 8.4 rule 1: no answer to, and nothing started by, a non-unicast source.
    peer.expectNoPacket();
    // A valid cookie, but arriving from a multicast source, starts nothing either.
    InitAckChunk ack = peer.sendInitExpectInitAck(peer.init());
    peer.deliver(
        MULTICAST,
        PEER_UDP_PORT,
        ScriptedPeer.encode(
            PEER_PORT,
            ScriptedPeer.IUT_PORT,
            peer.iutTag,
            new CookieEchoChunk(ack.stateCookie().orElseThrow())));
    peer.expectSilenceFor(10 * SECONDS);
    assertThat(peer.endpoint().associations()).isEmpty();
    assertThat(peer.events()).isEmpty();
  }
}
