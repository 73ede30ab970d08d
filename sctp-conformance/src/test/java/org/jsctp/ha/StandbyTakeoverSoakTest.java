package org.jsctp.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.SctpEvent;
import org.jsctp.api.SendFailed;
import org.jsctp.api.SendOutcome;
import org.jsctp.association.AssociationOptions;
import org.jsctp.association.AssociationState;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.testkit.StandbyLink;
import org.jsctp.testkit.sim.LinkProfile;
import org.jsctp.testkit.sim.SeedSoak;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimHost;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.wire.Bytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Standby takeover (docs/ha.md) over many seeds: a peer and a server stream numbered messages both
 * ways (1 byte to 6 KiB, several streams, ordered and unordered, DATA or I-DATA, single- or
 * multihomed) over links with loss, reordering and duplication, while the server association
 * replicates to a standby over an in-memory channel with its own latency. The active is killed at
 * a random instant, in one of five situations: during a burst, while chunks are being
 * retransmitted (a lossier link), with a path down, during a graceful shutdown, or during a stream
 * reset; after a random detection time a new endpoint with the active's addresses takes its place
 * and restores the association from the standby's copy. The server's application confirms what it
 * processed now and then, as an application replicating its own state would.
 *
 * <p>Invariants, each seed: the peer never sees COMM_LOST, an ABORT or a restart (a shutdown
 * completes); every message of the peer is delivered to the server's application at least once,
 * intact, every delivery after the first flagged as a possible duplicate, ordered ones in order
 * per stream; in SYNC mode every message the server's application sent that the standby knew of
 * (and everything sent after the takeover) reaches the peer's application exactly once, in
 * order per stream, and none twice; in THRESHOLD mode none reaches the peer twice, and a message
 * the standby knew of that never arrives was reported to the standby's application with a
 * SEND_FAILED of the TAKEOVER cause, at most the threshold of them. The peer's delivery gap
 * (last delivery before the kill to first after) is reported, not asserted: it is detection time
 * plus a retransmission timeout plus a round trip in virtual time.
 *
 * <p>200 seeds per mode by default; {@code -Dsim.soak.count=N} for more.
 */
class StandbyTakeoverSoakTest {

  static final InetAddress S1 = SimAddresses.v4("10.0.0.1");
  static final InetAddress S2 = SimAddresses.v4("10.0.1.1");
  static final InetAddress P1 = SimAddresses.v4("10.0.0.2");
  static final InetAddress P2 = SimAddresses.v4("10.0.1.2");
  static final int STREAMS = 6;
  static final int SERVER_ID_BASE = 1_000_000;

  enum Situation { BURST, RETRANSMISSIONS, PATH_DOWN, SHUTDOWN, STREAM_RESET }

  /** Figures over all seeds of one mode. */
  static final class Figures {
    int seeds;
    int takeovers;
    long peerMessages;
    long serverMessages;
    long flagged;
    long reported;
    long lost;
    long maxGap;
    long maxGapLessDetection;
    long maxFirstAfterTakeover;
    long records;
    long bytes;
    final Map<Situation, Integer> situations = new HashMap<>();

    @Override
    public String toString() {
      return String.format("seeds %d, takeovers %d %s, peer->server messages %d, server->peer"
          + " messages %d, duplicates flagged %d, takeover reports %d, lost %d, max gap %.1f ms"
          + " (%.1f ms beyond detection; first delivery at most %.1f ms after the takeover),"
          + " records %d, bytes %d", seeds, takeovers, situations, peerMessages, serverMessages,
          flagged, reported, lost, maxGap / 1e6, maxGapLessDetection / 1e6,
          maxFirstAfterTakeover / 1e6, records, bytes);
    }
  }

  static final Map<HaMode, Figures> FIGURES = new HashMap<>();

  @AfterAll
  static void report() {
    FIGURES.forEach((mode, f) -> System.out.println("[ha soak] " + mode + ": " + f));
  }

  @Test
  void syncModeLosesNothingAndDuplicatesNothingAtThePeer() {
    SeedSoak.run(SeedSoak.count(200), sim -> scenario(sim, HaMode.SYNC));
  }

  @Test
  void thresholdModeLosesOnlyReportedMessagesAtMostTheThreshold() {
    SeedSoak.run(SeedSoak.count(200), sim -> scenario(sim, HaMode.THRESHOLD));
  }

  /** One message of the plan. */
  record Planned(int id, int stream, boolean unordered, byte[] data) {}

  /** One delivery at an application. */
  record Delivery(int id, int stream, boolean unordered, boolean flagged, long at, boolean standby) {}

