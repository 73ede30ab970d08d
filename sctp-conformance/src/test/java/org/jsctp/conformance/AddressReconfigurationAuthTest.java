package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.testkit.ScriptedPeer.DEFAULT_PEER_RWND;
import static org.jsctp.testkit.ScriptedPeer.DEFAULT_PEER_TSN;
import static org.jsctp.testkit.ScriptedPeer.IUT_ADDRESS;
import static org.jsctp.testkit.ScriptedPeer.IUT_PORT;
import static org.jsctp.testkit.ScriptedPeer.PEER_ADDRESS;
import static org.jsctp.testkit.ScriptedPeer.PEER_PORT;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.PeerAddressChange;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.Sysctl;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.AuthPeer;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.AddIpAddressParameter;
import org.jsctp.wire.AsconfAckChunk;
import org.jsctp.wire.AsconfChunk;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.ChunkListParameter;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.Ipv4AddressParameter;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.SupportedExtensionsParameter;
import org.junit.jupiter.api.Test;

/**
 * ADD-IP together with AUTH (RFC 5061 section 4.1.1, RFC 4895 section 6): offered and negotiated
 * with {@code auth_enable} and no {@code addip_noauth_enable}, ASCONF and ASCONF-ACK sent after
 * an AUTH chunk the tester checks with its own HMAC ({@link AuthPeer}), and the peer's ASCONF or
 * ASCONF-ACK without AUTH discarded before it can change anything.
 */
class AddressReconfigurationAuthTest {

  private static final InetAddress IUT_NEW = AddressReconfigurationTest.IUT_NEW;
  private static final InetAddress PEER_NEW = AddressReconfigurationTest.PEER_NEW;

  /** An IUT with ADD-IP and AUTH on, addip_noauth_enable off (its default). */
  private static ScriptedPeer iut() {
    return ScriptedPeer.with(b -> b.set(Sysctl.ADDIP_ENABLE, 1).set(Sysctl.AUTH_ENABLE, 1));
  }

  /** The tester's AUTH parameters with AUTH, ASCONF and ASCONF-ACK in Supported Extensions. */
  private static List<Parameter> authAndAddIp(AuthPeer tester) {
    List<Parameter> params = new ArrayList<>(tester.parameters());
    params.removeIf(p -> p instanceof SupportedExtensionsParameter);
    params.add(new SupportedExtensionsParameter(
        List.of(ChunkType.AUTH, ChunkType.ASCONF, ChunkType.ASCONF_ACK)));
    return params;
  }

  /** The IUT connects; the tester answers with AUTH and ADD-IP and learns the IUT's INIT. */
  private static SctpAssociation establishActive(ScriptedPeer peer, AuthPeer tester) {
    SctpAssociation a = peer.establishActive(authAndAddIp(tester).toArray(new Parameter[0]));
    tester.learnIut(peer.sentLog().get(0).only(InitChunk.class).parameters());
    a.options().setNodelay(true);
    return a;
  }

  private static void sendSigned(ScriptedPeer peer, AuthPeer tester, Chunk... chunks) {
    peer.sendRaw(tester.sign(ScriptedPeer.encode(PEER_PORT, IUT_PORT, peer.iutTag, chunks)));
  }

  private static AsconfChunk addPeerNew(int serial) {
    return new AsconfChunk(serial, v4(PEER_ADDRESS),
        List.of(new AddIpAddressParameter(1, v4(PEER_NEW))));
  }

  private static Parameter v4(InetAddress a) {
    return new Ipv4AddressParameter((Inet4Address) a);
  }

  private static List<Integer> types(Sent s) {
    return s.chunks().stream().map(Chunk::type).toList();
  }

  private static boolean lists(List<Parameter> params, int chunkType) {
    return params.stream().anyMatch(p -> p instanceof SupportedExtensionsParameter s
        && s.chunkTypes().contains(chunkType));
  }

  private static long counter(ScriptedPeer peer, MibCounter c) {
    return peer.endpoint().counters().get(c);
  }

  // ---- negotiation ---------------------------------------------------------------------------

  @Test
  void rfc5061_4_1_1_withAuthAddIpIsOfferedAndNegotiatedWithoutAddipNoauth() {
    ScriptedPeer peer = iut();
    SctpAssociation a = establishActive(peer, AuthPeer.listing());

    List<Parameter> init = peer.sentLog().get(0).only(InitChunk.class).parameters();
    assertThat(lists(init, ChunkType.ASCONF) && lists(init, ChunkType.ASCONF_ACK)).isTrue();
    assertThat(lists(init, ChunkType.AUTH)).isTrue();
    assertThat(init).filteredOn(ChunkListParameter.class::isInstance).singleElement()
        .satisfies(p -> assertThat(((ChunkListParameter) p).chunkTypes())
            .contains(ChunkType.ASCONF, ChunkType.ASCONF_ACK));
    assertThat(a.options().auth().negotiated()).isTrue();
    assertThat(a.options().extensions().addressReconfiguration()).isTrue();
  }

