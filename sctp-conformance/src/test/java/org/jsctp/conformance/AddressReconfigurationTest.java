package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.testkit.ScriptedPeer.DEFAULT_PEER_TSN;
import static org.jsctp.testkit.ScriptedPeer.IUT_ADDRESS;
import static org.jsctp.testkit.ScriptedPeer.MS;
import static org.jsctp.testkit.ScriptedPeer.PEER_ADDRESS;
import static org.jsctp.testkit.ScriptedPeer.PEER_ADDRESS_2;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;
import static org.jsctp.testkit.ScriptedPeer.sack;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.PathState;
import org.jsctp.api.PeerAddressChange;
import org.jsctp.association.AssociationState;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.AddIpAddressParameter;
import org.jsctp.wire.AsconfAckChunk;
import org.jsctp.wire.AsconfChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.ChunkListParameter;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.DeleteIpAddressParameter;
import org.jsctp.wire.DeleteLastAddressCause;
import org.jsctp.wire.DeleteSourceAddressCause;
import org.jsctp.wire.ErrorCauseIndicationParameter;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.HeartbeatAckChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.HmacAlgorithmParameter;
import org.jsctp.wire.IllegalAsconfAckCause;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.Ipv4AddressParameter;
import org.jsctp.wire.NoAuthorizationCause;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.RandomParameter;
import org.jsctp.wire.ResourceShortageCause;
import org.jsctp.wire.SetPrimaryAddressParameter;
import org.jsctp.wire.StateCookieParameter;
import org.jsctp.wire.SuccessIndicationParameter;
import org.jsctp.wire.SupportedExtensionsParameter;
import org.jsctp.wire.UnknownParameter;
import org.jsctp.wire.UnrecognizedChunkTypeCause;
import org.jsctp.wire.UnrecognizedParametersCause;
import org.jsctp.wire.UnresolvableAddressCause;
import org.junit.jupiter.api.Test;

/**
 * Dynamic address reconfiguration (RFC 5061) against a scripted peer, one rule per test:
 * negotiation and the authentication rule (section 4.1.1), the peer's requests (section 5.2:
 * serial numbers, the cached answer, each request with the checks of section 5.3, the wildcard
 * address, the limit of paths, unknown parameters) and ours (section 5.1: one ASCONF in flight,
 * T-4 RTO, the answers, addresses that are no source until the peer added them). The tester's
 * first serial number is its Initial TSN, the IUT's is its own. These tests run ADD-IP with AUTH
 * off and {@code addip_noauth_enable}; {@link AddressReconfigurationAuthTest} runs it with AUTH.
 */
class AddressReconfigurationTest {

  /** A second address of the IUT's, the best match for the tester's first address. */
  static final InetAddress IUT_NEW = SimAddresses.v4("10.0.0.3");
  /** An address of the tester's the IUT has not heard of. */
  static final InetAddress PEER_NEW = SimAddresses.v4("10.0.0.4");
  static final InetAddress WILDCARD = SimAddresses.v4("0.0.0.0");

  private static StackConfig.Builder addIp(StackConfig.Builder b) {
    return b.set(Sysctl.ADDIP_ENABLE, 1).set(Sysctl.ADDIP_NOAUTH_ENABLE, 1);
  }

  private static SupportedExtensionsParameter asconfOffered() {
    return new SupportedExtensionsParameter(List.of(ChunkType.ASCONF, ChunkType.ASCONF_ACK));
  }

  /** An association the IUT started, ADD-IP on both sides, single-homed. */
  private static ScriptedPeer withAddIp() {
    ScriptedPeer peer = ScriptedPeer.with(AddressReconfigurationTest::addIp);
    peer.establishActive(asconfOffered());
    peer.association.options().setNodelay(true);
    return peer;
  }

  /** The same with the tester on two addresses, both given by the IUT's application. */
  private static ScriptedPeer multihomed() {
    ScriptedPeer peer = ScriptedPeer.with(AddressReconfigurationTest::addIp);
    peer.connect(List.of(PEER_ADDRESS, PEER_ADDRESS_2));
    peer.sendInitAck(peer.initAck(10, 10, ScriptedPeer.DEFAULT_PEER_RWND, List.of(
        new StateCookieParameter(ScriptedPeer.TESTER_COOKIE), asconfOffered(),
        new Ipv4AddressParameter((Inet4Address) PEER_ADDRESS_2))));
    peer.expectCookieEcho();
    peer.send(new CookieAckChunk());
    peer.association.options().setNodelay(true);
    peer.expectNoPacket();
    return peer;
  }

  /** An IUT with two addresses of its own, ADD-IP on both sides. */
  private static ScriptedPeer iutWithTwoAddresses() {
    ScriptedPeer peer = new ScriptedPeer(addIp(StackConfig.builder()).build(), 1, IUT_ADDRESS,
        SimAddresses.v4("10.0.0.7"));
    peer.establishActive(asconfOffered());
    peer.association.options().setNodelay(true);
    return peer;
  }

  private static Parameter v4(InetAddress a) {
    return new Ipv4AddressParameter((Inet4Address) a);
  }

  private static AsconfChunk asconf(int serial, Parameter... requests) {
    return new AsconfChunk(serial, v4(PEER_ADDRESS), List.of(requests));
  }

  private static AddIpAddressParameter add(int id, InetAddress a) {
    return new AddIpAddressParameter(id, v4(a));
  }