  private void scenario(Simulator sim, HaMode mode) {
    RandomGenerator r = sim.random("scenario");
    Situation situation = Situation.values()[r.nextInt(Situation.values().length)];
    boolean multihomed = situation == Situation.PATH_DOWN || r.nextBoolean();
    boolean interleaving = r.nextInt(3) == 0;
    boolean reconfig = situation == Situation.STREAM_RESET || r.nextInt(4) == 0;
    double loss = situation == Situation.RETRANSMISSIONS ? 0.05 + r.nextDouble() * 0.1
        : r.nextDouble() * 0.03;
    sim.defaultProfile(LinkProfile.DEFAULT
        .withLatency(SimTime.millis(1 + r.nextInt(20)))
        .withJitter(SimTime.micros(r.nextInt(4000)))
        .withLoss(loss)
        .withDuplication(r.nextDouble() * 0.02));
    int threshold = 16 << r.nextInt(4);
    StackConfig.Builder common = StackConfig.builder()
        .set(Sysctl.RTO_MIN, 200).set(Sysctl.RTO_INITIAL, 500).set(Sysctl.RTO_MAX, 4000)
        .set(Sysctl.INTL_ENABLE, interleaving ? 1 : 0).set(Sysctl.RECONF_ENABLE, reconfig ? 1 : 0)
        .set(Sysctl.SNDBUF, 32 * 1024).set(Sysctl.RCVBUF, 48 * 1024);
    StackConfig peerConfig = common.build();
    StackConfig serverConfig = common.set(Sysctl.HA_MODE, mode.sysctlValue())
        .set(Sysctl.HA_SYNC_TSN_THRESHOLD, threshold)
        .set(Sysctl.HA_SYNC_INTERVAL_MS, 5 + r.nextInt(100)).build();
    InetAddress[] serverAddresses = multihomed ? new InetAddress[] {S1, S2} : new InetAddress[] {S1};
    InetAddress[] peerAddresses = multihomed ? new InetAddress[] {P1, P2} : new InetAddress[] {P1};
    SimEndpoint peer = new SimEndpoint(peerConfig, sim.random("peer"), 9899, peerAddresses);
    SimEndpoint active = new SimEndpoint(serverConfig, sim.random("active"), 9899, serverAddresses);
    SimEndpoint standby =
        new SimEndpoint(serverConfig, sim.random("standby"), 9899, serverAddresses);
    for (SimEndpoint e : List.of(peer, active, standby)) {
      e.endpoint().defaultOptions().setEnableStreamReset(reconfig
          ? AssociationOptions.ENABLE_RESET_STREAM_REQ | AssociationOptions.ENABLE_CHANGE_ASSOC_REQ
          : 0);
    }
    active.endpoint().listen(true);
    long replicationLatency = SimTime.micros(100 + r.nextInt(3000));
    StandbyLink link = new StandbyLink(sim, active, replicationLatency);
    Set<Integer> committed = new HashSet<>();
    link.onStored(record -> committed.addAll(serverIds(record)));
    sim.attach("peer", peer);
    SimHost activeHost = sim.attach("active", active);
    SctpAssociation a = multihomed ? peer.connect(sim.now(), 9899, S1, S2)
        : peer.connect(sim.now(), 9899, S1);
    sim.runUntil("up", () -> active.firstAssociation() != null
        && peer.hasEvent(AssociationChange.Kind.COMM_UP), SimTime.seconds(60));

    List<Delivery> atServer = new ArrayList<>();
    List<Delivery> atPeer = new ArrayList<>();
    Map<Integer, byte[]> sent = new HashMap<>();
    RandomGenerator confirm = sim.random("confirm");
    ServerApp app = new ServerApp(sim, active, atServer, confirm, false);
    active.onEvent(app);
    peer.onEvent(e -> {
      if (e instanceof MessageReceived m && m.complete()) {
        int id = ByteBuffer.wrap(m.data().toByteArray()).getInt();
        assertThat(m.data().toByteArray()).as("server message %d intact", id).isEqualTo(sent.get(id));
        atPeer.add(new Delivery(id, m.streamId(), m.unordered(), m.possiblyDuplicate(), sim.now(),
            false));
      }
    });

    List<Planned> peerPlan = plan(sim.random("peer plan"), 0, 40 + r.nextInt(120));
    List<Planned> serverPlan = plan(sim.random("server plan"), SERVER_ID_BASE, 40 + r.nextInt(120));
    for (Planned p : peerPlan) {
      sent.put(p.id(), p.data());
    }
    for (Planned p : serverPlan) {
      sent.put(p.id(), p.data());
    }
    app.expect(sent);
    int[] next = {0, 0};
    long start = sim.now();
    long killAt = start + SimTime.millis(20 + r.nextInt(situation == Situation.SHUTDOWN ? 400 : 1500));
    long detection = SimTime.millis(20 + r.nextInt(400));
    boolean shutdownAsked = false;
    SctpAssociation b = active.firstAssociation();
    SimEndpoint server = active;
    SctpAssociation serverAssociation = b;
    long lastPeerDeliveryBeforeKill = -1;
    long firstPeerDeliveryAfterTakeover = -1;
    int peerDeliveriesAtTakeover = -1;
    long killTime = -1;
    boolean killed = false;
    long takeoverAt = -1;
    List<SendFailed> takeoverReports = new ArrayList<>();
    long deadline = start + SimTime.seconds(600);
    while (true) {
      if (!killed && sim.now() >= killAt) {
        if (situation == Situation.STREAM_RESET && serverAssociation.state() == AssociationState.ESTABLISHED) {
          resetSomeStreams(r, serverAssociation, a);
          sim.runFor(SimTime.millis(r.nextInt(30)));
        }
        killed = true;
        lastPeerDeliveryBeforeKill = atPeer.isEmpty() ? start : atPeer.get(atPeer.size() - 1).at();
        sim.detach(activeHost);
        link.kill();
        killTime = sim.now();
        sim.runFor(detection);
        peerDeliveriesAtTakeover = atPeer.size();
        sim.attach("standby", standby);
        ServerApp standbyApp = new ServerApp(sim, standby, atServer, confirm, true);
        standbyApp.expect(sent);
        standby.onEvent(e -> {
          standbyApp.accept(e);
          if (e instanceof SendFailed f && f.cause() == SendFailed.Cause.TAKEOVER) {
            takeoverReports.add(f);
          }
        });
        List<SctpAssociation> restored = link.takeOver(standby);
        takeoverAt = sim.now();
        server = standby;
        serverAssociation = restored.isEmpty() ? null : restored.get(0);
        FIGURES.computeIfAbsent(mode, m -> new Figures()).takeovers += restored.size();
        assertThat(killTime).isLessThanOrEqualTo(takeoverAt);
      }
      if (situation == Situation.SHUTDOWN && !shutdownAsked && next[0] == peerPlan.size()
          && next[1] == serverPlan.size() && sim.now() >= killAt - SimTime.millis(r.nextInt(200))) {
        shutdownAsked = true;
        if (a.state() == AssociationState.ESTABLISHED) {
          a.shutdown(sim.now());
        }
      }
      pump(sim, peer, a, peerPlan, next, 0);
      if (serverAssociation != null && serverAssociation.state().acceptsUserData()
          && (killed || next[1] < serverPlan.size())) {
        int before = next[1];
        pump(sim, server, serverAssociation, serverPlan, next, 1);
        if (!killed) {
          app.noteAttempted(serverPlan.subList(before, next[1]));
        }
      }
      sim.runFor(SimTime.millis(5));
      assertThat(peer.hasEvent(AssociationChange.Kind.COMM_LOST))
          .as("the peer saw COMM_LOST (%s)", situation).isFalse();
      assertThat(peer.hasEvent(AssociationChange.Kind.RESTART))
          .as("the peer saw a restart (%s)", situation).isFalse();
      if (killed && firstPeerDeliveryAfterTakeover < 0 && atPeer.size() > peerDeliveriesAtTakeover) {
        firstPeerDeliveryAfterTakeover = atPeer.get(peerDeliveriesAtTakeover).at();
      }
      boolean done = killed && next[0] == peerPlan.size() && next[1] == serverPlan.size()
          && firstDeliveries(atServer).containsAll(ids(peerPlan))
          && (a.state() == AssociationState.CLOSED
              || (situation != Situation.SHUTDOWN && a.isIdle()
                  && (serverAssociation == null || serverAssociation.isIdle())));
      if (done) {
        break;
      }
      assertThat(sim.now()).as("virtual time to finish (%s): peer %s %s, server %s %s, link gaps %d,"
          + " records %d, next %d/%d of %d/%d, server got %d first deliveries", situation, a,
          a.isIdle(), serverAssociation, serverAssociation == null ? "-" : serverAssociation.isIdle(),
          link.gaps(), link.records(), next[0], next[1], peerPlan.size(), serverPlan.size(),
          firstDeliveries(atServer).size()).isLessThan(deadline);
    }
    if (situation == Situation.SHUTDOWN && shutdownAsked) {
      assertThat(peer.hasEvent(AssociationChange.Kind.SHUTDOWN_COMP))
          .as("the shutdown completed at the peer").isTrue();
    }
    verifyPeerToServer(peerPlan, atServer);
    verifyServerToPeer(mode, serverPlan, committed, app, atPeer, takeoverReports, threshold,
        interleaving);

    Figures f = FIGURES.computeIfAbsent(mode, m -> new Figures());
    f.seeds++;
    f.situations.merge(situation, 1, Integer::sum);
    f.peerMessages += peerPlan.size();
    f.serverMessages += serverPlan.size();
    f.flagged += atServer.stream().filter(Delivery::flagged).count();
    f.reported += takeoverReports.size();
    f.lost += lostAtPeer(serverPlan, committed, app, atPeer).size();
    f.records += link.records();
    f.bytes += link.bytes();
    if (firstPeerDeliveryAfterTakeover > 0) {
      long gap = firstPeerDeliveryAfterTakeover - lastPeerDeliveryBeforeKill;
      f.maxGap = Math.max(f.maxGap, gap);
      f.maxGapLessDetection = Math.max(f.maxGapLessDetection, gap - (takeoverAt - killTime));
      f.maxFirstAfterTakeover = Math.max(f.maxFirstAfterTakeover,
          firstPeerDeliveryAfterTakeover - takeoverAt);
    }
  }

