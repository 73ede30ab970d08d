package org.jsctp.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.PeerAddressInfo;
import org.jsctp.api.PlpmtudState;
import org.jsctp.api.SendOutcome;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.MultihomedPair;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.testkit.sim.DatagramRecord;
import org.jsctp.testkit.sim.Fate;
import org.jsctp.testkit.sim.LinkProfile;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimLink;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.sim.SimulatorExtension;
import org.jsctp.wire.ChunkType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Path MTU discovery (RFC 8899) end to end in the simulator, with the defaults (probe interval 5
 * s, path_mtu 1500): links whose MTU is smaller than path_mtu drop larger datagrams silently, no
 * ICMP, as a tunnel that filters it would. The search converges to the link MTU within the bound
 * of {@link Plpmtud} (1 + 3 * ceil(log2(N + 1)) probes for N candidate sizes: 22 up to 1500, 34
 * up to 9000); the probe counts are exact, since the links lose nothing else. Times are the
 * search's own: failed sizes cost three probe intervals, confirmed ones a round trip (10 ms).
 */
@ExtendWith(SimulatorExtension.class)
class PathMtuDiscoveryScenariosTest {

  static final long S = SimTime.seconds(1);
  static final long MS = SimTime.millis(1);
  static final InetAddress A = SimAddresses.v4("10.0.0.1");
  static final InetAddress B = SimAddresses.v4("10.0.0.2");

  private record Pair(SimEndpoint client, SimEndpoint server, SctpAssociation a, SctpAssociation b,
      long upAt) {}

  private static Pair pair(Simulator sim, StackConfig config) {
    SimEndpoint client = new SimEndpoint(config, sim.random("client"), 9899, A);
    SimEndpoint server = new SimEndpoint(config, sim.random("server"), 9899, B);
    server.endpoint().listen(true);
    sim.attach("client", client);
    sim.attach("server", server);
    SctpAssociation a = client.connect(sim.now(), 9899, B);
    sim.runUntil("up", () -> client.hasEvent(AssociationChange.Kind.COMM_UP)
        && server.firstAssociation() != null, 30 * S);
    return new Pair(client, server, a, server.firstAssociation(), sim.now());
  }

  /** One message of 1 to 6000 random bytes every 20 ms on stream 0, ordered. */
  private static final class PacedStream {
    final Simulator sim;
    final SimEndpoint sender;
    final SctpAssociation a;
    final RandomGenerator random;
    final List<byte[]> sent = new ArrayList<>();
    long next;

    PacedStream(Simulator sim, SimEndpoint sender, SctpAssociation a) {
      this.sim = sim;
      this.sender = sender;
      this.a = a;
      this.random = sim.random("messages");
      this.next = sim.now();
    }

    void runUntil(long until) {
      while (sim.now() < until) {
        if (sim.now() >= next) {
          byte[] m = new byte[1 + random.nextInt(6000)];
          random.nextBytes(m);
          if (sender.send(sim.now(), a, 0, m, false) == SendOutcome.ACCEPTED) {
            sent.add(m);
          }
          next += 20 * MS;
        }
        sim.runFor(5 * MS);
      }
    }

    boolean deliveredTo(SimEndpoint receiver, SctpAssociation b) {
      return receiver.received(b.id()).size() >= sent.size();
    }

    /** Every message arrived exactly once, whole and in order. */
    void verify(SimEndpoint receiver, SctpAssociation b) {
      List<MessageReceived> got = receiver.received(b.id());
      assertThat(got).hasSize(sent.size());
      for (int i = 0; i < got.size(); i++) {
        assertThat(got.get(i).complete()).isTrue();
        assertThat(got.get(i).data().toByteArray()).as("message %d", i).isEqualTo(sent.get(i));
      }
    }
  }

  private static PeerAddressInfo info(SctpAssociation a, InetAddress peer) {
    return a.options().peerAddressInfo(peer);
  }

  private static boolean complete(SctpAssociation a, InetAddress peer) {
    return info(a, peer).plpmtudState() == PlpmtudState.SEARCH_COMPLETE;
  }