  @Test
  void rfc5061_4_1_1_aPeerWithAddIpButWithoutAuthGetsNoAddIp() {
    ScriptedPeer peer = iut();
    SctpAssociation a = peer.establishActive(new SupportedExtensionsParameter(
        List.of(ChunkType.ASCONF, ChunkType.ASCONF_ACK)));

    assertThat(a.options().auth().negotiated()).isFalse();
    assertThat(a.options().extensions().addressReconfiguration()).isFalse();
  }

  @Test
  void rfc5061_4_1_1_theListeningSideOffersAddIpWithAuthToAPeerThatAnnouncesAuth() {
    ScriptedPeer peer = iut();
    AuthPeer tester = AuthPeer.listing();
    peer.endpoint().listen(true);

    InitAckChunk ack = peer.sendInitExpectInitAck(new InitChunk(peer.peerTag, DEFAULT_PEER_RWND,
        10, 10, peer.nextTsn, authAndAddIp(tester)));
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));

    assertThat(lists(ack.parameters(), ChunkType.ASCONF)).isTrue();
    assertThat(lists(ack.parameters(), ChunkType.AUTH)).isTrue();
    assertThat(peer.nextPacketToPeer().chunks().get(0)).isInstanceOf(CookieAckChunk.class);
    SctpAssociation a = peer.endpoint().association(
        peer.events(AssociationChange.class).get(0).associationId());
    assertThat(a.options().auth().negotiated()).isTrue();
    assertThat(a.options().extensions().addressReconfiguration()).isTrue();
  }

  // ---- the peer's ASCONF ---------------------------------------------------------------------

  @Test
  void rfc5061_4_1_1_anAsconfWithoutAuthIsDiscardedAndChangesNothing() {
    ScriptedPeer peer = iut();
    establishActive(peer, AuthPeer.listing());

    peer.send(addPeerNew(DEFAULT_PEER_TSN));

    peer.expectSilenceFor(5 * SECONDS);
    assertThat(peer.association.peerAddresses()).containsExactly(PEER_ADDRESS);
    assertThat(peer.events(PeerAddressChange.class)).noneMatch(c -> c.address().equals(PEER_NEW));
    assertThat(counter(peer, MibCounter.SCTP_IN_AUTH_MISSING)).isEqualTo(1);
  }

  @Test
  void rfc5061_4_1_1_anAuthenticatedAsconfIsTakenAndItsAnswerIsAuthenticated() {
    ScriptedPeer peer = iut();
    AuthPeer tester = AuthPeer.listing();
    establishActive(peer, tester);
    peer.send(addPeerNew(DEFAULT_PEER_TSN)); // discarded: it did not come with AUTH

    sendSigned(peer, tester, AuthPeer.placeholder(0, AuthPeer.SHA_1),
        addPeerNew(DEFAULT_PEER_TSN));

    Sent s = peer.nextPacketToPeer();
    assertThat(types(s)).containsExactly(ChunkType.AUTH, ChunkType.ASCONF_ACK);
    assertThat(s.first(AsconfAckChunk.class).serialNumber()).isEqualTo(DEFAULT_PEER_TSN);
    assertThat(tester.verifies(s.transmit().packet())).isTrue();
    assertThat(peer.association.peerAddresses()).containsExactly(PEER_ADDRESS, PEER_NEW);
    assertThat(peer.events(PeerAddressChange.class)).anyMatch(c -> c.address().equals(PEER_NEW)
        && c.kind() == PeerAddressChange.Kind.ADDR_ADDED);
  }

  // ---- our ASCONF ----------------------------------------------------------------------------

  @Test
  void rfc5061_4_1_1_ourAsconfGoesAuthenticatedAndOnlyAnAuthenticatedAnswerCounts() {
    ScriptedPeer peer = iut();
    AuthPeer tester = AuthPeer.listing();
    establishActive(peer, tester);
    peer.endpoint().addLocalAddress(peer.now(), IUT_NEW);
    peer.flush();

    Sent s = peer.nextPacketToPeer();
    assertThat(types(s)).containsExactly(ChunkType.AUTH, ChunkType.ASCONF);
    assertThat(tester.verifies(s.transmit().packet())).isTrue();
    AsconfChunk asconf = s.first(AsconfChunk.class);
    AsconfAckChunk answer = new AsconfAckChunk(asconf.serialNumber(), List.of());

    peer.send(answer);
    // Not taken: the ASCONF goes again once T-4 RTO expires, unchanged and authenticated.
    Sent again = peer.awaitPacket(2 * SECONDS);
    assertThat(types(again)).containsExactly(ChunkType.AUTH, ChunkType.ASCONF);
    assertThat(again.first(AsconfChunk.class)).isEqualTo(asconf);
    assertThat(tester.verifies(again.transmit().packet())).isTrue();

    sendSigned(peer, tester, AuthPeer.placeholder(0, AuthPeer.SHA_1), answer);
    peer.userSend(0, "from the new address".getBytes());

    // 10.0.0.3 matches the tester's 10.0.0.2 better than 10.0.0.1: the path takes it now.
    assertThat(peer.nextPacket().transmit().localAddress()).isEqualTo(IUT_NEW);
    assertThat(peer.association.localAddresses()).containsExactly(IUT_ADDRESS, IUT_NEW);
    assertThat(counter(peer, MibCounter.SCTP_IN_AUTH_MISSING)).isEqualTo(1);
  }
}