  /** The application of the server: records deliveries, confirms some of them now and then. */
  static final class ServerApp implements java.util.function.Consumer<SctpEvent> {
    private final Simulator sim;
    private final SimEndpoint endpoint;
    private final List<Delivery> deliveries;
    private final RandomGenerator random;
    private final boolean standby;
    private Map<Integer, byte[]> expected = Map.of();
    final Set<Integer> attempted = new HashSet<>();
    private MessageReceived unconfirmed;

    ServerApp(Simulator sim, SimEndpoint endpoint, List<Delivery> deliveries,
        RandomGenerator random, boolean standby) {
      this.sim = sim;
      this.endpoint = endpoint;
      this.deliveries = deliveries;
      this.random = random;
      this.standby = standby;
    }

    void expect(Map<Integer, byte[]> expected) {
      this.expected = expected;
    }

    void noteAttempted(List<Planned> planned) {
      for (Planned p : planned) {
        attempted.add(p.id());
      }
    }

    @Override
    public void accept(SctpEvent e) {
      if (!(e instanceof MessageReceived m)) {
        return;
      }
      if (m.complete()) {
        int id = ByteBuffer.wrap(m.data().toByteArray()).getInt();
        assertThat(m.data().toByteArray()).as("peer message %d intact", id)
            .isEqualTo(expected.get(id));
        deliveries.add(new Delivery(id, m.streamId(), m.unordered(), m.possiblyDuplicate(),
            sim.now(), standby));
      }
      unconfirmed = m;
      if (m.complete() && random.nextInt(4) == 0) {
        SctpAssociation a = endpoint.endpoint().association(m.associationId());
        if (a != null) {
          a.confirmDelivered(sim.now(), unconfirmed);
        }
      }
    }
  }

