package org.jsctp.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.SendFailed;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.endpoint.Endpoint;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.testkit.StandbyLink;
import org.jsctp.testkit.sim.SimDatagram;
import org.jsctp.testkit.sim.LinkProfile;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimHost;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.ForwardTsnChunk;
import org.jsctp.wire.SctpPacket;
import org.junit.jupiter.api.Test;

/** Standby takeover end to end in the simulator (docs/ha.md), one scenario per test. */
class TakeoverTest {

  static final InetAddress SERVER = SimAddresses.v4("10.0.0.1");
  static final InetAddress PEER = SimAddresses.v4("10.0.0.2");

  /** A peer, an active server replicating to a standby, and the standby's replacement endpoint. */
  static final class Setup {
    final Simulator sim;
    final SimEndpoint peer;
    final SimEndpoint active;
    final SimEndpoint standby;
    final StandbyLink link;
    final SimHost activeHost;
    final SctpAssociation a;
    final SctpAssociation b;

    Setup(long seed, StackConfig server, long replicationLatency) {
      sim = Simulator.withSeed(seed);
      sim.defaultProfile(LinkProfile.DEFAULT.withLatency(SimTime.millis(5)));
      peer = new SimEndpoint(StackConfig.builder().set(Sysctl.RTO_MIN, 200)
          .set(Sysctl.RTO_INITIAL, 500).build(), sim.random("peer"), 9899, PEER);
      active = new SimEndpoint(server, sim.random("active"), 9899, SERVER);
      standby = new SimEndpoint(server, sim.random("standby"), 9899, SERVER);
      active.endpoint().listen(true);
      link = new StandbyLink(sim, active, replicationLatency);
      sim.attach("peer", peer);
      activeHost = sim.attach("active", active);
      a = peer.connect(sim.now(), 9899, SERVER);
      sim.runUntil("up", () -> active.firstAssociation() != null
          && peer.hasEvent(AssociationChange.Kind.COMM_UP), SimTime.seconds(10));
      b = active.firstAssociation();
    }

    /** The active dies now; {@code detection} later the standby takes its place. */
    SctpAssociation killAndTakeOver(long detection) {
      sim.detach(activeHost);
      link.kill();
      sim.runFor(detection);
      sim.attach("standby", standby);
      List<SctpAssociation> restored = link.takeOver(standby);
      assertThat(restored).hasSize(1);
      return restored.get(0);
    }
  }

  static StackConfig serverConfig(HaMode mode, int threshold) {
    return StackConfig.builder().set(Sysctl.RTO_MIN, 200).set(Sysctl.RTO_INITIAL, 500)
        .set(Sysctl.HA_MODE, mode.sysctlValue()).set(Sysctl.HA_SYNC_TSN_THRESHOLD, threshold)
        .set(Sysctl.NODELAY, 1).build();
  }

