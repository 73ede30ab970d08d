package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.testkit.ScriptedPeer.DEFAULT_PEER_RWND;
import static org.jsctp.testkit.ScriptedPeer.IUT_PORT;
import static org.jsctp.testkit.ScriptedPeer.PEER_PORT;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;
import static org.jsctp.testkit.ScriptedPeer.TESTER_COOKIE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.AuthenticationEvent;
import org.jsctp.association.AuthOptions;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.Sysctl;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.AuthPeer;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.AuthChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.ChunkListParameter;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.HeartbeatAckChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.HmacAlgorithmParameter;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.ProtocolViolationCause;
import org.jsctp.wire.RandomParameter;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.StateCookieParameter;
import org.jsctp.wire.SupportedExtensionsParameter;
import org.jsctp.wire.UnsupportedHmacIdentifierCause;
import org.junit.jupiter.api.Test;

/**
 * AUTH (RFC 4895) against a scripted peer: negotiation both ways and without the peer, the HMAC
 * of what the IUT sends checked by the tester's own computation ({@link AuthPeer}), the placement
 * of AUTH among other chunks, and what the IUT does with authenticated, badly authenticated and
 * unauthenticated chunks, key rotation (RFC 6458 section 8.3) and hostile AUTH chunks.
 */
class AuthenticationTest {

  private static final byte[] KEY_1 = "key number one".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEY_2 = "key number two".getBytes(StandardCharsets.US_ASCII);