  private static void resetSomeStreams(RandomGenerator r, SctpAssociation server,
      SctpAssociation peer) {
    SctpAssociation who = r.nextBoolean() ? server : peer;
    try {
      if (r.nextInt(4) == 0) {
        who.options().addStreams(1 + r.nextInt(2), 1 + r.nextInt(2));
      } else {
        who.options().resetStreams(r.nextBoolean(), true, r.nextInt(STREAMS));
      }
    } catch (IllegalStateException | IllegalArgumentException e) {
      // A request is in progress, or the association did not negotiate RE-CONFIG.
    }
  }

  private static void pump(Simulator sim, SimEndpoint endpoint, SctpAssociation a,
      List<Planned> plan, int[] next, int which) {
    while (next[which] < plan.size() && a.state().acceptsUserData()) {
      Planned p = plan.get(next[which]);
      int stream = p.stream() % Math.max(1, a.outboundStreams());
      SendOutcome outcome = endpoint.send(sim.now(), a, new OutgoingMessage(stream, 0,
          p.unordered(), false, Bytes.wrap(p.data()), p.id(), Long.MAX_VALUE));
      if (outcome == SendOutcome.WOULD_BLOCK) {
        return;
      }
      assertThat(outcome).isEqualTo(SendOutcome.ACCEPTED);
      next[which]++;
    }
  }

