package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.testkit.ScriptedPeer.IUT_ADDRESS;
import static org.jsctp.testkit.ScriptedPeer.MS;
import static org.jsctp.testkit.ScriptedPeer.PEER_ADDRESS;
import static org.jsctp.testkit.ScriptedPeer.PEER_ADDRESS_2;
import static org.jsctp.testkit.ScriptedPeer.PEER_PORT;
import static org.jsctp.testkit.ScriptedPeer.PEER_UDP_PORT;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;
import static org.jsctp.testkit.ScriptedPeer.TESTER_COOKIE;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsctp.api.AssociationChange;
import org.jsctp.association.AssociationState;
import org.jsctp.config.Sysctl;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.timer.Timer;
import org.jsctp.api.SendOutcome;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.CookiePreservativeParameter;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.HeartbeatAckChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.HostNameAddressParameter;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.InvalidMandatoryParameterCause;
import org.jsctp.wire.InvalidStreamIdentifierCause;
import org.jsctp.wire.Ipv4AddressParameter;
import org.jsctp.wire.Ipv6AddressParameter;
import org.jsctp.wire.Parameter;
import org.jsctp.wire.RestartWithNewAddressesCause;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.StateCookieParameter;
import org.jsctp.wire.SupportedAddressTypesParameter;
import org.jsctp.wire.UnknownParameter;
import org.jsctp.wire.UnrecognizedParameter;
import org.jsctp.wire.UnresolvableAddressCause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ETSI TS 102 369 group AS, association setup (RFC 9260 sections 3.3.2, 3.3.3, 5.1 and 5.2), played
 * against one endpoint by a {@link ScriptedPeer}. Each method is one test purpose, named by its
 * identifier ({@code SCTP/AS/V/1/1/1} becomes {@code as_v_1_1_1}); V, I and O mark valid, invalid
 * and inopportune behaviour as the specification does.
 */
class AssociationSetupTest {

  private static final Inet4Address PEER_2 = (Inet4Address) PEER_ADDRESS_2;

  @Test
  void as_v_1_1_1_completesTheFourWayHandshakeAsInitiator() {
    ScriptedPeer peer = new ScriptedPeer();
    InitChunk init = peer.connect();
    // Section 3.3.2: tag not 0, the configured streams, a window of at least 1500 bytes.
    assertThat(init.initiateTag()).isNotZero();
    assertThat(init.outboundStreams()).isEqualTo(10);
    assertThat(init.inboundStreams()).isEqualTo(0xFFFF);
    assertThat(init.advertisedReceiverWindowCredit()).isGreaterThanOrEqualTo(1500);
    assertThat(peer.association.state()).isEqualTo(AssociationState.COOKIE_WAIT);

    peer.sendInitAck(peer.initAck());
    Sent echo = peer.expectCookieEcho();
    assertThat(echo.chunks()).hasSize(1);
    assertThat(peer.association.state()).isEqualTo(AssociationState.COOKIE_ECHOED);
    assertThat(peer.associationChanges()).isEmpty();

    peer.send(new CookieAckChunk());
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
    AssociationChange up = peer.events(AssociationChange.class).get(0);
    assertThat(up.kind()).isEqualTo(AssociationChange.Kind.COMM_UP);
    assertThat(up.outboundStreams()).isEqualTo(10);
    assertThat(up.inboundStreams()).isEqualTo(10);

    // The negotiated tags and TSNs are in use: the first DATA carries the IUT's Initial TSN.
    assertThat(peer.userSend(0, "hello".getBytes())).isEqualTo(SendOutcome.ACCEPTED);
    DataChunk data = peer.nextPacketToPeer().only(DataChunk.class);
    assertThat(data.tsn()).isEqualTo(init.initialTsn());
  }