  /** An IUT with auth_enable on, its AUTH options set by {@code setup}. */
  private static ScriptedPeer iut(Consumer<AuthOptions> setup) {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.AUTH_ENABLE, 1));
    setup.accept(peer.options().auth());
    return peer;
  }

  /** The IUT connects, the tester answers with its AUTH parameters, learning the IUT's INIT. */
  private static SctpAssociation establishActive(ScriptedPeer peer, AuthPeer tester) {
    SctpAssociation a = peer.establishActive(tester.parameters().toArray(new Parameter[0]));
    tester.learnIut(peer.sentLog().get(0).only(InitChunk.class).parameters());
    return a;
  }

  /** The tester's INIT with its AUTH parameters; the IUT's INIT ACK is learnt and returned. */
  private static InitAckChunk initWithAuth(ScriptedPeer peer, AuthPeer tester) {
    peer.endpoint().listen(true);
    InitAckChunk ack = peer.sendInitExpectInitAck(new InitChunk(peer.peerTag, DEFAULT_PEER_RWND,
        10, 10, peer.nextTsn, tester.parameters()));
    tester.learnIut(ack.parameters());
    return ack;
  }

  /** The tester connects with AUTH; COMM_UP is checked. */
  private static SctpAssociation establishPassive(ScriptedPeer peer, AuthPeer tester) {
    InitAckChunk ack = initWithAuth(peer, tester);
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    assertThat(peer.nextPacketToPeer().chunks().get(0)).isInstanceOf(CookieAckChunk.class);
    assertThat(peer.associationChanges()).contains(AssociationChange.Kind.COMM_UP);
    peer.association = peer.endpoint().association(
        peer.events(AssociationChange.class).get(0).associationId());
    return peer.association;
  }

  /** Sends {@code chunks} with the IUT's tag, the first AUTH chunk among them signed. */
  private static void sendSigned(ScriptedPeer peer, AuthPeer tester, Chunk... chunks) {
    peer.sendRaw(tester.sign(ScriptedPeer.encode(PEER_PORT, IUT_PORT, peer.iutTag, chunks)));
  }

  private static List<Integer> types(Sent s) {
    List<Integer> types = new ArrayList<>();
    for (Chunk c : s.chunks()) {
      types.add(c.type());
    }
    return types;
  }

  private static long counter(ScriptedPeer peer, MibCounter c) {
    return peer.endpoint().counters().get(c);
  }

  private static <T extends Parameter> T parameter(List<Parameter> params, Class<T> type) {
    return params.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
  }

  // ---- negotiation ---------------------------------------------------------------------------

  @Test
  void rfc4895_3_authIsNotOfferedByDefaultAsInLinux() {
    InitChunk init = new ScriptedPeer().connect();
    assertThat(parameter(init.parameters(), RandomParameter.class)).isNull();
    assertThat(parameter(init.parameters(), HmacAlgorithmParameter.class)).isNull();
  }

  @Test
  void rfc4895_3_theInitCarriesRandomChunkListAndHmacAlgoAndListsAuth() {
    ScriptedPeer peer = iut(a -> a.addChunk(ChunkType.DATA));
    InitChunk init = peer.connect();
    assertThat(parameter(init.parameters(), RandomParameter.class).random().length()).isEqualTo(32);
    assertThat(parameter(init.parameters(), ChunkListParameter.class).chunkTypes())
        .containsExactly(ChunkType.DATA, ChunkType.ASCONF_ACK, ChunkType.ASCONF);
    assertThat(parameter(init.parameters(), HmacAlgorithmParameter.class).hmacIds())
        .containsExactly(AuthPeer.SHA_256, AuthPeer.SHA_1);
    assertThat(parameter(init.parameters(), SupportedExtensionsParameter.class).chunkTypes())
        .contains(ChunkType.AUTH);
  }

  @Test
  void rfc4895_6_1_activeSideAuthenticatesWhatTheTesterListedWithTheHmacItPrefers() {
    ScriptedPeer peer = iut(a -> {});
    AuthPeer tester = new AuthPeer(new byte[32], List.of(ChunkType.DATA),
        List.of(AuthPeer.SHA_256, AuthPeer.SHA_1));
    SctpAssociation a = establishActive(peer, tester);
    assertThat(a.options().auth().negotiated()).isTrue();
    assertThat(a.options().auth().peerChunks()).containsExactly(ChunkType.DATA);
    assertThat(a.options().auth().sendHmacIdent()).isEqualTo(AuthPeer.SHA_256);
    peer.userSend(0, "hello".getBytes());
    Sent s = peer.nextPacketToPeer();
    assertThat(types(s)).containsExactly(ChunkType.AUTH, ChunkType.DATA);
    AuthChunk auth = s.first(AuthChunk.class);
    assertThat(auth.sharedKeyId()).isZero();
    assertThat(auth.hmacId()).isEqualTo(AuthPeer.SHA_256);
    assertThat(auth.hmac().length()).isEqualTo(32);
    assertThat(tester.verifies(s.transmit().packet())).isTrue();
    assertThat(counter(peer, MibCounter.SCTP_OUT_AUTH_CHUNKS)).isEqualTo(1);
  }

  @Test
  void rfc4895_6_1_passiveSideTakesAuthenticatedDataItListedAndAuthenticatesWhatTheTesterListed() {
    ScriptedPeer peer = iut(a -> a.addChunk(ChunkType.DATA));
    AuthPeer tester = AuthPeer.listing(ChunkType.SACK);
    establishPassive(peer, tester);
    int tsn = peer.nextTsn;
    sendSigned(peer, tester, AuthPeer.placeholder(0, AuthPeer.SHA_1), peer.data(0, 0, "hi"));
    assertThat(peer.receivedStrings()).containsExactly("hi");
    Sent s = peer.awaitPacket(SECONDS);
    assertThat(types(s)).containsExactly(ChunkType.AUTH, ChunkType.SACK);
    assertThat(s.first(SackChunk.class).cumulativeTsnAck()).isEqualTo(tsn);
    assertThat(s.first(AuthChunk.class).hmacId()).isEqualTo(AuthPeer.SHA_1);
    assertThat(tester.verifies(s.transmit().packet())).isTrue();
    assertThat(counter(peer, MibCounter.SCTP_IN_AUTH_CHUNKS)).isEqualTo(1);
  }

  @Test
  void rfc4895_6_1_whenThePeerDoesNotOfferAuthNothingIsAuthenticatedAndNoAuthIsReported() {
    ScriptedPeer peer = iut(a -> a.addChunk(ChunkType.DATA));
    SctpAssociation a = peer.establishActive();
    assertThat(a.options().auth().negotiated()).isFalse();
    assertThat(peer.events(AuthenticationEvent.class)).containsExactly(new AuthenticationEvent(
        a.id(), AuthenticationEvent.Indication.NO_AUTH, 0));
    peer.sendData(0, 0, "plain");
    assertThat(peer.receivedStrings()).containsExactly("plain");
    peer.userSend(0, "back".getBytes());
    assertThat(types(peer.nextPacketToPeer())).doesNotContain(ChunkType.AUTH);
  }

  @Test
  void rfc4895_6_1_aPeerThatSendsAuthParametersWithoutListingAuthDoesNotGetIt() {
    ScriptedPeer peer = iut(a -> {});
    AuthPeer tester = AuthPeer.listing(ChunkType.DATA);
    List<Parameter> unlisted = new ArrayList<>(tester.parameters());
    unlisted.removeIf(p -> p instanceof SupportedExtensionsParameter);
    SctpAssociation a = peer.establishActive(unlisted.toArray(new Parameter[0]));
    assertThat(a.options().auth().negotiated()).isFalse();
  }

  @Test
  void rfc4895_6_1_withAuthOffAuthParametersAreIgnoredAndAuthChunksStopThePacket() {
    ScriptedPeer peer = new ScriptedPeer();
    AuthPeer tester = AuthPeer.listing(ChunkType.DATA);
    peer.establishActive(tester.parameters().toArray(new Parameter[0]));
    peer.send(AuthPeer.placeholder(0, AuthPeer.SHA_1), peer.data(0, 0, "ignored"));
    assertThat(peer.received()).isEmpty();
    peer.expectNoPacket();
  }

  @Test
  void rfc4895_6_1_anHmacListWithoutSha1AbortsTheInitWithAProtocolViolation() {
    ScriptedPeer peer = iut(a -> {});
    peer.endpoint().listen(true);
    AuthPeer tester = new AuthPeer(new byte[32], List.of(), List.of(AuthPeer.SHA_256));
    peer.sendWithTag(0, new InitChunk(peer.peerTag, DEFAULT_PEER_RWND, 10, 10, peer.nextTsn,
        tester.parameters()));
    AbortChunk abort = peer.nextPacket().toPeer().withTag(peer.peerTag).only(AbortChunk.class);
    assertThat(abort.causes()).singleElement().isInstanceOf(ProtocolViolationCause.class);
    assertThat(peer.endpoint().associations()).isEmpty();
  }

  @Test
  void rfc4895_6_1_anInitAckWithARandomOf16BytesAbortsTheHandshake() {
    ScriptedPeer peer = iut(a -> {});
    peer.connect();
    AuthPeer tester = new AuthPeer(new byte[16], List.of(), List.of(AuthPeer.SHA_1));
    List<Parameter> params = new ArrayList<>(List.of(new StateCookieParameter(TESTER_COOKIE)));
    params.addAll(tester.parameters());
    peer.sendInitAck(peer.initAck(10, 10, DEFAULT_PEER_RWND, params));
    AbortChunk abort = peer.nextPacketToPeer().only(AbortChunk.class);
    assertThat(abort.causes()).singleElement().isInstanceOf(ProtocolViolationCause.class);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.CANT_STR_ASSOC);
  }

  // ---- placement -----------------------------------------------------------------------------

  @Test
  void rfc4895_6_2_aCookieEchoTheTesterListedComesAfterTheAuthChunk() {
    ScriptedPeer peer = iut(a -> {});
    AuthPeer tester = AuthPeer.listing(ChunkType.COOKIE_ECHO);
    InitChunk init = peer.connect();
    tester.learnIut(init.parameters());
    List<Parameter> params = new ArrayList<>(List.of(new StateCookieParameter(TESTER_COOKIE)));
    params.addAll(tester.parameters());
    peer.sendInitAck(peer.initAck(10, 10, DEFAULT_PEER_RWND, params));
    Sent s = peer.nextPacketToPeer();
    assertThat(types(s)).containsExactly(ChunkType.AUTH, ChunkType.COOKIE_ECHO);
    assertThat(tester.verifies(s.transmit().packet())).isTrue();
  }

  // ---- receiving ------------------------------------------------------------------------------

  @Test
  void rfc4895_6_3_aBadHmacDiscardsTheChunksAfterItSilentlyAndIsCounted() {
    ScriptedPeer peer = iut(a -> a.addChunk(ChunkType.DATA));
    AuthPeer tester = AuthPeer.listing();
    establishActive(peer, tester);
    byte[] packet = tester.sign(ScriptedPeer.encode(PEER_PORT, IUT_PORT, peer.iutTag,
        AuthPeer.placeholder(0, AuthPeer.SHA_1), peer.data(0, 0, "forged")));
    packet[packet.length - 4] ^= 0x01; // inside the DATA: the HMAC no longer matches
    peer.sendRawWithCrc(packet);
    assertThat(peer.received()).isEmpty();
    peer.expectSilenceFor(SECONDS);
    assertThat(counter(peer, MibCounter.SCTP_IN_AUTH_BAD_HMACS)).isEqualTo(1);
  }

  @Test
  void rfc4895_6_3_aKeyIdentifierWithNoKeyIsDiscardedSilently() {
    ScriptedPeer peer = iut(a -> a.addChunk(ChunkType.DATA));
    AuthPeer tester = AuthPeer.listing().key(5, KEY_1);
    establishActive(peer, tester);
    sendSigned(peer, tester, AuthPeer.placeholder(5, AuthPeer.SHA_1), peer.data(0, 0, "key 5"));
    assertThat(peer.received()).isEmpty();
    peer.expectSilenceFor(SECONDS);
    assertThat(counter(peer, MibCounter.SCTP_IN_AUTH_UNKNOWN_KEYS)).isEqualTo(1);
  }

  @Test
  void rfc4895_6_3_anHmacIdentifierTheIutDidNotListIsReportedWithCause0x0105() {
    ScriptedPeer peer = iut(a -> {
      a.addChunk(ChunkType.DATA);
      a.setHmacIdents(List.of(AuthPeer.SHA_1));
    });
    AuthPeer tester = AuthPeer.listing();
    establishActive(peer, tester);
    sendSigned(peer, tester, AuthPeer.placeholder(0, AuthPeer.SHA_256), peer.data(0, 0, "sha256"));
    assertThat(peer.received()).isEmpty();
    ErrorChunk error = peer.nextPacketToPeer().only(ErrorChunk.class);
    assertThat(error.cause(UnsupportedHmacIdentifierCause.class).orElseThrow().hmacId())
        .isEqualTo(AuthPeer.SHA_256);
    assertThat(counter(peer, MibCounter.SCTP_IN_AUTH_UNSUPPORTED_HMACS)).isEqualTo(1);
  }

  @Test
  void rfc4895_6_3_aChunkTheIutListedIsDiscardedWithoutAuthAndCountedWhileOthersAreTaken() {
    ScriptedPeer peer = iut(a -> a.addChunk(ChunkType.DATA));
    AuthPeer tester = AuthPeer.listing();
    establishActive(peer, tester);
    peer.send(new HeartbeatChunk(List.of()), peer.data(0, 0, "unauthenticated"));
    assertThat(peer.received()).isEmpty();
    assertThat(peer.nextPacketToPeer().only(HeartbeatAckChunk.class)).isNotNull();
    assertThat(counter(peer, MibCounter.SCTP_IN_AUTH_MISSING)).isEqualTo(1);
  }

  @Test
  void rfc4895_6_3_chunksBeforeTheAuthChunkAreNotAuthenticated() {
    ScriptedPeer peer = iut(a -> {
      a.addChunk(ChunkType.HEARTBEAT);
      a.addChunk(ChunkType.DATA);
    });
    AuthPeer tester = AuthPeer.listing();
    establishActive(peer, tester);
    sendSigned(peer, tester, new HeartbeatChunk(List.of()),
        AuthPeer.placeholder(0, AuthPeer.SHA_1), peer.data(0, 0, "after"));
    assertThat(peer.receivedStrings()).containsExactly("after");
    assertThat(types(peer.awaitPacket(SECONDS))).containsExactly(ChunkType.SACK);
    assertThat(counter(peer, MibCounter.SCTP_IN_AUTH_MISSING)).isEqualTo(1);
  }

  @Test
  void rfc4895_6_3_asconfIsAlwaysRequiredAuthenticated() {
    ScriptedPeer peer = iut(a -> {});
    AuthPeer tester = AuthPeer.listing();
    SctpAssociation a = establishActive(peer, tester);
    assertThat(a.options().auth().localChunks()).contains(ChunkType.ASCONF, ChunkType.ASCONF_ACK);
    assertThat(a.requiresAuthentication(ChunkType.ASCONF)).isTrue();
    assertThat(a.requiresAuthentication(ChunkType.ASCONF_ACK)).isTrue();
    assertThat(a.requiresAuthentication(ChunkType.DATA)).isFalse();
  }

  // ---- COOKIE ECHO ----------------------------------------------------------------------------

  @Test
  void rfc4895_6_3_aCookieEchoWithAuthAndDataAfterItCreatesTheAssociationAndTakesTheData() {
    ScriptedPeer peer = iut(a -> a.addChunk(ChunkType.DATA));
    AuthPeer tester = AuthPeer.listing(ChunkType.SACK).key(1, KEY_1);
    peer.options().auth().keys().set(1, KEY_1);
    InitAckChunk ack = initWithAuth(peer, tester);
    sendSigned(peer, tester, new CookieEchoChunk(ack.stateCookie().orElseThrow()),
        AuthPeer.placeholder(1, AuthPeer.SHA_1), peer.data(0, 0, "with the cookie"));
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
    assertThat(peer.receivedStrings()).containsExactly("with the cookie");
    Sent s = peer.nextPacketToPeer();
    assertThat(s.chunks().get(0)).isInstanceOf(CookieAckChunk.class);
    if (!s.has(SackChunk.class)) {
      s = peer.awaitPacket(SECONDS);
    }
    assertThat(types(s)).containsSubsequence(ChunkType.AUTH, ChunkType.SACK);
    assertThat(tester.verifies(s.transmit().packet())).isTrue();
  }

  @Test
  void rfc4895_6_3_aCookieEchoBeforeABadAuthStillSetsUpButTheDataAfterTheAuthIsDiscarded() {
    ScriptedPeer peer = iut(a -> a.addChunk(ChunkType.DATA));
    AuthPeer tester = AuthPeer.listing().key(1, KEY_2);
    peer.options().auth().keys().set(1, KEY_1);
    InitAckChunk ack = initWithAuth(peer, tester);
    sendSigned(peer, tester, new CookieEchoChunk(ack.stateCookie().orElseThrow()),
        AuthPeer.placeholder(1, AuthPeer.SHA_1), peer.data(0, 0, "wrong key"));
    // The cookie is good: it comes first and is handled; the DATA after the bad AUTH is not.
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
    assertThat(peer.received()).isEmpty();
    assertThat(counter(peer, MibCounter.SCTP_IN_AUTH_BAD_HMACS)).isEqualTo(1);
  }

  @Test
  void rfc4895_6_3_aCookieEchoTheIutListedCountsOnlyAfterAVerifiedAuth() {
    ScriptedPeer peer = iut(a -> a.addChunk(ChunkType.COOKIE_ECHO));
    AuthPeer tester = AuthPeer.listing();
    InitAckChunk ack = initWithAuth(peer, tester);
    CookieEchoChunk echo = new CookieEchoChunk(ack.stateCookie().orElseThrow());
    peer.send(echo);
    assertThat(peer.endpoint().associations()).isEmpty();
    peer.expectNoPacket();
    assertThat(counter(peer, MibCounter.SCTP_IN_AUTH_MISSING)).isEqualTo(1);
    byte[] forged = tester.sign(ScriptedPeer.encode(PEER_PORT, IUT_PORT, peer.iutTag,
        AuthPeer.placeholder(0, AuthPeer.SHA_1), echo));
    forged[25] ^= 0x01; // inside the HMAC
    peer.sendRawWithCrc(forged);
    assertThat(peer.endpoint().associations()).isEmpty();
    assertThat(counter(peer, MibCounter.SCTP_IN_AUTH_BAD_HMACS)).isEqualTo(1);
    sendSigned(peer, tester, AuthPeer.placeholder(0, AuthPeer.SHA_1), echo,
        peer.data(0, 0, "after the cookie"));
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
    assertThat(peer.receivedStrings()).containsExactly("after the cookie");
    assertThat(peer.nextPacketToPeer().chunks().get(0)).isInstanceOf(CookieAckChunk.class);
    // A retransmission of the same authenticated COOKIE ECHO meets the association: case D.
    sendSigned(peer, tester, AuthPeer.placeholder(0, AuthPeer.SHA_1), echo);
    assertThat(peer.nextPacketToPeer().chunks().get(0)).isInstanceOf(CookieAckChunk.class);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  // ---- keys ----------------------------------------------------------------------------------

  @Test
  void rfc6458_8_3_keysAreRotatedWithActivateDeactivateAndDelete() {
    ScriptedPeer peer = iut(a -> a.addChunk(ChunkType.DATA));
    AuthPeer tester = AuthPeer.listing(ChunkType.DATA).key(1, KEY_1);
    SctpAssociation a = establishActive(peer, tester);
    a.options().auth().setKey(1, KEY_1);
    assertThat(a.options().auth().keyNumbers()).containsExactly(0, 1);

    // The tester moves to key 1 first: the IUT reports it and still takes key 0.
    sendSigned(peer, tester, AuthPeer.placeholder(1, AuthPeer.SHA_1), peer.data(0, 0, "one"));
    assertThat(peer.events(AuthenticationEvent.class)).containsExactly(
        new AuthenticationEvent(a.id(), AuthenticationEvent.Indication.NEW_KEY, 1));
    sendSigned(peer, tester, AuthPeer.placeholder(0, AuthPeer.SHA_1), peer.data(0, 1, "zero"));
    assertThat(peer.receivedStrings()).containsExactly("one", "zero");
    peer.discardOutbox();

    // The IUT moves to key 1, then gives up key 0 for sending and deletes it.
    a.options().auth().setActiveKey(1);
    peer.userSend(0, "sent with one".getBytes());
    Sent s = peer.nextPacketToPeer();
    assertThat(s.first(AuthChunk.class).sharedKeyId()).isEqualTo(1);
    assertThat(tester.verifies(s.transmit().packet())).isTrue();
    a.options().auth().deactivateKey(0);
    peer.flush();
    assertThat(peer.events(AuthenticationEvent.class)).last().isEqualTo(
        new AuthenticationEvent(a.id(), AuthenticationEvent.Indication.FREE_KEY, 0));
    sendSigned(peer, tester, AuthPeer.placeholder(0, AuthPeer.SHA_1), peer.data(0, 2, "still"));
    assertThat(peer.receivedStrings()).containsExactly("one", "zero", "still");
    a.options().auth().deleteKey(0);
    sendSigned(peer, tester, AuthPeer.placeholder(0, AuthPeer.SHA_1), peer.data(0, 3, "gone"));
    assertThat(peer.receivedStrings()).containsExactly("one", "zero", "still");
    assertThat(counter(peer, MibCounter.SCTP_IN_AUTH_UNKNOWN_KEYS)).isEqualTo(1);
    assertThat(a.options().auth().keyNumbers()).containsExactly(1);
  }

  @Test
  void haReplicationIsRefusedOnAnAssociationThatNegotiatedAuth() {
    ScriptedPeer peer = iut(a -> {});
    SctpAssociation a = establishActive(peer, AuthPeer.listing());
    assertThatThrownBy(() -> a.options().setHaMode(peer.now(), org.jsctp.ha.HaMode.SYNC))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AUTH");
    assertThat(a.options().haMode()).isEqualTo(org.jsctp.ha.HaMode.OFF);
  }

  // ---- hostile -------------------------------------------------------------------------------

  @Test
  void hostileAuthChunksWithAbsurdLengthsAreDiscardedAndCountedNeverThrown() {
    ScriptedPeer peer = iut(a -> a.addChunk(ChunkType.DATA));
    AuthPeer tester = AuthPeer.listing();
    SctpAssociation a = establishActive(peer, tester);
    DataChunk data = peer.data(0, 0, "x");
    // No HMAC at all, a 1000-byte HMAC, an HMAC one byte short, a huge key number.
    for (AuthChunk auth : List.of(new AuthChunk(0, 1, Bytes.EMPTY),
        new AuthChunk(0, 1, Bytes.wrap(new byte[1000])),
        new AuthChunk(0, 1, Bytes.wrap(new byte[19])),
        new AuthChunk(0xFFFF, 0xFFFF, Bytes.wrap(new byte[20])))) {
      peer.send(auth, data);
    }
    // An AUTH chunk whose Length is below its header, and one running past the packet.
    byte[] shortAuth = ScriptedPeer.encode(PEER_PORT, IUT_PORT, peer.iutTag,
        new AuthChunk(0, 1, Bytes.wrap(new byte[20])), data);
    shortAuth[15] = 6;
    peer.sendRawWithCrc(shortAuth);
    byte[] longAuth = shortAuth.clone();
    longAuth[14] = (byte) 0xFF;
    longAuth[15] = (byte) 0xF0;
    peer.sendRawWithCrc(longAuth);
    assertThat(peer.received()).isEmpty();
    assertThat(counter(peer, MibCounter.SCTP_IN_AUTH_BAD_HMACS)).isEqualTo(3);
    assertThat(counter(peer, MibCounter.SCTP_IN_AUTH_UNSUPPORTED_HMACS)).isEqualTo(1);
    assertThat(counter(peer, MibCounter.SCTP_IN_PKT_DISCARDS)).isEqualTo(2);
    assertThat(counter(peer, MibCounter.SCTP_INTERNAL_ERRORS)).isZero();
    assertThat(a.state()).isEqualTo(org.jsctp.association.AssociationState.ESTABLISHED);
    // The unsupported identifier 0xFFFF was reported once; nothing else came back.
    List<Sent> sent = peer.takeAll();
    assertThat(sent).singleElement().satisfies(s -> assertThat(s.only(ErrorChunk.class)
        .cause(UnsupportedHmacIdentifierCause.class)).isPresent());
  }
}