  /** Runs until both ends finished their search; returns how long the client's took. */
  private static long converge(Simulator sim, Pair p) {
    long done = sim.runUntil("search complete", () -> complete(p.a, B) && complete(p.b, A), 600 * S);
    return done - p.upAt;
  }

  private static void searchConvergesTo(Simulator sim, int linkMtu, int pathMtu, int probes, int bound) {
    sim.defaultProfile(LinkProfile.DEFAULT.withMtu(linkMtu));
    Pair p = pair(sim, StackConfig.builder().set(Sysctl.PATH_MTU, pathMtu).build());
    long took = converge(sim, p);

    PeerAddressInfo client = info(p.a, B);
    assertThat(client.mtu()).isEqualTo(linkMtu);
    assertThat(info(p.b, A).mtu()).isEqualTo(linkMtu);
    assertThat(client.plpmtudProbesSent()).isEqualTo(probes).isLessThanOrEqualTo(bound);
    assertThat(info(p.b, A).plpmtudProbesSent()).isEqualTo(probes);
    assertThat(client.errorCount()).isZero();
    System.out.printf("[plpmtud] link MTU %d (path_mtu %d): %d probes (bound %d), %d lost,"
        + " %.3f s%n", linkMtu, pathMtu, client.plpmtudProbesSent(), bound,
        client.plpmtudProbesLost(), took / 1e9);

    // Data now fills packets of the link MTU and nothing but probes is too big.
    p.client.send(sim.now(), p.a, 0, new byte[50_000], false);
    sim.runUntilIdle(30 * S);
    assertThat(p.server.received(p.b.id())).hasSize(1);
    int largest = sim.trace().withChunk(ChunkType.DATA).stream()
        .mapToInt(r -> r.datagram().wireSize()).max().orElseThrow();
    assertThat(largest).isEqualTo(linkMtu);
    assertThat(sim.trace().withFate(Fate.TOO_BIG))
        .allMatch(r -> r.datagram().containsChunk(ChunkType.PAD));
  }

  @Test
  void theSearchConvergesToALinkMtuOf1280In15Probes(Simulator sim) {
    // 1200, 1352 x3, 1276, 1312 x3, 1292 x3, 1284 x3, 1280.
    searchConvergesTo(sim, 1280, 1500, 15, 22);
  }

  @Test
  void theSearchConvergesToALinkMtuOf1400In14Probes(Simulator sim) {
    // 1200, 1352, 1428 x3, 1388, 1408 x3, 1396, 1400, 1404 x3.
    searchConvergesTo(sim, 1400, 1500, 14, 22);
  }

  @Test
  void theSearchConvergesToTheUsualMtuOf1500In8ProbesWithoutALoss(Simulator sim) {
    // 1200, 1352, 1428, 1464, 1484, 1492, 1496, 1500.
    searchConvergesTo(sim, 1500, 1500, 8, 22);
  }

  @Test
  void theSearchConvergesToALinkMtuOf9000In12ProbesWithPathMtu9000(Simulator sim) {
    // 1200, then eleven confirmed sizes: 5100, 7052, 8028, 8516, 8760, 8880, 8940, 8972, 8988,
    // 8996, 9000.
    searchConvergesTo(sim, 9000, 9000, 12, 34);
  }