  private static DeleteIpAddressParameter delete(int id, InetAddress a) {
    return new DeleteIpAddressParameter(id, v4(a));
  }

  private static SetPrimaryAddressParameter setPrimary(int id, InetAddress a) {
    return new SetPrimaryAddressParameter(id, v4(a));
  }

  private static AsconfAckChunk expectAck(ScriptedPeer peer) {
    return peer.nextPacketToPeer().first(AsconfAckChunk.class);
  }

  private static List<PeerAddressChange.Kind> addressChanges(ScriptedPeer peer, InetAddress a) {
    List<PeerAddressChange.Kind> kinds = new ArrayList<>();
    for (PeerAddressChange c : peer.events(PeerAddressChange.class)) {
      if (c.address().equals(a)) {
        kinds.add(c.kind());
      }
    }
    return kinds;
  }

  private static PathState pathState(ScriptedPeer peer, InetAddress a) {
    return peer.association.options().peerAddressInfo(a).state();
  }

  private static long counter(ScriptedPeer peer, MibCounter c) {
    return peer.endpoint().counters().get(c);
  }

  private static boolean listsAsconf(InitChunk init) {
    return init.parameters().stream().anyMatch(p -> p instanceof SupportedExtensionsParameter s
        && s.chunkTypes().contains(ChunkType.ASCONF) && s.chunkTypes().contains(ChunkType.ASCONF_ACK));
  }

  /** The ASCONF in the next packet to the tester. */
  private static AsconfChunk expectAsconf(ScriptedPeer peer) {
    return peer.nextPacketToPeer().first(AsconfChunk.class);
  }

  // ---- negotiation (sections 4.1.1 and 4.2.7) -------------------------------------------------

  @Test
  void rfc5061_4_2_7_addIpIsNotOfferedByDefaultAsInLinux() {
    assertThat(listsAsconf(new ScriptedPeer().connect())).isFalse();
  }

  @Test
  void rfc5061_4_2_7_asconfAndAsconfAckAreOfferedWhenEnabled() {
    assertThat(listsAsconf(ScriptedPeer.with(AddressReconfigurationTest::addIp).connect())).isTrue();
  }