  @Test
  void aSyncStandbyTakesOverWithoutLossAndFlagsWhatItHandsAgain() {
    Setup s = new Setup(1, serverConfig(HaMode.SYNC, 256), SimTime.millis(1));
    for (int i = 0; i < 20; i++) {
      s.peer.send(s.sim.now(), s.a, i % 3, message(i), false);
      s.active.send(s.sim.now(), s.b, i % 3, message(1000 + i), false);
    }
    s.sim.runFor(SimTime.millis(12));

    SctpAssociation c = s.killAndTakeOver(SimTime.millis(100));
    for (int i = 20; i < 40; i++) {
      s.peer.send(s.sim.now(), s.a, i % 3, message(i), false);
      s.standby.send(s.sim.now(), c, i % 3, message(1000 + i), false);
    }
    s.sim.runUntil("quiet", () -> s.a.isIdle() && c.isIdle(), SimTime.seconds(30));

    assertThat(s.peer.hasEvent(AssociationChange.Kind.COMM_LOST)).isFalse();
    assertThat(s.peer.hasEvent(AssociationChange.Kind.RESTART)).isFalse();
    assertThat(c.localTag()).isEqualTo(s.b.localTag());
    assertThat(c.peerTag()).isEqualTo(s.b.peerTag());
    assertThat(ids(s.peer.received(s.a.id()))).as("server messages at the peer, in order per"
        + " stream, once").containsExactlyInAnyOrderElementsOf(range(1000, 1040));
    List<MessageReceived> atActive = s.active.received(s.b.id());
    List<MessageReceived> atStandby = s.standby.received(c.id());
    assertThat(atActive).noneMatch(MessageReceived::possiblyDuplicate);
    List<Integer> handedAgain = new ArrayList<>();
    for (MessageReceived m : atStandby) {
      if (m.possiblyDuplicate()) {
        handedAgain.add(id(m));
      }
    }
    assertThat(ids(atActive)).as("what the standby hands again, the active had handed")
        .containsAll(handedAgain);
    List<Integer> all = new ArrayList<>(ids(atActive));
    all.addAll(ids(atStandby));
    assertThat(all).containsAll(range(0, 40));
    assertThat(all).hasSize(40 + handedAgain.size());
    assertThat(s.standby.endpoint().counters().get(org.jsctp.stats.MibCounter.SCTP_HA_TAKEOVERS))
        .isEqualTo(1);
  }

  @Test
  void aConfirmedMessageIsNotHandedAgain() {
    Setup s = new Setup(2, serverConfig(HaMode.SYNC, 256), SimTime.millis(1));
    s.active.onEvent(e -> {
      if (e instanceof MessageReceived m && id(m) < 5) {
        s.b.confirmDelivered(s.sim.now(), m);
      }
    });
    for (int i = 0; i < 10; i++) {
      s.peer.send(s.sim.now(), s.a, 0, message(i), false);
    }
    s.sim.runFor(SimTime.millis(500));
    assertThat(ids(s.active.received(s.b.id()))).containsExactlyElementsOf(range(0, 10));

    SctpAssociation c = s.killAndTakeOver(SimTime.millis(50));
    s.sim.runFor(SimTime.millis(100));

    List<MessageReceived> again = s.standby.received(c.id());
    assertThat(again).allMatch(MessageReceived::possiblyDuplicate);
    assertThat(ids(again)).as("handed again: the unconfirmed ones, in order")
        .containsExactlyElementsOf(range(5, 10));
  }

  @Test
  void aThresholdStandbySkipsTheTsnsItCannotKnowAndReportsWhatMayBeLost() {
    Setup s = new Setup(3, serverConfig(HaMode.THRESHOLD, 16), SimTime.millis(1));
    s.sim.runFor(SimTime.millis(100));
    assertThat(s.b.options().haMode()).isEqualTo(HaMode.THRESHOLD);
    int first = s.b.snapshot(s.sim.now()).sender().nextTsn();
    List<SendFailed> reports = new ArrayList<>();
    s.standby.onEvent(e -> {
      if (e instanceof SendFailed f) {
        reports.add(f);
      }
    });
    for (int i = 0; i < 30; i++) {
      s.active.send(s.sim.now(), s.b, new OutgoingMessage(0, 0, false, false,
          Bytes.wrap(message(1000 + i)), 1000 + i, Long.MAX_VALUE));
    }
    // The first half threshold goes at once; the standby's acknowledgement lets the next go, whose
    // records are still on the way when the active dies.
    s.sim.runFor(SimTime.micros(2_500));
    int known = s.link.standbyState(s.b.id()).snapshot().sender().nextTsn();
    int used = s.b.snapshot(s.sim.now()).sender().nextTsn();
    assertThat(used - known).as("TSNs the standby cannot know").isPositive().isLessThanOrEqualTo(8);
    List<Integer> byActive = dataTsns(s.sim, SERVER);

    SctpAssociation c = s.killAndTakeOver(SimTime.millis(200));
    s.sim.runUntil("quiet", () -> s.a.isIdle() && c.isIdle(), SimTime.seconds(30));

    assertThat(s.peer.hasEvent(AssociationChange.Kind.COMM_LOST)).isFalse();
    int knownMessages = known - first;
    assertThat(reports).as("reported: the half threshold of messages queued first after the last"
        + " record").allMatch(f -> f.cause() == SendFailed.Cause.TAKEOVER && f.sent())
        .extracting(SendFailed::context)
        .containsExactlyElementsOf(longs(1000 + knownMessages, 1000 + knownMessages + 8));
    List<ForwardTsnChunk> forwards = forwardTsns(s.sim, SERVER);
    assertThat(forwards).as("a FORWARD-TSN over the unknown range").isNotEmpty();
    assertThat(forwards.get(0).newCumulativeTsn()).isEqualTo(known + 15);
    assertThat(forwards.get(0).streams())
        .contains(new ForwardTsnChunk.StreamEntry(0, knownMessages + 7));
    List<Integer> byStandby = dataTsns(s.sim, SERVER);
    byStandby.subList(0, byActive.size()).clear();
    assertThat(byStandby).as("the standby retransmits what it knew and resumes the threshold"
        + " past it").noneMatch(t -> t - known >= 0 && t - known < 16)
        .anyMatch(t -> t - known == 16);
    List<Integer> atPeer = ids(s.peer.received(s.a.id()));
    assertThat(atPeer).as("in order, once, lost only among the reported").isSorted()
        .doesNotHaveDuplicates().containsAll(range(1000 + knownMessages + 8, 1030))
        .containsAll(range(1000, 1000 + knownMessages));
  }