  @Test
  void aPathMtuThatDropsFrom1500To1280MidTransferIsFoundAgainAndEveryMessageArrivesOnce(Simulator sim) {
    Pair p = pair(sim, StackConfig.defaults());
    converge(sim, p);
    assertThat(info(p.a, B).mtu()).isEqualTo(1500);
    PacedStream stream = new PacedStream(sim, p.client, p.a);
    long drop = sim.now() + 2 * S;
    stream.runUntil(drop);
    // A tunnel appears on the path: 1280 bytes, and no ICMP.
    sim.link(A, B).update(l -> l.withMtu(1280));
    sim.link(B, A).update(l -> l.withMtu(1280));
    stream.runUntil(drop + 120 * S);
    sim.runUntil("search complete", () -> complete(p.a, B), 600 * S);
    sim.runUntil("all delivered", () -> stream.deliveredTo(p.server, p.b), 60 * S);

    stream.verify(p.server, p.b);
    PeerAddressInfo client = info(p.a, B);
    assertThat(client.plpmtudBlackHoles()).isEqualTo(1);
    assertThat(client.mtu()).isEqualTo(1280);
    assertThat(p.a.counters().get(MibCounter.SCTP_PLPMTUD_BLACK_HOLES)).isEqualTo(1);
    SimLink link = sim.link(A, B);
    assertThat(link.counters().fragmented()).as("chunks that no longer fit went as fragments")
        .isPositive().isEqualTo(p.a.counters().get(MibCounter.SCTP_OUT_FRAGMENTABLE_PACKS));
    assertThat(sim.trace().withFate(Fate.TOO_BIG)).allMatch(r -> !r.datagram().fragmentable());
    assertThat(p.client.hasEvent(AssociationChange.Kind.COMM_LOST)).isFalse();
    List<DatagramRecord> afterDrop = sim.trace().where(r -> r.datagram().sentAtNanos() >= drop);
    long detected = afterDrop.stream().filter(r -> r.datagram().fragmentable())
        .mapToLong(r -> r.datagram().sentAtNanos()).min().orElseThrow();
    long found = afterDrop.stream().filter(r -> r.fate() == Fate.DELIVERED
            && r.datagram().source().equals(A) && r.datagram().containsChunk(ChunkType.PAD)
            && r.datagram().wireSize() == 1280)
        .mapToLong(DatagramRecord::fateAtNanos).max().orElseThrow();
    System.out.printf("[plpmtud] 1500 -> 1280 mid-transfer: black hole found after %.3f s,"
        + " 1280 confirmed after %.3f s, %d packets sent as fragments, %d messages delivered once%n",
        (detected - drop) / 1e9, (found - drop) / 1e9, link.counters().fragmented(),
        stream.sent.size());
  }

  @Test
  void multihomedWithOnePathOf1280EachPathFindsItsOwnMtuAndFailoverNeedsNoFragments(Simulator sim) {
    InetAddress client2 = SimAddresses.v4("10.0.2.1");
    InetAddress server2 = SimAddresses.v4("10.0.2.2");
    sim.link(client2, server2).update(l -> l.withMtu(1280));
    sim.link(server2, client2).update(l -> l.withMtu(1280));
    StackConfig config = StackConfig.defaults();
    MultihomedPair pair = new MultihomedPair(sim, config, config, 2);
    sim.runUntil("both searches complete", () -> complete(pair.a, pair.serverAddress(1))
        && complete(pair.a, pair.serverAddress(2)), 600 * S);
    assertThat(info(pair.a, pair.serverAddress(1)).mtu()).isEqualTo(1500);
    assertThat(info(pair.a, pair.serverAddress(2)).mtu()).isEqualTo(1280);
    // New messages are cut for the smaller path: 1280 - 28 - 12 - 16.
    assertThat(pair.a.fragmentSize()).isEqualTo(1224);

    PacedStream stream = new PacedStream(sim, pair.client, pair.a);
    stream.runUntil(sim.now() + 2 * S);
    pair.blackhole(1, true);
    stream.runUntil(sim.now() + 30 * S);
    sim.runUntil("all delivered", () -> stream.deliveredTo(pair.server, pair.b), 60 * S);

    stream.verify(pair.server, pair.b);
    assertThat(sim.trace().onLink(client2, server2)).anyMatch(r -> r.datagram().containsChunk(ChunkType.DATA));
    assertThat(sim.link(client2, server2).counters().fragmented()).isZero();
    assertThat(sim.trace().withFate(Fate.TOO_BIG)).allMatch(r -> r.datagram().containsChunk(ChunkType.PAD));
    assertThat(pair.client.hasEvent(AssociationChange.Kind.COMM_LOST)).isFalse();
  }
}
