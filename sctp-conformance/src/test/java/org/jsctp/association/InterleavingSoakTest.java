package org.jsctp.association;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.random.RandomGenerator;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.StreamSchedulerKind;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.testkit.Workload;
import org.jsctp.testkit.sim.LinkProfile;
import org.jsctp.testkit.sim.SeedSoak;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * I-DATA (RFC 8260) under each stream scheduler (section 3), over many seeds: both sides send
 * messages of 1 byte to 1 MiB on up to 16 streams, ordered and unordered, with random priorities
 * or weights, over links with up to 10% loss, reordering and duplication, with a receive buffer
 * small enough that large messages are delivered in pieces that interleave with other streams'.
 * Every message arrives exactly once, intact, and in order on its stream; the association never
 * aborts and ends idle. 40 seeds per scheduler by default; {@code -Dsim.soak.count=N} for more.
 */
class InterleavingSoakTest {

  static final InetAddress A = SimAddresses.v4("10.0.0.1");
  static final InetAddress B = SimAddresses.v4("10.0.0.2");

  @ParameterizedTest
  @EnumSource(StreamSchedulerKind.class)
  void messagesOfEverySizeOnManyStreamsArriveIntactAndInOrderPerStream(StreamSchedulerKind kind) {
    SeedSoak.run(SeedSoak.count(40), sim -> scenario(sim, kind));
  }

  private void scenario(Simulator sim, StreamSchedulerKind kind) {
    RandomGenerator r = sim.random("scenario");
    sim.defaultProfile(LinkProfile.DEFAULT
        .withLatency(SimTime.millis(1 + r.nextInt(30)))
        .withJitter(SimTime.millis(r.nextInt(10)))
        .withLoss(r.nextDouble() * 0.1)
        .withDuplication(r.nextDouble() * 0.03));
    StackConfig config = StackConfig.builder()
        .associationMaxRetrans(30).pathMaxRetrans(30)
        .set(Sysctl.RTO_MIN, 200).set(Sysctl.RTO_INITIAL, 500)
        .set(Sysctl.INTL_ENABLE, 1)
        .set(Sysctl.RCVBUF, 128 * 1024).build();
    SimEndpoint client = new SimEndpoint(config, sim.random("client"), 9899, A);
    SimEndpoint server = new SimEndpoint(config, sim.random("server"), 9899, B);
    server.endpoint().defaultOptions().setStreamScheduler(kind);
    server.endpoint().listen(true);
    sim.attach("client", client);
    sim.attach("server", server);
    AssociationOptions options = client.endpoint().defaultOptions().copy();
    options.setStreamScheduler(kind);
    options.setInitMsg(16, 16, 0, 0);
    SctpAssociation a = client.connect(sim.now(), 9899, options, B);
    sim.runUntil("up", () -> server.firstAssociation() != null
        && client.hasEvent(AssociationChange.Kind.COMM_UP), SimTime.seconds(120));
    SctpAssociation b = server.firstAssociation();
    assertThat(a.options().extensions().interleaving()).isTrue();
    int streams = Math.min(a.outboundStreams(), b.outboundStreams());
    for (SctpAssociation x : new SctpAssociation[] {a, b}) {
      for (int s = 0; s < streams; s++) {
        if (kind == StreamSchedulerKind.PRIORITY) {
          x.options().setStreamSchedulerValue(s, r.nextInt(3));
        } else if (kind == StreamSchedulerKind.WEIGHTED_FAIR_QUEUEING) {
          x.options().setStreamSchedulerValue(s, 1 + r.nextInt(8));
        }
      }
    }

    int messages = 10 + r.nextInt(20);
    Workload up = new Workload(sim.random("up"), messages, 1 << 20, streams, 0.3);
    Workload down = new Workload(sim.random("down"), messages, 256 * 1024, streams, 0.3);
    long deadline = sim.now() + SimTime.seconds(3600);
    while (!(up.complete(server.received(b.id())) && down.complete(client.received(a.id())))) {
      up.pump(client, a, sim.now());
      down.pump(server, b, sim.now());
      sim.runFor(SimTime.millis(20));
      assertThat(sim.now()).as("virtual time to deliver everything").isLessThan(deadline);
      assertThat(client.hasEvent(AssociationChange.Kind.COMM_LOST)
          || server.hasEvent(AssociationChange.Kind.COMM_LOST)).as("association aborted").isFalse();
    }
    up.verify(server.received(b.id()));
    down.verify(client.received(a.id()));
    sim.runUntil("quiet", () -> a.isIdle() && b.isIdle(), SimTime.seconds(600));
  }
}