  @Test
  void theStandbyVerifiesCookiesTheActiveHandedOut() {
    Simulator sim = Simulator.withSeed(4);
    sim.defaultProfile(LinkProfile.DEFAULT.withLatency(SimTime.millis(5)));
    StackConfig config = StackConfig.defaults();
    SimEndpoint peer = new SimEndpoint(config, sim.random("peer"), 9899, PEER);
    SimEndpoint active = new SimEndpoint(config, sim.random("active"), 9899, SERVER);
    SimEndpoint standby = new SimEndpoint(config, sim.random("standby"), 9899, SERVER);
    active.endpoint().listen(true);
    standby.endpoint().listen(true);
    EndpointSnapshot secrets = SnapshotCodec.decodeEndpoint(
        SnapshotCodec.encode(active.endpoint().endpointSnapshot(sim.now())));
    sim.attach("peer", peer);
    SimHost host = sim.attach("active", active);
    peer.connect(sim.now(), 9899, SERVER);
    // The INIT ACK leaves the active; it dies before the COOKIE ECHO arrives.
    sim.runFor(SimTime.millis(12));
    sim.detach(host);
    standby.endpoint().adoptEndpointSnapshot(secrets, sim.now());
    sim.attach("standby", standby);
    sim.runUntil("up", () -> peer.hasEvent(AssociationChange.Kind.COMM_UP), SimTime.seconds(10));

    assertThat(standby.firstAssociation()).isNotNull();
    assertThat(peer.hasEvent(AssociationChange.Kind.CANT_STR_ASSOC)).isFalse();
  }

