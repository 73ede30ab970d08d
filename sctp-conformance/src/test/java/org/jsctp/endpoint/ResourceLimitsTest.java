package org.jsctp.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.Ipv4AddressParameter;
import org.jsctp.wire.OutOfResourceCause;
import org.jsctp.wire.Parameter;
import org.junit.jupiter.api.Test;

/**
 * Every resource a peer can make the stack hold is bounded, and hitting a bound is conformant:
 * an INIT is refused with ABORT "Out of Resource" (RFC 9260 section 3.3.10.4), extra addresses
 * are ignored, probes wait for the next RTO, DATA is dropped unacknowledged.
 */
class ResourceLimitsTest {

  private static final long MS = ScriptedPeer.MS;

  private static InitChunk init(int tag, List<Parameter> parameters) {
    return new InitChunk(tag, ScriptedPeer.DEFAULT_PEER_RWND, 10, 10, 1000, parameters);
  }

  /** Sends an INIT from SCTP port {@code port} of the tester's address; returns the reply. */
  private static Sent initFrom(ScriptedPeer peer, int port, int tag) {
    peer.sendPacket(port, ScriptedPeer.IUT_PORT, 0, init(tag, List.of()));
    return peer.nextPacket();
  }

  /** Runs the handshake from SCTP port {@code port}; returns whether it came up. */
  private static boolean associateFrom(ScriptedPeer peer, int port, int tag) {
    Sent reply = initFrom(peer, port, tag);
    if (!reply.has(InitAckChunk.class)) {
      return false;
    }
    InitAckChunk ack = reply.only(InitAckChunk.class);
    peer.sendPacket(port, ScriptedPeer.IUT_PORT, ack.initiateTag(),
        new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    peer.takeAll();
    return true;
  }

  @Test
  void rfc9260_3_3_10_4_anInitBeyondMaxAssociationsPerPeerIsRefusedWithOutOfResource() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.MAX_ASSOCIATIONS_PER_PEER, 3));
    peer.endpoint().listen(true);
    for (int i = 0; i < 3; i++) {
      assertThat(associateFrom(peer, 6000 + i, 0x100 + i)).isTrue();
    }
    assertThat(peer.endpoint().associations()).hasSize(3);

    Sent refused = initFrom(peer, 6003, 0x200);

    assertThat(refused.vtag()).isEqualTo(0x200);
    assertThat(refused.only(AbortChunk.class).causes()).containsExactly(new OutOfResourceCause());
    assertThat(peer.endpoint().counters().get(MibCounter.SCTP_REFUSED_ASSOCIATIONS)).isEqualTo(1);
    assertThat(peer.endpoint().associations()).hasSize(3);
  }

  @Test
  void aCookieEchoForANewAssociationIsRefusedWhenTheTableFilledAfterItsInit() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.MAX_ASSOCIATIONS, 1));
    peer.endpoint().listen(true);
    InitAckChunk early = initFrom(peer, 6000, 0x100).only(InitAckChunk.class);
    assertThat(associateFrom(peer, 6001, 0x101)).isTrue();

    peer.sendPacket(6000, ScriptedPeer.IUT_PORT, early.initiateTag(),
        new CookieEchoChunk(early.stateCookie().orElseThrow()));

    Sent refused = peer.nextPacket();
    assertThat(refused.only(AbortChunk.class).causes()).containsExactly(new OutOfResourceCause());
    assertThat(peer.endpoint().associations()).hasSize(1);
    assertThat(peer.endpoint().counters().get(MibCounter.SCTP_REFUSED_ASSOCIATIONS)).isEqualTo(1);
  }

  @Test
  void associationsOfAnotherHostAreNotCountedAgainstAPeersLimit() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.MAX_ASSOCIATIONS_PER_PEER, 1));
    peer.establishPassive();

    peer.deliver(ScriptedPeer.PEER_ADDRESS_2, ScriptedPeer.PEER_UDP_PORT,
        ScriptedPeer.encode(7000, ScriptedPeer.IUT_PORT, 0, init(0x300, List.of())));

    assertThat(peer.nextPacket().has(InitAckChunk.class)).isTrue();
  }

  private static List<Parameter> addresses(int count) {
    List<Parameter> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(new Ipv4AddressParameter((Inet4Address) SimAddresses.v4("10.9." + (i / 250) + "." + (1 + i % 250))));
    }
    return list;
  }

  @Test
  void anInitListingAThousandAddressesMakesNoMoreThanMaxPeerAddressesPaths() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.MAX_PEER_ADDRESSES, 16));
    peer.endpoint().listen(true);
    InitAckChunk ack = peer.sendInitExpectInitAck(init(peer.peerTag, addresses(1000)));
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    AssociationChange up = peer.events(AssociationChange.class).get(0);
    SctpAssociation a = peer.endpoint().association(up.associationId());

    assertThat(a.peerAddresses()).hasSize(16).startsWith(ScriptedPeer.PEER_ADDRESS);
    assertThat(peer.endpoint().counters().get(MibCounter.SCTP_IGNORED_PEER_ADDRESSES)).isEqualTo(1000 - 15);
  }

  @Test
  void rfc9260_5_4_unconfirmedAddressesAreProbedAtMostHbMaxBurstPerRto() {
    ScriptedPeer peer = ScriptedPeer.with(b -> b.set(Sysctl.MAX_PEER_ADDRESSES, 64).set(Sysctl.HB_MAX_BURST, 2));
    peer.endpoint().listen(true);
    InitAckChunk ack = peer.sendInitExpectInitAck(init(peer.peerTag, addresses(63)));
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    long start = peer.now();
    peer.advance(10_000 * MS);

    List<Long> probes = new ArrayList<>();
    for (Sent s : peer.sentLog()) {
      if (s.has(HeartbeatChunk.class)) {
        probes.add(s.at());
      }
    }
    assertThat(probes).as("probes in 10 s").isNotEmpty();
    long rto = 1000 * MS;
    for (long windowStart = start; windowStart < start + 10_000 * MS; windowStart += rto) {
      long from = windowStart;
      assertThat(probes.stream().filter(t -> t >= from && t < from + rto).count())
          .as("probes in the RTO from %d ms", (from - start) / MS).isLessThanOrEqualTo(2);
    }
    assertThat(peer.endpoint().counters().get(MibCounter.SCTP_DEFERRED_PROBES)).isPositive();
  }

  @Test
  void aStackWideReceiveBudgetDropsDataUnacknowledgedAndReturnsItWhenTheApplicationReads() {
    Simulator sim = Simulator.withSeed(11);
    InetAddress a = SimAddresses.v4("10.0.0.1");
    InetAddress b = SimAddresses.v4("10.0.0.2");
    StackConfig server = StackConfig.builder().set(Sysctl.RCVBUF_TOTAL, 100_000).build();
    SimEndpoint client = new SimEndpoint(StackConfig.defaults(), sim.random("client"), 9899, a);
    SimEndpoint receiver = new SimEndpoint(server, sim.random("server"), 9899, b);
    receiver.endpoint().listen(true);
    receiver.autoRead(false);
    sim.attach("client", client);
    sim.attach("server", receiver);
    SctpAssociation one = client.connect(sim.now(), 9899, b);
    sim.runUntil("up", () -> client.hasEvent(AssociationChange.Kind.COMM_UP), SimTime.seconds(5));
    SctpAssociation peerSide = receiver.firstAssociation();

    for (int i = 0; i < 40; i++) {
      client.send(sim.now(), one, 0, new byte[5_000], false);
    }
    sim.runFor(SimTime.seconds(5));

    long held = peerSide.receivedBytesHeld();
    assertThat(held).as("held, unread").isLessThanOrEqualTo(100_000).isGreaterThan(90_000);
    assertThat(receiver.endpoint().counters().get(MibCounter.SCTP_RCVBUF_TOTAL_DROPS)).isPositive();

    receiver.readAll(sim.now(), peerSide.id(), held);
    sim.runFor(SimTime.seconds(10));
    assertThat(receiver.received(peerSide.id())).as("every message, once the budget came back").hasSize(40);
  }

  @Test
  void anAssociationThatEndsGivesBackItsReceiveMemory() {
    Simulator sim = Simulator.withSeed(12);
    InetAddress a = SimAddresses.v4("10.0.0.1");
    InetAddress b = SimAddresses.v4("10.0.0.2");
    StackConfig server = StackConfig.builder().set(Sysctl.RCVBUF_TOTAL, 50_000).build();
    SimEndpoint client = new SimEndpoint(StackConfig.defaults(), sim.random("client"), 9899, a);
    SimEndpoint receiver = new SimEndpoint(server, sim.random("server"), 9899, b);
    receiver.endpoint().listen(true);
    receiver.autoRead(false);
    sim.attach("client", client);
    sim.attach("server", receiver);
    SctpAssociation first = client.connect(sim.now(), 9899, b);
    sim.runUntil("up", () -> client.hasEvent(AssociationChange.Kind.COMM_UP), SimTime.seconds(5));
    for (int i = 0; i < 20; i++) {
      client.send(sim.now(), first, 0, new byte[5_000], false);
    }
    sim.runFor(SimTime.seconds(3));
    first.abort(sim.now(), org.jsctp.wire.Bytes.EMPTY);
    sim.runFor(SimTime.seconds(1));

    SctpAssociation second = client.connect(sim.now(), 9899, b);
    sim.runFor(SimTime.seconds(1));
    for (int i = 0; i < 8; i++) {
      client.send(sim.now(), second, 0, new byte[5_000], false);
    }
    sim.runFor(SimTime.seconds(3));

    assertThat(receiver.endpoint().associations()).hasSize(1);
    SctpAssociation now = receiver.endpoint().associations().iterator().next();
    assertThat(receiver.received(now.id())).as("the new association is not starved").hasSize(8);
  }
}