  private static List<Planned> plan(RandomGenerator r, int base, int count) {
    List<Planned> plan = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int id = base + i;
      int size = r.nextInt(5) == 0 ? 4 + r.nextInt(6 * 1024) : 4 + r.nextInt(300);
      byte[] data = new byte[size];
      ByteBuffer.wrap(data).putInt(id);
      for (int j = 4; j < size; j++) {
        data[j] = (byte) (id * 17 + j * 3);
      }
      plan.add(new Planned(id, r.nextInt(STREAMS), r.nextInt(10) < 3, data));
    }
    return plan;
  }

  /** The server message ids a record told the standby about. */
  private static List<Integer> serverIds(ReplicationRecord record) {
    List<Integer> ids = new ArrayList<>();
    if (record.isSnapshot()) {
      for (SenderSnapshot.Message m : record.snapshot().sender().messages()) {
        ids.add(ByteBuffer.wrap(m.payload().toByteArray()).getInt());
      }
    }
    for (Delta d : record.deltas()) {
      if (d instanceof Delta.MessageQueued q) {
        ids.add(ByteBuffer.wrap(q.message().payload().toByteArray()).getInt());
      }
    }
    return ids;
  }

  private static Set<Integer> ids(List<Planned> plan) {
    Set<Integer> ids = new HashSet<>();
    for (Planned p : plan) {
      ids.add(p.id());
    }
    return ids;
  }

  private static List<Integer> firstDeliveries(List<Delivery> deliveries) {
    Set<Integer> seen = new HashSet<>();
    List<Integer> first = new ArrayList<>();
    for (Delivery d : deliveries) {
      if (seen.add(d.id())) {
        first.add(d.id());
      }
    }
    return first;
  }

  private static void verifyPeerToServer(List<Planned> plan, List<Delivery> atServer) {
    Set<Integer> seen = new HashSet<>();
    Map<Integer, Integer> lastOrdered = new HashMap<>();
    for (Delivery d : atServer) {
      if (!seen.add(d.id())) {
        assertThat(d.flagged()).as("peer message %d delivered again unflagged", d.id()).isTrue();
        continue;
      }
      if (!d.unordered()) {
        Integer last = lastOrdered.put(d.stream(), d.id());
        assertThat(last == null || last < d.id())
            .as("peer message %d after %d on stream %d", d.id(), last, d.stream()).isTrue();
      }
    }
    assertThat(seen).as("every peer message reached the server").containsAll(ids(plan));
  }

  private static List<Integer> lostAtPeer(List<Planned> plan, Set<Integer> committed,
      ServerApp app, List<Delivery> atPeer) {
    Set<Integer> delivered = new HashSet<>();
    for (Delivery d : atPeer) {
      delivered.add(d.id());
    }
    List<Integer> lost = new ArrayList<>();
    for (Planned p : plan) {
      boolean known = committed.contains(p.id()) || !app.attempted.contains(p.id());
      if (known && !delivered.contains(p.id())) {
        lost.add(p.id());
      }
    }
    return lost;
  }

  private static void verifyServerToPeer(HaMode mode, List<Planned> plan, Set<Integer> committed,
      ServerApp app, List<Delivery> atPeer, List<SendFailed> reports, int threshold,
      boolean interleaving) {
    Set<Integer> seen = new HashSet<>();
    Map<Integer, Integer> lastOrdered = new HashMap<>();
    for (Delivery d : atPeer) {
      assertThat(seen.add(d.id())).as("server message %d delivered twice at the peer", d.id())
          .isTrue();
      if (!d.unordered()) {
        Integer last = lastOrdered.put(d.stream(), d.id());
        assertThat(last == null || last < d.id())
            .as("server message %d after %d on stream %d", d.id(), last, d.stream()).isTrue();
      }
    }
    List<Integer> lost = lostAtPeer(plan, committed, app, atPeer);
    if (mode == HaMode.SYNC) {
      assertThat(lost).as("server messages the standby knew of and the peer never got").isEmpty();
      assertThat(reports).as("SYNC mode reports no takeover losses").isEmpty();
    } else {
      Set<Integer> reported = new HashSet<>();
      for (SendFailed f : reports) {
        reported.add((int) f.context());
      }
      assertThat(reported).as("server messages lost at the peer were reported")
          .containsAll(lost);
      // Half the threshold of messages started after the last record, and those under way then:
      // one with DATA, one per stream with I-DATA (first-come-first-served scheduler).
      assertThat(lost.size()).as("server messages lost in the takeover")
          .isLessThanOrEqualTo(threshold / 2 + (interleaving ? STREAMS : 1))
          .isLessThanOrEqualTo(threshold);
    }
  }
}