  @Test
  void restoreRefusesASnapshotThatDoesNotFitTheEndpoint() {
    Setup s = new Setup(5, serverConfig(HaMode.SYNC, 256), SimTime.millis(1));
    AssociationSnapshot snapshot = s.b.snapshot(s.sim.now());
    RandomGenerator random = s.sim.random("other");

    Endpoint otherPort = new Endpoint(StackConfig.defaults(), 5001, List.of(SERVER), random);
    assertThatThrownBy(() -> otherPort.restore(snapshot, s.sim.now()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SCTP port 5000");
    Endpoint otherAddress = new Endpoint(StackConfig.defaults(), 5000,
        List.of(SimAddresses.v4("10.9.9.9")), random);
    assertThatThrownBy(() -> otherAddress.restore(snapshot, s.sim.now()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("local address 10.0.0.1");
    Endpoint twice = new Endpoint(StackConfig.defaults(), 5000, List.of(SERVER), random);
    twice.restore(snapshot, s.sim.now());
    assertThatThrownBy(() -> twice.restore(snapshot, s.sim.now()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("exists here");
  }

  @Test
  void aRestoredAssociationHoldsWhatTheSnapshotHeld() {
    Setup s = new Setup(6, serverConfig(HaMode.OFF, 256), SimTime.millis(1));
    s.sim.link(SERVER, PEER).blackhole(true);
    s.sim.link(PEER, SERVER).update(p -> p.withLoss(0.3));
    for (int i = 0; i < 5; i++) {
      s.active.send(s.sim.now(), s.b, i, message(1000 + i), i % 2 == 0);
      s.peer.send(s.sim.now(), s.a, i, new byte[3000 + i], false);
    }
    s.sim.runFor(SimTime.millis(300));
    AssociationSnapshot before = s.b.snapshot(s.sim.now());
    assertThat(before.sender().outstanding()).isNotEmpty();
    assertThat(before.receiver().received().size() + before.receiver().fragments().size()
        + before.receiver().waiting().size()).isPositive();

    Endpoint other = new Endpoint(serverConfig(HaMode.OFF, 256), 5000, List.of(SERVER),
        s.sim.random("other"));
    SctpAssociation c = other.restore(SnapshotCodec.decodeSnapshot(SnapshotCodec.encode(before)),
        s.sim.now());
    AssociationSnapshot after = c.snapshot(s.sim.now());

    assertThat(after.receiver()).isEqualTo(before.receiver());
    assertThat(after.sender().outstanding()).isEqualTo(before.sender().outstanding());
    assertThat(after.sender().messages()).isEqualTo(before.sender().messages());
    assertThat(after.sender().streams()).isEqualTo(before.sender().streams());
    assertThat(after.header().paths()).isEqualTo(before.header().paths());
    assertThat(c.state()).isEqualTo(s.b.state());
    assertThat(c.id()).isEqualTo(s.b.id());
  }

  private static List<Integer> dataTsns(Simulator sim, InetAddress from) {
    List<Integer> tsns = new ArrayList<>();
    for (Chunk c : chunksFrom(sim, from, ChunkType.DATA)) {
      tsns.add(((DataChunk) c).tsn());
    }
    return tsns;
  }

  private static List<ForwardTsnChunk> forwardTsns(Simulator sim, InetAddress from) {
    List<ForwardTsnChunk> list = new ArrayList<>();
    for (Chunk c : chunksFrom(sim, from, ChunkType.FORWARD_TSN)) {
      list.add((ForwardTsnChunk) c);
    }
    return list;
  }

  private static List<Chunk> chunksFrom(Simulator sim, InetAddress from, int type) {
    List<Chunk> chunks = new ArrayList<>();
    for (SimDatagram d : sim.trace().sent()) {
      if (!d.source().equals(from)) {
        continue;
      }
      try {
        for (Chunk c : SctpPacket.decode(d.packet()).chunks()) {
          if (c.type() == type) {
            chunks.add(c);
          }
        }
      } catch (org.jsctp.wire.WireFormatException e) {
        throw new AssertionError(e);
      }
    }
    return chunks;
  }

  static byte[] message(int id) {
    byte[] data = new byte[100 + id % 50];
    ByteBuffer.wrap(data).putInt(id);
    return data;
  }

  static int id(MessageReceived m) {
    return ByteBuffer.wrap(m.data().toByteArray()).getInt();
  }

  static List<Integer> ids(List<MessageReceived> messages) {
    List<Integer> ids = new ArrayList<>();
    for (MessageReceived m : messages) {
      ids.add(id(m));
    }
    return ids;
  }

  static List<Integer> range(int from, int to) {
    List<Integer> list = new ArrayList<>();
    for (int i = from; i < to; i++) {
      list.add(i);
    }
    return list;
  }

  static List<Long> longs(int from, int to) {
    List<Long> list = new ArrayList<>();
    for (int i = from; i < to; i++) {
      list.add((long) i);
    }
    return list;
  }
}