  @Test
  void rfc5061_4_1_1_addIpIsNotOfferedWhenAsconfWouldHaveToTravelWithoutAuth() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.ADDIP_ENABLE, 1));
    assertThat(listsAsconf(peer.connect())).isFalse();
    assertThat(StackConfig.builder().set(Sysctl.ADDIP_ENABLE, 1).build().warnings())
        .anySatisfy(w -> assertThat(w).contains("addip_noauth_enable"));
  }

  @Test
  void rfc5061_4_1_1_withoutAuthAndNoauthAnAsconfIsAnUnknownChunkAndChangesNothing() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.ADDIP_ENABLE, 1));
    peer.establishActive(asconfOffered());
    AsconfChunk asconf = asconf(DEFAULT_PEER_TSN, add(1, PEER_NEW));

    peer.send(asconf);

    // ADD-IP was not negotiated (it would need AUTH): skipped and reported by its type bits,
    // which tells the peer to stop (RFC 5061 section 5.1 A9); no answer, no path.
    ErrorChunk error = peer.nextPacketToPeer().only(ErrorChunk.class);
    assertThat(error.causes()).singleElement().isInstanceOf(UnrecognizedChunkTypeCause.class);
    peer.expectSilenceFor(5 * SECONDS);
    assertThat(peer.sentLog()).noneMatch(s -> s.has(AsconfAckChunk.class)
        || s.transmit().remoteAddress().equals(PEER_NEW));
    assertThat(peer.association.peerAddresses()).containsExactly(PEER_ADDRESS);
  }

  @Test
  void rfc5061_4_2_7_anAsconfFromAPeerThatDidNotOfferAddIpIsAnUnknownChunk() {
    ScriptedPeer peer = ScriptedPeer.with(AddressReconfigurationTest::addIp);
    peer.establishActive();

    peer.send(asconf(DEFAULT_PEER_TSN, add(1, PEER_NEW)),
        new AsconfAckChunk(peer.iutInitialTsn, List.of()));

    // By their type bits: ASCONF (0xC1) is skipped and reported, ASCONF-ACK (0x80) skipped.
    ErrorChunk error = peer.nextPacketToPeer().only(ErrorChunk.class);
    assertThat(error.causes()).singleElement().isInstanceOfSatisfying(
        UnrecognizedChunkTypeCause.class, c -> assertThat(c.chunk().get(0)).isEqualTo(0xC1));
    assertThat(peer.association.peerAddresses()).containsExactly(PEER_ADDRESS);
    assertThat(peer.association.state())
        .isEqualTo(AssociationState.ESTABLISHED);
    assertThat(peer.association.options().extensions().addressReconfiguration()).isFalse();
  }

  /** The IUT listens; the tester's INIT carries {@code parameters}; returns the INIT ACK. */
  private static InitAckChunk passiveInitAck(ScriptedPeer peer, Parameter... parameters) {
    peer.endpoint().listen(true);
    InitAckChunk ack = peer.sendInitExpectInitAck(new InitChunk(peer.peerTag,
        ScriptedPeer.DEFAULT_PEER_RWND, 10, 10, peer.nextTsn, List.of(parameters)));
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    peer.discardOutbox();
    return ack;
  }

  private static boolean listsAsconf(InitAckChunk ack) {
    return ack.parameters().stream().anyMatch(p -> p instanceof SupportedExtensionsParameter s
        && s.chunkTypes().contains(ChunkType.ASCONF));
  }

  @Test
  void rfc5061_4_2_7_theListeningSideOffersAddIpToAPeerThatOffersIt() {
    ScriptedPeer peer = ScriptedPeer.with(AddressReconfigurationTest::addIp);

    InitAckChunk ack = passiveInitAck(peer, asconfOffered());

    assertThat(listsAsconf(ack)).isTrue();
    assertThat(peer.endpoint().associations()).singleElement().satisfies(a ->
        assertThat(a.options().extensions().addressReconfiguration()).isTrue());
  }

  @Test
  void rfc5061_4_1_1_aPeerThatAnnouncesAuthIsNotOfferedAddIpWithoutAuth() {
    // usrsctp and FreeBSD abort an association whose INIT ACK lists ASCONF without AUTH; with
    // AUTH off here (auth_enable 0), a peer announcing AUTH gets an association without ADD-IP.
    ScriptedPeer peer = ScriptedPeer.with(AddressReconfigurationTest::addIp);

    InitAckChunk ack = passiveInitAck(peer, new SupportedExtensionsParameter(
            List.of(ChunkType.AUTH, ChunkType.ASCONF, ChunkType.ASCONF_ACK)),
        new RandomParameter(Bytes.wrap(new byte[32])),
        new HmacAlgorithmParameter(List.of(1)),
        new ChunkListParameter(List.of(ChunkType.ASCONF, ChunkType.ASCONF_ACK)));

    assertThat(listsAsconf(ack)).isFalse();
    assertThat(peer.endpoint().associations()).singleElement().satisfies(a -> {
      assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
      assertThat(a.options().extensions().addressReconfiguration()).isFalse();
    });
  }

  // ---- the peer's requests (section 5.2) -------------------------------------------------------

  @Test
  void rfc5061_5_2_anAddedAddressBecomesAnUnconfirmedPathProbedByHeartbeat() {
    ScriptedPeer peer = withAddIp();

    peer.send(asconf(DEFAULT_PEER_TSN, add(7, PEER_NEW)));

    List<Sent> sent = peer.takeAll();
    AsconfAckChunk ack = sent.get(0).toPeer().first(AsconfAckChunk.class);
    assertThat(ack.serialNumber()).isEqualTo(DEFAULT_PEER_TSN);
    assertThat(ack.parameters()).as("a success needs no answer (section 5.1 A8)").isEmpty();
    assertThat(pathState(peer, PEER_NEW)).isEqualTo(PathState.UNCONFIRMED);
    assertThat(addressChanges(peer, PEER_NEW)).containsExactly(PeerAddressChange.Kind.ADDR_ADDED);
    Sent probe = sent.stream().filter(s -> s.transmit().remoteAddress().equals(PEER_NEW))
        .findFirst().orElseThrow();
    HeartbeatChunk hb = probe.only(HeartbeatChunk.class);

    peer.sendFrom(PEER_NEW, new HeartbeatAckChunk(hb.parameters()));

    assertThat(pathState(peer, PEER_NEW)).isEqualTo(PathState.ACTIVE);
    assertThat(addressChanges(peer, PEER_NEW))
        .containsExactly(PeerAddressChange.Kind.ADDR_ADDED, PeerAddressChange.Kind.ADDR_CONFIRMED);
  }

  @Test
  void rfc5061_5_2_anUnconfirmedAddedAddressNeverCarriesData() {
    ScriptedPeer peer = withAddIp();
    peer.send(asconf(DEFAULT_PEER_TSN, add(1, PEER_NEW), setPrimary(2, PEER_NEW)));
    peer.discardOutbox();

    peer.userSend(0, "hello".getBytes());

    Sent data = peer.nextPacket();
    assertThat(data.transmit().remoteAddress()).isEqualTo(PEER_ADDRESS);
    assertThat(data.has(DataChunk.class)).isTrue();
  }

  @Test
  void rfc5061_4_2_1_theWildcardAddressAddsThePacketsSourceAndTheAnswerGoesThere() {
    ScriptedPeer peer = withAddIp();

    peer.sendFrom(PEER_NEW, new AsconfChunk(DEFAULT_PEER_TSN, v4(WILDCARD),
        List.of(add(1, WILDCARD))));

    Sent answer = peer.nextPacket();
    assertThat(answer.transmit().remoteAddress()).isEqualTo(PEER_NEW);
    assertThat(answer.has(AsconfAckChunk.class)).isTrue();
    assertThat(peer.association.peerAddresses()).containsExactly(PEER_ADDRESS, PEER_NEW);
  }

  @Test
  void rfc5061_5_2_E2_aReplayedSerialNumberGetsTheCachedAnswerAndChangesNothing() {
    ScriptedPeer peer = withAddIp();
    peer.send(asconf(DEFAULT_PEER_TSN, add(1, PEER_NEW)));
    AsconfAckChunk first = expectAck(peer);
    peer.discardOutbox();

    // The same serial number again, now asking for something else: the old answer, no action.
    peer.send(asconf(DEFAULT_PEER_TSN, delete(2, PEER_NEW)));

    AsconfAckChunk again = expectAck(peer);
    assertThat(again).isEqualTo(first);
    assertThat(peer.association.peerAddresses()).containsExactly(PEER_ADDRESS, PEER_NEW);
    assertThat(addressChanges(peer, PEER_NEW)).containsExactly(PeerAddressChange.Kind.ADDR_ADDED);
  }

  @Test
  void rfc5061_5_2_anOlderOrAFutureSerialNumberIsDroppedSilently() {
    ScriptedPeer peer = withAddIp();

    peer.send(asconf(DEFAULT_PEER_TSN - 1, add(1, PEER_NEW)));
    peer.send(asconf(DEFAULT_PEER_TSN + 1, add(2, PEER_NEW)));

    peer.expectNoPacket();
    assertThat(peer.association.peerAddresses()).containsExactly(PEER_ADDRESS);
    assertThat(counter(peer, MibCounter.SCTP_IN_ASCONF_DISCARDS)).isEqualTo(2);
  }

  @Test
  void rfc5061_5_2_requestsAreTakenInOrderAndSerialNumbersFollowEachOther() {
    ScriptedPeer peer = withAddIp();
    peer.send(asconf(DEFAULT_PEER_TSN, add(1, PEER_NEW)));
    peer.discardOutbox();

    peer.send(asconf(DEFAULT_PEER_TSN + 1, delete(2, PEER_NEW), add(3, PEER_ADDRESS_2)));

    assertThat(expectAck(peer).serialNumber()).isEqualTo(DEFAULT_PEER_TSN + 1);
    assertThat(peer.association.peerAddresses()).containsExactly(PEER_ADDRESS, PEER_ADDRESS_2);
    assertThat(addressChanges(peer, PEER_NEW))
        .containsExactly(PeerAddressChange.Kind.ADDR_ADDED, PeerAddressChange.Kind.ADDR_REMOVED);
  }

  @Test
  void rfc5061_5_3_F7_deletingTheLastAddressIsRefused() {
    ScriptedPeer peer = withAddIp();

    peer.send(asconf(DEFAULT_PEER_TSN, delete(5, PEER_ADDRESS)));

    AsconfAckChunk ack = expectAck(peer);
    ErrorCauseIndicationParameter error = (ErrorCauseIndicationParameter) ack.parameters().get(0);
    assertThat(error.correlationId()).isEqualTo(5);
    assertThat(error.causes()).singleElement().isInstanceOf(DeleteLastAddressCause.class);
    assertThat(peer.association.peerAddresses()).containsExactly(PEER_ADDRESS);
    assertThat(peer.association.state())
        .isEqualTo(AssociationState.ESTABLISHED);
  }

  @Test
  void rfc5061_5_3_F8_deletingTheAddressTheAsconfCameFromIsRefused() {
    ScriptedPeer peer = multihomed();

    peer.send(asconf(DEFAULT_PEER_TSN, delete(5, PEER_ADDRESS)));

    AsconfAckChunk ack = expectAck(peer);
    ErrorCauseIndicationParameter error = (ErrorCauseIndicationParameter) ack.parameters().get(0);
    assertThat(error.causes()).singleElement().isInstanceOf(DeleteSourceAddressCause.class);
    assertThat(((DeleteSourceAddressCause) error.causes().get(0)).request())
        .as("the cause copies the request").isEqualTo(tlv(delete(5, PEER_ADDRESS)));
    assertThat(peer.association.peerAddresses()).containsExactly(PEER_ADDRESS, PEER_ADDRESS_2);
  }

  @Test
  void rfc5061_4_2_2_aDeletedAddressLosesItsPathAndItsDataGoesToAnother() {
    ScriptedPeer peer = multihomed();
    peer.userSend(0, "in flight".getBytes());
    DataChunk sent = peer.nextPacketToPeer().first(DataChunk.class);

    peer.sendFrom(PEER_ADDRESS_2, asconf(DEFAULT_PEER_TSN, delete(1, PEER_ADDRESS)));

    List<Sent> out = peer.takeAll();
    assertThat(out).allSatisfy(s ->
        assertThat(s.transmit().remoteAddress()).isEqualTo(PEER_ADDRESS_2));
    assertThat(out.stream().anyMatch(s -> s.has(AsconfAckChunk.class))).isTrue();
    assertThat(out.stream().flatMap(s -> s.all(DataChunk.class).stream()).map(DataChunk::tsn))
        .as("the chunk in flight on the deleted path is sent again at once")
        .containsExactly(sent.tsn());
    assertThat(peer.association.peerAddresses()).containsExactly(PEER_ADDRESS_2);
    assertThat(peer.association.options().primaryAddress()).isEqualTo(PEER_ADDRESS_2);
    assertThat(addressChanges(peer, PEER_ADDRESS)).containsExactly(PeerAddressChange.Kind.ADDR_REMOVED);
  }

  @Test
  void rfc5061_4_2_2_theWildcardAddressDeletesEveryAddressButTheSource() {
    ScriptedPeer peer = multihomed();
    peer.send(asconf(DEFAULT_PEER_TSN, add(1, PEER_NEW)));
    peer.discardOutbox();

    peer.sendFrom(PEER_ADDRESS_2, asconf(DEFAULT_PEER_TSN + 1, delete(2, WILDCARD)));

    assertThat(peer.association.peerAddresses()).containsExactly(PEER_ADDRESS_2);
    assertThat(peer.association.options().primaryAddress()).isEqualTo(PEER_ADDRESS_2);
  }

  @Test
  void rfc5061_5_3_deletingAnAddressThatIsNoPathIsUnresolvable() {
    ScriptedPeer peer = multihomed();

    peer.send(asconf(DEFAULT_PEER_TSN, delete(9, PEER_NEW)));

    ErrorCauseIndicationParameter error =
        (ErrorCauseIndicationParameter) expectAck(peer).parameters().get(0);
    assertThat(error.causes()).singleElement().isInstanceOf(UnresolvableAddressCause.class);
  }

  @Test
  void rfc5061_4_2_4_setPrimaryMovesNewDataToThatAddress() {
    ScriptedPeer peer = multihomed();

    peer.send(asconf(DEFAULT_PEER_TSN, setPrimary(1, PEER_ADDRESS_2)));
    peer.discardOutbox();
    peer.userSend(0, "to the new primary".getBytes());

    assertThat(peer.nextPacket().transmit().remoteAddress()).isEqualTo(PEER_ADDRESS_2);
    assertThat(addressChanges(peer, PEER_ADDRESS_2))
        .containsExactly(PeerAddressChange.Kind.ADDR_MADE_PRIM);
  }

  @Test
  void rfc5061_4_2_4_anUnconfirmedAddressBecomesThePrimaryOnceConfirmed() {
    ScriptedPeer peer = withAddIp();
    peer.send(asconf(DEFAULT_PEER_TSN, add(1, PEER_NEW), setPrimary(2, PEER_NEW)));
    HeartbeatChunk probe = peer.takeAll().stream()
        .filter(s -> s.transmit().remoteAddress().equals(PEER_NEW)).findFirst().orElseThrow()
        .only(HeartbeatChunk.class);
    assertThat(peer.association.options().primaryAddress()).isEqualTo(PEER_ADDRESS);

    peer.sendFrom(PEER_NEW, new HeartbeatAckChunk(probe.parameters()));

    assertThat(peer.association.options().primaryAddress()).isEqualTo(PEER_NEW);
    assertThat(addressChanges(peer, PEER_NEW)).containsExactly(PeerAddressChange.Kind.ADDR_ADDED,
        PeerAddressChange.Kind.ADDR_CONFIRMED, PeerAddressChange.Kind.ADDR_MADE_PRIM);
  }

  @Test
  void rfc5061_5_3_anAddressOutsideTheAllowedPeersIsRefusedAndNeverProbed() {
    ScriptedPeer peer = ScriptedPeer.with(AddressReconfigurationTest::addIp);
    peer.endpoint().setAllowedPeerAddresses(a -> !a.equals(PEER_NEW));
    peer.establishActive(asconfOffered());

    peer.send(asconf(DEFAULT_PEER_TSN, add(3, PEER_NEW)));

    List<Sent> out = peer.takeAll();
    assertThat(out).hasSize(1);
    ErrorCauseIndicationParameter error = (ErrorCauseIndicationParameter)
        out.get(0).first(AsconfAckChunk.class).parameters().get(0);
    assertThat(error.causes()).singleElement().isInstanceOf(NoAuthorizationCause.class);
    peer.expectSilenceFor(60 * SECONDS);
    assertThat(peer.sentLog()).noneMatch(s -> s.transmit().remoteAddress().equals(PEER_NEW));
    assertThat(peer.association.peerAddresses()).containsExactly(PEER_ADDRESS);
  }

  @Test
  void rfc5061_5_3_F9_addingAThousandAddressesStopsAtTheLimitOfPaths() {
    ScriptedPeer peer = withAddIp();
    Parameter[] adds = new Parameter[1000];
    for (int i = 0; i < adds.length; i++) {
      adds[i] = add(i + 1, SimAddresses.v4("10.1." + (i / 250) + "." + (i % 250 + 1)));
    }

    peer.send(asconf(DEFAULT_PEER_TSN, adds));

    int max = (int) StackConfig.defaults().get(Sysctl.MAX_PEER_ADDRESSES);
    assertThat(peer.association.peerAddresses()).hasSize(max);
    List<Sent> out = peer.takeAll();
    AsconfAckChunk ack = out.get(0).first(AsconfAckChunk.class);
    assertThat(ack.parameters()).as("one refusal; what follows it counts as failed (A7)")
        .singleElement().satisfies(p -> {
          ErrorCauseIndicationParameter e = (ErrorCauseIndicationParameter) p;
          assertThat(e.correlationId()).isEqualTo(max);
          assertThat(e.causes()).singleElement().isInstanceOf(ResourceShortageCause.class);
        });
    assertThat(out.stream().filter(s -> s.has(HeartbeatChunk.class)).count())
        .as("HB.Max.Burst probes in the first RTO").isEqualTo(1);
    assertThat(addressChanges(peer, SimAddresses.v4("10.1.0.1")))
        .containsExactly(PeerAddressChange.Kind.ADDR_ADDED);
    assertThat(peer.events(PeerAddressChange.class)).hasSize(max - 1);
  }

  @Test
  void rfc5061_5_2_V2_anUnknownParameterIsReportedAsItsTypeBitsSayAndLaterSuccessesAnswered() {
    ScriptedPeer peer = withAddIp();
    UnknownParameter skipAndReport = new UnknownParameter(0xC0F0, Bytes.wrap(new byte[] {0, 0, 0, 42}));

    peer.send(asconf(DEFAULT_PEER_TSN, skipAndReport, add(43, PEER_NEW)));

    AsconfAckChunk ack = expectAck(peer);
    assertThat(ack.parameters()).hasSize(2);
    ErrorCauseIndicationParameter error = (ErrorCauseIndicationParameter) ack.parameters().get(0);
    assertThat(error.correlationId()).isEqualTo(42);
    assertThat(error.causes()).singleElement().isInstanceOf(UnrecognizedParametersCause.class);
    assertThat(ack.parameters().get(1))
        .as("after a failure a success is answered (section 5.1 A7)")
        .isEqualTo(new SuccessIndicationParameter(43));
    assertThat(peer.association.peerAddresses()).containsExactly(PEER_ADDRESS, PEER_NEW);
  }

  @Test
  void rfc5061_5_2_V2_anUnknownParameterThatSaysStopEndsTheProcessingUnreported() {
    ScriptedPeer peer = withAddIp();
    UnknownParameter stop = new UnknownParameter(0x0F0F, Bytes.wrap(new byte[4]));

    peer.send(asconf(DEFAULT_PEER_TSN, stop, add(1, PEER_NEW)));

    assertThat(expectAck(peer).parameters()).isEmpty();
    assertThat(peer.association.peerAddresses()).containsExactly(PEER_ADDRESS);
  }

  // ---- our requests (section 5.1) --------------------------------------------------------------

  @Test
  void rfc5061_5_1_bindingAnAddressSendsAnAsconfWithAddIpFromAnAddressThePeerKnows() {
    ScriptedPeer peer = withAddIp();

    peer.endpoint().addLocalAddress(peer.now(), IUT_NEW);
    peer.flush();

    Sent s = peer.nextPacketToPeer();
    AsconfChunk asconf = s.only(AsconfChunk.class);
    assertThat(asconf.serialNumber()).isEqualTo(peer.iutInitialTsn);
    assertThat(asconf.address()).isEqualTo(v4(IUT_ADDRESS));
    assertThat(asconf.parameters()).singleElement().isInstanceOf(AddIpAddressParameter.class)
        .satisfies(p -> assertThat(((AddIpAddressParameter) p).address()).isEqualTo(v4(IUT_NEW)));
    assertThat(peer.association.localAddresses()).containsExactly(IUT_ADDRESS, IUT_NEW);
  }

  @Test
  void rfc5061_5_3_aNewAddressIsNoSourceUntilThePeerAcknowledgedIt() {
    ScriptedPeer peer = withAddIp();
    peer.endpoint().addLocalAddress(peer.now(), IUT_NEW);
    peer.flush();
    AsconfChunk asconf = expectAsconf(peer);
    peer.userSend(0, "before".getBytes());
    assertThat(peer.nextPacketToPeer().transmit().localAddress()).isEqualTo(IUT_ADDRESS);
    peer.send(sack(peer.iutInitialTsn));

    peer.send(new AsconfAckChunk(asconf.serialNumber(), List.of()));
    peer.userSend(0, "after".getBytes());

    // 10.0.0.3 matches the tester's 10.0.0.2 better than 10.0.0.1: the path takes it now.
    assertThat(peer.nextPacket().transmit().localAddress()).isEqualTo(IUT_NEW);
  }

  @Test
  void rfc5061_5_1_1_oneAsconfIsInFlightAndTheNextWaitsForItsAnswer() {
    ScriptedPeer peer = withAddIp();
    peer.endpoint().addLocalAddress(peer.now(), IUT_NEW);
    peer.flush();
    AsconfChunk first = expectAsconf(peer);
    peer.association.options().setPeerPrimaryAddress(IUT_NEW);
    peer.flush();
    peer.expectNoPacket();

    peer.send(new AsconfAckChunk(first.serialNumber(), List.of()));

    AsconfChunk second = peer.nextPacket().first(AsconfChunk.class);
    assertThat(second.serialNumber()).isEqualTo(first.serialNumber() + 1);
    assertThat(second.parameters()).singleElement().isInstanceOf(SetPrimaryAddressParameter.class);
  }

  @Test
  void rfc5061_5_1_B_anUnansweredAsconfGoesAgainUnchangedAfterTheRtoWithErrorsCounted() {
    ScriptedPeer peer = withAddIp();
    peer.endpoint().addLocalAddress(peer.now(), IUT_NEW);
    peer.flush();
    AsconfChunk first = expectAsconf(peer);
    long sentAt = peer.now();

    AsconfChunk again = peer.awaitPacket(2 * SECONDS).only(AsconfChunk.class);

    assertThat(peer.now() - sentAt).as("RTO.Initial").isEqualTo(1000 * MS);
    assertThat(again).isEqualTo(first);
    assertThat(peer.association.errorCount()).isEqualTo(1);
    assertThat(peer.association.options().peerAddressInfo(PEER_ADDRESS).errorCount()).isEqualTo(1);
    assertThat(counter(peer, MibCounter.SCTP_ASCONF_EXPIREDS)).isEqualTo(1);
    long resentAt = peer.now();
    peer.awaitPacket(3 * SECONDS).only(AsconfChunk.class);
    assertThat(peer.now() - resentAt).as("the RTO backed off").isEqualTo(2000 * MS);
  }

  @Test
  void rfc5061_5_1_B4_theRetransmissionGoesToAnotherPathWhenThereIsOne() {
    ScriptedPeer peer = multihomed();
    peer.association.options().setPeerPrimaryAddress(IUT_ADDRESS);
    peer.flush();
    assertThat(peer.nextPacket().transmit().remoteAddress()).isEqualTo(PEER_ADDRESS);

    Sent again = peer.awaitPacket(2 * SECONDS);

    assertThat(again.has(AsconfChunk.class)).isTrue();
    assertThat(again.transmit().remoteAddress()).isEqualTo(PEER_ADDRESS_2);
  }

  @Test
  void rfc5061_5_1_B2_anAsconfNeverAnsweredEndsTheAssociation() {
    ScriptedPeer peer = withAddIp();
    peer.association.options().setAssociationMaxRetrans(2);
    peer.endpoint().addLocalAddress(peer.now(), IUT_NEW);
    peer.flush();

    peer.advance(60 * SECONDS);

    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.COMM_LOST);
    assertThat(counter(peer, MibCounter.SCTP_ASCONF_EXPIREDS)).isEqualTo(3);
  }

  @Test
  void rfc5061_5_1_A5_theAnswerClearsTheErrorCounters() {
    ScriptedPeer peer = withAddIp();
    peer.endpoint().addLocalAddress(peer.now(), IUT_NEW);
    peer.flush();
    AsconfChunk asconf = expectAsconf(peer);
    peer.awaitPacket(2 * SECONDS);
    assertThat(peer.association.errorCount()).isEqualTo(1);

    peer.send(new AsconfAckChunk(asconf.serialNumber(), List.of()));

    assertThat(peer.association.errorCount()).isZero();
    assertThat(peer.association.options().peerAddressInfo(PEER_ADDRESS).errorCount()).isZero();
    peer.expectSilenceFor(10 * SECONDS);
  }

  @Test
  void rfc5061_5_1_A7_requestsAfterARefusedOneWithoutAnswerFailedToo() {
    ScriptedPeer peer = withAddIp();
    InetAddress other = SimAddresses.v4("10.0.0.8");
    peer.endpoint().addLocalAddress(peer.now(), IUT_NEW);
    peer.endpoint().addLocalAddress(peer.now(), other);
    peer.flush();
    AsconfChunk asconf = expectAsconf(peer);
    assertThat(asconf.parameters()).hasSize(2);
    int firstId = ((AddIpAddressParameter) asconf.parameters().get(0)).correlationId();

    peer.send(new AsconfAckChunk(asconf.serialNumber(), List.of(new ErrorCauseIndicationParameter(
        firstId, List.of(new NoAuthorizationCause(Bytes.EMPTY))))));

    assertThat(peer.association.localAddresses()).containsExactly(IUT_ADDRESS);
    assertThat(counter(peer, MibCounter.SCTP_ASCONF_REFUSED)).isEqualTo(2);
  }

  @Test
  void rfc5061_5_3_aRequestTypeThePeerDoesNotUnderstandIsNotSentAgain() {
    ScriptedPeer peer = withAddIp();
    peer.association.options().setPeerPrimaryAddress(IUT_ADDRESS);
    peer.flush();
    AsconfChunk asconf = expectAsconf(peer);
    int id = ((SetPrimaryAddressParameter) asconf.parameters().get(0)).correlationId();

    peer.send(new AsconfAckChunk(asconf.serialNumber(), List.of(new ErrorCauseIndicationParameter(
        id, List.of(new UnrecognizedParametersCause(tlv(asconf.parameters().get(0))))))));

    assertThatThrownBy(() -> peer.association.options().setPeerPrimaryAddress(IUT_ADDRESS))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("refused");
    peer.endpoint().addLocalAddress(peer.now(), IUT_NEW);
    peer.flush();
    assertThat(expectAsconf(peer).parameters()).as("Add IP Address is another type")
        .singleElement().isInstanceOf(AddIpAddressParameter.class);
  }

  @Test
  void rfc5061_5_3_F0_anAsconfAckForAnAsconfNeverSentAbortsTheAssociation() {
    ScriptedPeer peer = withAddIp();

    peer.send(new AsconfAckChunk(peer.iutInitialTsn, List.of()));

    AbortChunk abort = peer.nextPacketToPeer().only(AbortChunk.class);
    assertThat(abort.causes()).singleElement().isInstanceOf(IllegalAsconfAckCause.class);
    assertThat(peer.associationChanges())
        .containsExactly(AssociationChange.Kind.COMM_UP, AssociationChange.Kind.COMM_LOST);
  }

  @Test
  void rfc5061_5_1_anAsconfAckWithAnotherSerialNumberIsDropped() {
    ScriptedPeer peer = withAddIp();
    peer.endpoint().addLocalAddress(peer.now(), IUT_NEW);
    peer.flush();
    AsconfChunk asconf = expectAsconf(peer);

    peer.send(new AsconfAckChunk(asconf.serialNumber() - 1, List.of()));

    assertThat(counter(peer, MibCounter.SCTP_IN_ASCONF_DISCARDS)).isEqualTo(1);
    assertThat(peer.awaitPacket(2 * SECONDS).only(AsconfChunk.class)).isEqualTo(asconf);
  }

  @Test
  void rfc5061_5_1_A9_anErrorReportingAsconfUnrecognizedStopsAddIp() {
    ScriptedPeer peer = withAddIp();
    peer.endpoint().addLocalAddress(peer.now(), IUT_NEW);
    peer.flush();
    AsconfChunk asconf = expectAsconf(peer);

    peer.send(new ErrorChunk(List.of(new UnrecognizedChunkTypeCause(tlv(asconf)))));

    peer.expectSilenceFor(30 * SECONDS);
    assertThat(peer.association.localAddresses()).containsExactly(IUT_ADDRESS);
    assertThatThrownBy(() -> peer.association.options().setPeerPrimaryAddress(IUT_ADDRESS))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rfc5061_5_1_unbindingAnAddressAsksThePeerAndItKeepsReceivingUntilTheAnswer() {
    ScriptedPeer peer = iutWithTwoAddresses();
    InetAddress second = SimAddresses.v4("10.0.0.7");

    assertThat(peer.endpoint().removeLocalAddress(peer.now(), second)).isTrue();
    peer.flush();

    AsconfChunk asconf = expectAsconf(peer);
    assertThat(asconf.parameters()).singleElement().isInstanceOf(DeleteIpAddressParameter.class);
    assertThat(peer.endpoint().localAddresses()).containsExactly(IUT_ADDRESS);
    assertThat(peer.endpoint().usesLocalAddress(second)).isTrue();

    peer.send(new AsconfAckChunk(asconf.serialNumber(), List.of()));

    assertThat(peer.endpoint().usesLocalAddress(second)).isFalse();
    assertThat(peer.association.localAddresses()).containsExactly(IUT_ADDRESS);
  }

  @Test
  void rfc5061_5_3_unbindingTheAssociationsLastAddressIsRefused() {
    ScriptedPeer peer = withAddIp();
    peer.endpoint().addLocalAddress(peer.now(), IUT_NEW);
    peer.flush();
    AsconfChunk asconf = expectAsconf(peer);
    int id = ((AddIpAddressParameter) asconf.parameters().get(0)).correlationId();
    peer.send(new AsconfAckChunk(asconf.serialNumber(), List.of(new ErrorCauseIndicationParameter(
        id, List.of(new NoAuthorizationCause(tlv(asconf.parameters().get(0))))))));
    assertThat(peer.association.localAddresses()).containsExactly(IUT_ADDRESS);

    assertThatThrownBy(() -> peer.endpoint().removeLocalAddress(peer.now(), IUT_ADDRESS))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("last address");
    assertThat(peer.endpoint().localAddresses()).containsExactly(IUT_ADDRESS, IUT_NEW);
  }

  @Test
  void rfc5061_5_3_F8_anAddressUnboundRightAfterANewOneWasBoundGoesOnceTheNewOneIsAcknowledged() {
    ScriptedPeer peer = withAddIp();

    peer.endpoint().addLocalAddress(peer.now(), IUT_NEW);
    peer.endpoint().removeLocalAddress(peer.now(), IUT_ADDRESS);
    peer.flush();

    Sent first = peer.nextPacketToPeer();
    AsconfChunk add = first.only(AsconfChunk.class);
    assertThat(add.parameters()).as("the deletion of the source waits")
        .singleElement().isInstanceOf(AddIpAddressParameter.class);
    peer.expectNoPacket();

    peer.send(new AsconfAckChunk(add.serialNumber(), List.of()));

    Sent second = peer.nextPacket();
    assertThat(second.transmit().localAddress()).as("sent from the added address")
        .isEqualTo(IUT_NEW);
    AsconfChunk delete = second.only(AsconfChunk.class);
    assertThat(delete.address()).isEqualTo(v4(IUT_NEW));
    assertThat(delete.parameters()).singleElement().satisfies(p ->
        assertThat(((DeleteIpAddressParameter) p).address()).isEqualTo(v4(IUT_ADDRESS)));
  }

  @Test
  void rfc5061_5_3_unbindingAnAddressWithoutAddIpIsRefusedAsBefore() {
    ScriptedPeer peer = new ScriptedPeer(StackConfig.defaults(), 1, IUT_ADDRESS,
        SimAddresses.v4("10.0.0.7"));
    peer.establishActive();

    assertThatThrownBy(() -> peer.endpoint().removeLocalAddress(peer.now(), SimAddresses.v4("10.0.0.7")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ADD-IP");
  }

  @Test
  void rfc5061_4_2_4_setPeerPrimaryAsksThePeerWithSetPrimaryAddress() {
    ScriptedPeer peer = iutWithTwoAddresses();
    InetAddress second = SimAddresses.v4("10.0.0.7");

    peer.association.options().setPeerPrimaryAddress(second);
    peer.flush();

    AsconfChunk asconf = expectAsconf(peer);
    assertThat(asconf.parameters()).singleElement().satisfies(p ->
        assertThat(((SetPrimaryAddressParameter) p).address()).isEqualTo(v4(second)));
  }

  @Test
  void rfc6458_8_3_1_setPeerPrimaryNeedsAddIpAndAnAddressOfOurs() {
    ScriptedPeer plain = new ScriptedPeer();
    plain.establishActive();
    assertThatThrownBy(() -> plain.association.options().setPeerPrimaryAddress(IUT_ADDRESS))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ADD-IP");

    ScriptedPeer peer = withAddIp();
    assertThatThrownBy(() -> peer.association.options().setPeerPrimaryAddress(PEER_ADDRESS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a local address");
  }

  private static Bytes tlv(Parameter p) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(p.paddedLength());
    p.writeTo(b);
    return Bytes.wrap(b.array(), 0, p.encodedLength());
  }

  private static Bytes tlv(AsconfChunk c) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(c.paddedLength());
    c.writeTo(b);
    return Bytes.wrap(b.array(), 0, c.encodedLength());
  }
}