  @Test
  void as_v_1_1_2_completesTheFourWayHandshakeAsResponder() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    InitChunk init = peer.init();
    InitAckChunk ack = peer.sendInitExpectInitAck(init);
    assertThat(ack.initiateTag()).isNotZero();
    assertThat(ack.advertisedReceiverWindowCredit()).isGreaterThanOrEqualTo(1500);
    // Section 5.1: nothing is kept for an INIT; the cookie carries it all.
    assertThat(peer.endpoint().associations()).isEmpty();

    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    Sent reply = peer.nextPacketToPeer();
    reply.only(CookieAckChunk.class);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
    peer.association = peer.endpoint().associations().iterator().next();
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(peer.association.peerTag()).isEqualTo(init.initiateTag());
    assertThat(peer.association.localTag()).isEqualTo(ack.initiateTag());

    // Section 6.2 / T-INIT-2: the first DATA is acknowledged at once, its TSN being the INIT's.
    int tsn = peer.sendData(0, 0, "first");
    SackChunk sack = peer.expectSack();
    assertThat(sack.cumulativeTsnAck()).isEqualTo(tsn).isEqualTo(init.initialTsn());
    assertThat(peer.receivedStrings()).containsExactly("first");
  }

  @Test
  void as_i_1_2_1_retransmitsInitWhenT1InitExpires() {
    ScriptedPeer peer = new ScriptedPeer();
    long start = peer.now();
    InitChunk first = peer.connect();
    long previous = start;
    long expectedGap = 1 * SECONDS; // RTO.Initial, doubled at each expiry (section 6.3.3 E2)
    for (int i = 0; i < 3; i++) {
      Sent again = peer.awaitPacket(10 * SECONDS).toPeer().withTag(0);
      assertThat(again.at() - previous).isEqualTo(expectedGap);
      assertThat(again.only(InitChunk.class)).isEqualTo(first);
      previous = again.at();
      expectedGap *= 2;
    }
    assertThat(peer.association.state()).isEqualTo(AssociationState.COOKIE_WAIT);
  }

  @Test
  void as_i_1_2_2_retransmitsCookieEchoWhenT1CookieExpires() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.connect();
    peer.sendInitAck(peer.initAck());
    Sent echo = peer.expectCookieEcho();
    long previous = echo.at();
    long expectedGap = 1 * SECONDS;
    for (int i = 0; i < 3; i++) {
      Sent again = peer.awaitPacket(10 * SECONDS);
      assertThat(again.at() - previous).isEqualTo(expectedGap);
      assertThat(
              again
                  .toPeer()
                  .withTag(ScriptedPeer.DEFAULT_PEER_TAG)
                  .only(CookieEchoChunk.class)
                  .cookie())
          .isEqualTo(TESTER_COOKIE);
      previous = again.at();
      expectedGap *= 2;
    }
    assertThat(peer.association.state()).isEqualTo(AssociationState.COOKIE_ECHOED);
  }

  @Test
  void as_i_1_3_1_givesUpAfterMaxInitRetransmitsOfInit() {
    ScriptedPeer peer =
        ScriptedPeer.with(b -> b.set(Sysctl.MAX_INIT_RETRANSMITS, 3).rtoMaxMillis(3000));
    peer.connect();
    List<Long> gaps = new ArrayList<>();
    long previous = peer.now();
    for (int i = 0; i < 3; i++) {
      Sent again = peer.awaitPacket(10 * SECONDS);
      again.only(InitChunk.class);
      gaps.add((again.at() - previous) / MS);
      previous = again.at();
    }
    // Doubling from RTO.Initial, capped at RTO.Max (section 6.3.3 E2).
    assertThat(gaps).containsExactly(1000L, 2000L, 3000L);
    peer.advanceTo(previous + 3 * SECONDS - 1);
    assertThat(peer.associationChanges()).isEmpty();
    peer.advance(1);
    // Section 5.1: after Max.Init.Retransmits the user is told and the TCB is gone.
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.CANT_STR_ASSOC);
    assertThat(peer.endpoint().associations()).isEmpty();
    peer.expectSilenceFor(600 * SECONDS);
    assertThat(peer.nextDeadline()).isEqualTo(Timer.NEVER);
  }

  @Test
  void as_i_1_3_2_givesUpAfterMaxInitRetransmitsOfCookieEcho() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.MAX_INIT_RETRANSMITS, 2));
    peer.connect();
    peer.sendInitAck(peer.initAck());
    peer.expectCookieEcho();
    peer.awaitPacket(10 * SECONDS).only(CookieEchoChunk.class);
    peer.awaitPacket(10 * SECONDS).only(CookieEchoChunk.class);
    peer.expectSilenceFor(4 * SECONDS - 1);
    assertThat(peer.associationChanges()).isEmpty();
    peer.advance(1);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.CANT_STR_ASSOC);
    assertThat(peer.endpoint().associations()).isEmpty();
    peer.expectSilenceFor(600 * SECONDS);
  }

  @Test
  void as_i_1_4_allocatesNoStateOnInit() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    for (int i = 0; i < 1000; i++) {
      InitChunk init = new InitChunk(0x1000 + i, 65535, 10, 10, i, List.of());
      peer.sendPacket(1024 + i, ScriptedPeer.IUT_PORT, 0, init);
      Sent s =
          peer.nextPacket().to(PEER_ADDRESS, PEER_UDP_PORT, 1024 + i).withTag(init.initiateTag());
      s.only(InitAckChunk.class);
    }
    assertThat(peer.endpoint().associations()).isEmpty();
    assertThat(peer.nextDeadline()).isEqualTo(Timer.NEVER);
    assertThat(peer.events()).isEmpty();
  }

  @Test
  void as_v_1_5_1_choosesRandomInitiateTagsForItsInits() {
    ScriptedPeer peer = new ScriptedPeer();
    List<Integer> tags = new ArrayList<>();
    for (int i = 0; i < 128; i++) {
      tags.add(peer.connect().initiateTag());
      peer.userAbort(Bytes.EMPTY);
    }
    assertLookRandom(tags);
  }

  @Test
  void as_v_1_5_2_choosesRandomInitiateTagsForItsInitAcks() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    List<Integer> tags = new ArrayList<>();
    for (int i = 0; i < 128; i++) {
      tags.add(peer.sendInitExpectInitAck(peer.init()).initiateTag());
    }
    assertLookRandom(tags);
  }

  /** Section 5.3.1: distinct, never 0, and every bit set in roughly half of the tags. */
  private static void assertLookRandom(List<Integer> tags) {
    assertThat(new HashSet<>(tags)).hasSameSizeAs(tags).doesNotContain(0);
    for (int bit = 0; bit < 32; bit++) {
      int set = 0;
      for (int tag : tags) {
        set += (tag >>> bit) & 1;
      }
      assertThat(set)
          .as("tags with bit %d set", bit)
          .isBetween(tags.size() / 4, 3 * tags.size() / 4);
    }
  }

  @Test
  void as_v_1_6_1_acceptsInitWithOptionalParameters() throws Exception {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    InitChunk init =
        new InitChunk(
            ScriptedPeer.DEFAULT_PEER_TAG,
            65535,
            10,
            10,
            1000,
            List.of(
                new Ipv4AddressParameter((Inet4Address) PEER_ADDRESS),
                new Ipv4AddressParameter(PEER_2),
                new Ipv6AddressParameter((Inet6Address) SimAddresses.v6("3fff::1")),
                new CookiePreservativeParameter(0xFFFFFFFFL),
                new UnknownParameter(0x8000, Bytes.EMPTY), // ECN Capable, type 10xx: skip silently
                new SupportedAddressTypesParameter(List.of(5, 6))));
    InitAckChunk ack = peer.sendInitExpectInitAck(init);
    assertThat(ack.parameters(UnrecognizedParameter.class)).isEmpty();
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    peer.nextPacketToPeer().only(CookieAckChunk.class);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void as_v_1_6_2_acceptsInitAckWithOptionalParameters() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.connect();
    peer.sendInitAck(
        peer.initAck(
            10,
            10,
            65535,
            List.of(
                new Ipv4AddressParameter((Inet4Address) PEER_ADDRESS),
                new Ipv4AddressParameter(PEER_2),
                new Ipv6AddressParameter((Inet6Address) SimAddresses.v6("3fff::1")),
                new StateCookieParameter(TESTER_COOKIE))));
    peer.expectCookieEcho();
    peer.send(new CookieAckChunk());
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
    assertThat(peer.association.peerAddresses()).contains(PEER_ADDRESS, PEER_ADDRESS_2);
  }

  @Test
  void as_v_1_7_1_offersNoMoreOutboundStreamsThanTheInitAllows() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    // Section 3.3.3: the INIT ACK's OS must not exceed the INIT's MIS (2; the IUT wants 10).
    InitAckChunk ack =
        peer.sendInitExpectInitAck(
            new InitChunk(ScriptedPeer.DEFAULT_PEER_TAG, 65535, 10, 2, 1000, List.of()));
    assertThat(ack.outboundStreams()).isEqualTo(2);
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    peer.nextPacketToPeer().only(CookieAckChunk.class);
    peer.association = peer.endpoint().associations().iterator().next();
    assertThat(peer.association.outboundStreams()).isEqualTo(2);
    assertThat(peer.userSend(2, "x".getBytes())).isEqualTo(SendOutcome.INVALID_STREAM);
    assertThat(peer.userSend(1, "y".getBytes())).isEqualTo(SendOutcome.ACCEPTED);
    assertThat(peer.nextPacketToPeer().only(DataChunk.class).streamId()).isEqualTo(1);
  }

  @ParameterizedTest(name = "OS {0}, MIS {1}, a_rwnd {2}")
  @CsvSource({"0, 10, 65535", "10, 0, 65535", "10, 10, 1499"})
  void as_i_1_7_2_refusesInitWithoutStreamsOrWithSmallWindow(int os, int mis, long arwnd) {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    peer.sendWithTag(0, new InitChunk(0x0BAD_CAFE, arwnd, os, mis, 1000, List.of()));
    // Section 3.3.2: ABORT with the INIT's Initiate Tag and the T bit clear; no INIT ACK.
    AbortChunk abort = peer.nextPacket().toPeer().withTag(0x0BAD_CAFE).only(AbortChunk.class);
    assertThat(abort.reflectedTag()).isFalse();
    assertThat(abort.cause(InvalidMandatoryParameterCause.class)).isPresent();
    peer.expectNoPacket();
    assertThat(peer.endpoint().associations()).isEmpty();
    assertThat(peer.events()).isEmpty();
  }

  @Test
  void as_v_1_7_3_usesTheSmallerStreamCountsOfTheInitAck() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.connect();
    peer.sendInitAck(peer.initAck(5, 2, 65535, List.of(new StateCookieParameter(TESTER_COOKIE))));
    peer.expectCookieEcho();
    peer.send(new CookieAckChunk());
    AssociationChange up = peer.events(AssociationChange.class).get(0);
    assertThat(up.outboundStreams()).isEqualTo(2);
    assertThat(up.inboundStreams()).isEqualTo(5);
    assertThat(peer.userSend(2, "x".getBytes())).isEqualTo(SendOutcome.INVALID_STREAM);
    // Inbound: stream 4 exists, stream 5 does not (section 6.5: ERROR cause 1).
    peer.sendData(4, 0, "on four");
    peer.expectSack();
    peer.sendData(5, 0, "on five");
    Sent s = peer.nextPacketToPeer();
    assertThat(
            s.first(ErrorChunk.class)
                .cause(InvalidStreamIdentifierCause.class)
                .orElseThrow()
                .streamId())
        .isEqualTo(5);
    assertThat(peer.receivedStrings()).containsExactly("on four");
  }

  @ParameterizedTest(name = "OS {0}, MIS {1}, a_rwnd {2}")
  @CsvSource({"0, 10, 65535", "10, 0, 65535", "10, 10, 1499"})
  void as_i_1_7_4_abortsTheHandshakeOnInitAckWithoutStreamsOrWithSmallWindow(
      int os, int mis, long arwnd) {
    ScriptedPeer peer = new ScriptedPeer();
    peer.connect();
    peer.sendInitAck(
        peer.initAck(os, mis, arwnd, List.of(new StateCookieParameter(TESTER_COOKIE))));
    // Section 3.3.3: no COOKIE ECHO; the TCB is destroyed (the ABORT is optional, sent here).
    AbortChunk abort = peer.nextPacketToPeer().only(AbortChunk.class);
    assertThat(abort.reflectedTag()).isFalse();
    assertThat(abort.cause(InvalidMandatoryParameterCause.class)).isPresent();
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.CANT_STR_ASSOC);
    assertThat(peer.endpoint().associations()).isEmpty();
    peer.expectSilenceFor(120 * SECONDS);
  }

  @Test
  void as_v_1_7_5_supportsTwoStreamsEachWay() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    InitAckChunk ack =
        peer.sendInitExpectInitAck(
            new InitChunk(ScriptedPeer.DEFAULT_PEER_TAG, 65535, 2, 2, 1000, List.of()));
    assertThat(ack.outboundStreams()).isGreaterThanOrEqualTo(2);
    assertThat(ack.inboundStreams()).isGreaterThanOrEqualTo(2);
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    peer.nextPacketToPeer().only(CookieAckChunk.class);
    peer.association = peer.endpoint().associations().iterator().next();
    peer.send(peer.data(0, 0, "zero"), peer.data(1, 0, "one"));
    peer.expectSack();
    assertThat(peer.receivedStrings()).containsExactly("zero", "one");
    assertThat(peer.userSend(1, "back".getBytes())).isEqualTo(SendOutcome.ACCEPTED);
    assertThat(peer.nextPacketToPeer().only(DataChunk.class).streamId()).isEqualTo(1);
  }

  private static final UnknownParameter BEFORE =
      new UnknownParameter(0xC00E, Bytes.wrap("This is before the parameter".getBytes()));
  private static final UnknownParameter AFTER =
      new UnknownParameter(0xC00E, Bytes.wrap("This is after the parameter".getBytes()));

  /**
   * Sends an INIT with BEFORE, {@code unknown}, AFTER; returns the raw TLVs the INIT ACK reports.
   */
  private static List<Bytes> reportedUnknownParameters(
      ScriptedPeer peer, UnknownParameter unknown) {
    peer.endpoint().listen(true);
    InitAckChunk ack =
        peer.sendInitExpectInitAck(
            new InitChunk(
                ScriptedPeer.DEFAULT_PEER_TAG,
                65535,
                10,
                10,
                1000,
                List.of(BEFORE, unknown, AFTER)));
    List<Bytes> reported = new ArrayList<>();
    for (UnrecognizedParameter u : ack.parameters(UnrecognizedParameter.class)) {
      reported.add(u.parameter());
    }
    // The handshake goes on whatever was reported (section 3.2.1).
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    peer.nextPacketToPeer().only(CookieAckChunk.class);
    return reported;
  }

  @Test
  void as_i_1_8_1_reportsAndSkipsAnUnknownInitParameterOfType11() {
    ScriptedPeer peer = new ScriptedPeer();
    UnknownParameter unknown =
        new UnknownParameter(0xF0AA, Bytes.wrap("unknown parameter with MSB 11".getBytes()));
    assertThat(reportedUnknownParameters(peer, unknown))
        .containsExactly(BEFORE.toTlv(), unknown.toTlv(), AFTER.toTlv());
  }

  @Test
  void as_i_1_8_2_stopsSilentlyAtAnUnknownInitParameterOfType00() {
    ScriptedPeer peer = new ScriptedPeer();
    UnknownParameter unknown =
        new UnknownParameter(0x30AA, Bytes.wrap("unknown parameter with MSB 00".getBytes()));
    assertThat(reportedUnknownParameters(peer, unknown)).containsExactly(BEFORE.toTlv());
  }

  @Test
  void as_i_1_8_3_reportsAndStopsAtAnUnknownInitParameterOfType01() {
    ScriptedPeer peer = new ScriptedPeer();
    UnknownParameter unknown =
        new UnknownParameter(0x70AA, Bytes.wrap("unknown parameter with MSB 01".getBytes()));
    assertThat(reportedUnknownParameters(peer, unknown))
        .containsExactly(BEFORE.toTlv(), unknown.toTlv());
  }

  @Test
  void as_i_1_8_4_skipsSilentlyAnUnknownInitParameterOfType10() {
    ScriptedPeer peer = new ScriptedPeer();
    UnknownParameter unknown =
        new UnknownParameter(0xB0AA, Bytes.wrap("unknown parameter with MSB 10".getBytes()));
    assertThat(reportedUnknownParameters(peer, unknown))
        .containsExactly(BEFORE.toTlv(), AFTER.toTlv());
  }

  @Test
  void as_o_1_9_1_answersInitInEstablishedWithNewTagAndKeepsTheAssociation() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    int oldIutTag = peer.iutTag;
    peer.sendWithTag(0, new InitChunk(0x7777_0001, 65535, 10, 10, 5000, List.of()));
    // Section 5.2.2: an INIT ACK with a new tag, to the new INIT's tag; the TCB is unchanged.
    InitAckChunk ack = peer.nextPacket().toPeer().withTag(0x7777_0001).only(InitAckChunk.class);
    assertThat(ack.initiateTag()).isNotEqualTo(oldIutTag).isNotZero();
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(peer.association.localTag()).isEqualTo(oldIutTag);
    assertThat(peer.association.peerTag()).isEqualTo(ScriptedPeer.DEFAULT_PEER_TAG);
    peer.send(HeartbeatChunk.of(Bytes.wrap(new byte[] {1, 2, 3})));
    peer.nextPacketToPeer().only(HeartbeatAckChunk.class);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void as_o_1_9_2_refusesInitWithNewAddressesInEstablished() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.sendWithTag(
        0,
        new InitChunk(
            0x7777_0002,
            65535,
            10,
            10,
            5000,
            List.of(
                new Ipv4AddressParameter((Inet4Address) PEER_ADDRESS),
                new Ipv4AddressParameter(PEER_2))));
    // Section 5.2.2: ABORT with the INIT's tag and cause 11 naming the new address.
    AbortChunk abort = peer.nextPacket().toPeer().withTag(0x7777_0002).only(AbortChunk.class);
    assertThat(abort.reflectedTag()).isFalse();
    Bytes listed = abort.cause(RestartWithNewAddressesCause.class).orElseThrow().addresses();
    assertThat(listed).isEqualTo(tlv(new Ipv4AddressParameter(PEER_2)));
    // The existing association is untouched.
    peer.send(HeartbeatChunk.of(Bytes.wrap(new byte[] {4})));
    peer.nextPacketToPeer().only(HeartbeatAckChunk.class);
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void as_v_1_10_1_answersInitWithoutAddressesAtItsSource() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    int natPort = 41234;
    peer.deliver(
        PEER_ADDRESS,
        natPort,
        ScriptedPeer.encode(PEER_PORT, ScriptedPeer.IUT_PORT, 0, peer.init()));
    // Section 5.1.2 A: the source is the only address; RFC 6951 5.5: the reply mirrors the ports.
    InitAckChunk ack =
        peer.nextPacket().to(PEER_ADDRESS, natPort, PEER_PORT).only(InitAckChunk.class);
    assertThat(ack.addresses()).as("a single-homed IUT lists no address (RFC 6951 5.7)").isEmpty();
    peer.iutTag = ack.initiateTag();
    peer.deliver(
        PEER_ADDRESS,
        natPort,
        ScriptedPeer.encode(
            PEER_PORT,
            ScriptedPeer.IUT_PORT,
            peer.iutTag,
            new CookieEchoChunk(ack.stateCookie().orElseThrow())));
    peer.nextPacket().to(PEER_ADDRESS, natPort, PEER_PORT).only(CookieAckChunk.class);
    peer.association = peer.endpoint().associations().iterator().next();
    assertThat(peer.association.peerAddresses()).containsExactly(PEER_ADDRESS);
    peer.userSend(0, "to the source".getBytes());
    peer.nextPacket().to(PEER_ADDRESS, natPort, PEER_PORT).only(DataChunk.class);
  }

  @Test
  void as_v_1_10_2_sendsCookieEchoToTheInitAckSource() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.connect();
    int natPort = 41235;
    peer.deliver(
        PEER_ADDRESS,
        natPort,
        ScriptedPeer.encode(PEER_PORT, ScriptedPeer.IUT_PORT, peer.iutTag, peer.initAck()));
    Sent echo = peer.nextPacket().to(PEER_ADDRESS, natPort, PEER_PORT);
    assertThat(echo.only(CookieEchoChunk.class).cookie()).isEqualTo(TESTER_COOKIE);
    assertThat(peer.association.peerAddresses()).containsExactly(PEER_ADDRESS);
  }

  @Test
  void as_v_1_11_1_probesEveryAddressListedInAnInit() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.options().setHeartbeatEnabled(true);
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
                    new Ipv4AddressParameter(PEER_2))));
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    peer.nextPacketToPeer().only(CookieAckChunk.class);
    peer.association = peer.endpoint().associations().iterator().next();
    assertThat(peer.association.peerAddresses())
        .containsExactlyInAnyOrder(PEER_ADDRESS, PEER_ADDRESS_2);
    assertThat(heartbeatDestinations(peer, 60 * SECONDS)).contains(PEER_ADDRESS, PEER_ADDRESS_2);
  }

  @Test
  void as_v_1_11_2_probesEveryAddressListedInAnInitAck() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.options().setHeartbeatEnabled(true);
    peer.connect();
    peer.sendInitAck(
        peer.initAck(
            10,
            10,
            65535,
            List.of(new StateCookieParameter(TESTER_COOKIE), new Ipv4AddressParameter(PEER_2))));
    peer.expectCookieEcho();
    peer.send(new CookieAckChunk());
    assertThat(peer.association.peerAddresses())
        .containsExactlyInAnyOrder(PEER_ADDRESS, PEER_ADDRESS_2);
    assertThat(heartbeatDestinations(peer, 60 * SECONDS)).contains(PEER_ADDRESS, PEER_ADDRESS_2);
  }

  /** Where HEARTBEATs go within {@code span} (none answered). */
  private static Set<InetAddress> heartbeatDestinations(ScriptedPeer peer, long span) {
    peer.advance(span);
    Set<InetAddress> to = new HashSet<>();
    for (Sent s : peer.sentLog()) {
      if (s.has(HeartbeatChunk.class)) {
        to.add(s.transmit().remoteAddress());
      }
    }
    return to;
  }

  @Test
  void as_v_1_12_1_refusesInitWithHostNameAddress() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    HostNameAddressParameter host =
        new HostNameAddressParameter(Bytes.wrap("linux-8-2\0".getBytes()));
    peer.sendWithTag(0, new InitChunk(0x0BAD_0011, 65535, 10, 10, 1000, List.of(host)));
    // Section 3.3.2.1 / 5.1.2: ABORT with cause 5 carrying the unresolvable address parameter.
    AbortChunk abort = peer.nextPacket().toPeer().withTag(0x0BAD_0011).only(AbortChunk.class);
    assertThat(abort.reflectedTag()).isFalse();
    assertThat(abort.cause(UnresolvableAddressCause.class).orElseThrow().address())
        .isEqualTo(tlv(host));
    assertThat(peer.endpoint().associations()).isEmpty();
  }

  @Test
  void as_i_1_12_2_abortsHandshakeOnInitAckWithHostNameAddress() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.connect();
    HostNameAddressParameter host =
        new HostNameAddressParameter(Bytes.wrap("linux-8-2\0".getBytes()));
    peer.sendInitAck(
        peer.initAck(10, 10, 65535, List.of(new StateCookieParameter(TESTER_COOKIE), host)));
    AbortChunk abort = peer.nextPacketToPeer().only(AbortChunk.class);
    assertThat(abort.cause(UnresolvableAddressCause.class).orElseThrow().address())
        .isEqualTo(tlv(host));
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.CANT_STR_ASSOC);
    assertThat(peer.endpoint().associations()).isEmpty();
    peer.expectSilenceFor(120 * SECONDS);
  }

  @Test
  void as_v_1_13_1_listsOnlyAddressTypesTheInitSupports() {
    InetAddress second = SimAddresses.v4("10.0.0.11");
    InetAddress v6 = SimAddresses.v6("fd00::1");
    ScriptedPeer peer =
        new ScriptedPeer(org.jsctp.config.StackConfig.defaults(), 1, IUT_ADDRESS, second, v6);
    peer.endpoint().listen(true);
    InitAckChunk ack =
        peer.sendInitExpectInitAck(
            new InitChunk(
                ScriptedPeer.DEFAULT_PEER_TAG,
                65535,
                10,
                10,
                1000,
                List.of(new SupportedAddressTypesParameter(List.of(5)))));
    assertThat(ack.addresses()).containsExactlyInAnyOrder(IUT_ADDRESS, second);
    assertThat(ack.parameters(Ipv6AddressParameter.class)).isEmpty();
  }

  @Test
  void as_i_1_13_2_acceptsInitWhoseSupportedTypesOmitTheSendingFamily() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    // Section 5.1.2: the family the INIT came over counts as supported; the setup goes on.
    InitAckChunk ack =
        peer.sendInitExpectInitAck(
            new InitChunk(
                ScriptedPeer.DEFAULT_PEER_TAG,
                65535,
                10,
                10,
                1000,
                List.of(new SupportedAddressTypesParameter(List.of(6)))));
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    peer.nextPacketToPeer().only(CookieAckChunk.class);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void as_i_1_14_1_discardsInitWithZeroInitiateTag() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    peer.sendWithTag(0, new InitChunk(0, 65535, 10, 10, 1000, List.of()));
    // RFC 9260 section 3.3.2: silently discarded (RFC 4960 still asked for an ABORT).
    peer.expectSilenceFor(10 * SECONDS);
    assertThat(peer.endpoint().associations()).isEmpty();
    assertThat(peer.events()).isEmpty();
  }

  @Test
  void as_i_1_14_2_destroysTheAssociationOnInitAckWithZeroInitiateTag() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.connect();
    peer.peerTag = 0;
    peer.sendInitAck(peer.initAck());
    // Section 3.3.3: the receiver MUST destroy the association; no COOKIE ECHO, no more INITs.
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.CANT_STR_ASSOC);
    assertThat(peer.endpoint().associations()).isEmpty();
    for (Sent s : peer.sentLog()) {
      assertThat(s.has(CookieEchoChunk.class)).isFalse();
    }
    peer.discardOutbox(); // an ABORT is allowed "for debugging"
    peer.expectSilenceFor(120 * SECONDS);
  }

  @Test
  void as_i_1_15_sendsInitRetransmissionsToEveryPeerAddress() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.connect(List.of(PEER_ADDRESS, PEER_ADDRESS_2));
    List<InetAddress> to = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Sent again = peer.awaitPacket(10 * SECONDS).withTag(0);
      again.only(InitChunk.class);
      to.add(again.transmit().remoteAddress());
    }
    assertThat(to).containsExactly(PEER_ADDRESS_2, PEER_ADDRESS, PEER_ADDRESS_2);
  }

  /** A parameter's TLV as it appears on the wire, without padding. */
  static Bytes tlv(Parameter p) {
    ByteBuffer b = ByteBuffer.allocate(p.paddedLength());
    p.writeTo(b);
    return Bytes.wrap(b.array(), 0, p.encodedLength());
  }
}
