package org.jsctp.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.SendFailed;
import org.jsctp.association.AssociationState;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.junit.jupiter.api.Test;

/**
 * A bug of ours inside an association's timer must not escape the endpoint (it would take the
 * runtime's event loop down, or spin it on a timer that keeps failing): it is counted in
 * SctpInternalErrors and the association is aborted, so that its application hears COMM_LOST
 * and gets back what was not delivered, while other associations go on.
 */
class InternalErrorTest {

  static final InetAddress A = SimAddresses.v4("10.0.0.1");
  static final InetAddress B = SimAddresses.v4("10.0.0.2");

  /** A random generator that can be made to fail: the only outside code an association calls on a timer. */
  static final class FailingRandom implements RandomGenerator {
    private final SplittableRandom random = new SplittableRandom(7);
    volatile boolean fail;

    @Override
    public long nextLong() {
      if (fail) {
        throw new IllegalStateException("injected failure");
      }
      return random.nextLong();
    }
  }

  @Test
  void anExceptionInATimerAbortsThatAssociationOnlyAndIsCounted() {
    Simulator sim = Simulator.withSeed(11);
    StackConfig config = StackConfig.builder().set(Sysctl.HB_INTERVAL, 1_000).build();
    FailingRandom random = new FailingRandom();
    SimEndpoint client = new SimEndpoint(config, random, 9899, A);
    SimEndpoint server = new SimEndpoint(config, sim.random("server"), 9899, B);
    server.endpoint().listen(true);
    sim.attach("client", client);
    sim.attach("server", server);
    SctpAssociation a = client.connect(sim.now(), 9899, B);
    sim.runUntil("up", () -> client.hasEvent(AssociationChange.Kind.COMM_UP)
        && server.firstAssociation() != null, SimTime.seconds(10));
    int serverSide = server.firstAssociation().id();
    client.send(sim.now(), a, 0, new byte[100], false);

    random.fail = true;
    sim.runFor(SimTime.seconds(5));

    assertThat(a.state()).isEqualTo(AssociationState.CLOSED);
    assertThat(client.hasEvent(AssociationChange.Kind.COMM_LOST)).isTrue();
    assertThat(client.endpoint().snmp().get(MibCounter.SCTP_INTERNAL_ERRORS))
        .isPositive();
    assertThat(server.hasEvent(AssociationChange.Kind.COMM_LOST))
        .as("the peer was told with an ABORT").isTrue();
    assertThat(client.events(SendFailed.class).size() + server.received(serverSide).size())
        .as("the message was delivered or handed back").isPositive();
  }
}
