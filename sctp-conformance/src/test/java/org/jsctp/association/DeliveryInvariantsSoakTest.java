package org.jsctp.association;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.random.RandomGenerator;
import org.jsctp.api.AssociationChange;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.path.Path;
import org.jsctp.testkit.sim.LinkProfile;
import org.jsctp.testkit.sim.SeedSoak;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.testkit.Workload;
import org.junit.jupiter.api.Test;

/**
 * The delivery invariants of the design (section 6, item 5) over many seeds: two endpoints
 * exchange messages of 1 byte to 256 KiB in both directions, on random streams, ordered and
 * unordered, over links with up to 20% loss, jitter that reorders, and duplication. Every
 * message arrives exactly once and in order per stream, the association never aborts, and at the
 * end nothing is queued and no timer but the heartbeat runs.
 *
 * <p>Association.Max.Retrans and Path.Max.Retrans are raised to 30 here: with 20% loss in each
 * direction, eleven consecutive lost retransmissions of one chunk happen about once in 10^5
 * episodes, and the error limits are a separate subject (failure detection tests).
 * 500 seeds by default; {@code -Dsim.soak.count=N} for more.
 */
class DeliveryInvariantsSoakTest {

  static final InetAddress A = SimAddresses.v4("10.0.0.1");
  static final InetAddress B = SimAddresses.v4("10.0.0.2");

  @Test
  void everyMessageArrivesExactlyOnceAndInOrderOverALossyReorderingDuplicatingNetwork() {
    SeedSoak.run(SeedSoak.count(500), this::scenario);
  }

  private void scenario(Simulator sim) {
    RandomGenerator r = sim.random("scenario");
    double loss = r.nextDouble() * 0.2;
    sim.defaultProfile(LinkProfile.DEFAULT
        .withLatency(SimTime.millis(1 + r.nextInt(40)))
        .withJitter(SimTime.millis(r.nextInt(15)))
        .withLoss(loss)
        .withDuplication(r.nextDouble() * 0.05));
    StackConfig config = StackConfig.builder()
        .associationMaxRetrans(30).pathMaxRetrans(30)
        .set(Sysctl.RTO_MIN, 200).set(Sysctl.RTO_INITIAL, 500).build();
    SimEndpoint client = new SimEndpoint(config, sim.random("client"), 9899, A);
    SimEndpoint server = new SimEndpoint(config, sim.random("server"), 9899, B);
    server.endpoint().listen(true);
    sim.attach("client", client);
    sim.attach("server", server);
    SctpAssociation a = client.connect(sim.now(), 9899, B);
    sim.runUntil("up", () -> server.firstAssociation() != null
        && client.hasEvent(AssociationChange.Kind.COMM_UP), SimTime.seconds(120));
    SctpAssociation b = server.firstAssociation();

    int messages = 8 + r.nextInt(12);
    Workload up = new Workload(sim.random("up"), messages, 256 * 1024, 10, 0.3);
    Workload down = new Workload(sim.random("down"), messages, 256 * 1024, 10, 0.3);
    long deadline = sim.now() + SimTime.seconds(3600);
    while (!(up.complete(server.received(b.id())) && down.complete(client.received(a.id())))) {
      up.pump(client, a, sim.now());
      down.pump(server, b, sim.now());
      sim.runFor(SimTime.millis(20));
      assertThat(sim.now()).as("virtual time to deliver everything").isLessThan(deadline);
      assertThat(client.hasEvent(AssociationChange.Kind.COMM_LOST)
          || server.hasEvent(AssociationChange.Kind.COMM_LOST)).as("association aborted").isFalse();
    }
    if (Boolean.getBoolean("soak.debug")) {
      System.out.println("loss=" + loss + " t=" + SimTime.formatDuration(sim.elapsed()) + " " + sim.totals()
          + " client " + client.endpoint().snmp() );
    }
    up.verify(server.received(b.id()));
    down.verify(client.received(a.id()));

    sim.runUntil("quiet", () -> a.isIdle() && b.isIdle(), SimTime.seconds(600));
    for (SctpAssociation x : new SctpAssociation[] {a, b}) {
      assertThat(x.state()).isEqualTo(AssociationState.ESTABLISHED);
      assertThat(x.tcb().sender.queuedMessages()).isZero();
      assertThat(x.tcb().sender.unacknowledgedChunks()).isZero();
      assertThat(x.phase().deadline()).as("no handshake, shutdown or autoclose timer").isEqualTo(Long.MAX_VALUE);
      assertThat(x.tcb().receiver.deadline()).as("delayed SACK timer").isEqualTo(Long.MAX_VALUE);
      for (Path p : x.paths.paths()) {
        assertThat(p.t3().isRunning()).as("T3-rtx of %s", p).isFalse();
        assertThat(p.heartbeatTimer().isRunning()).as("heartbeat of %s", p).isTrue();
      }
    }
  }
}
