package org.jsctp.association;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.MessageReceived;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.testkit.sim.LinkProfile;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.sim.SimulatorExtension;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.api.SendOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Congestion control in virtual time: a bulk transfer over a 100 Mbit/s link with 20 ms RTT.
 * Without loss it must fill most of the link; with 1% random loss a Reno-style controller
 * (RFC 9260 section 7.2) reaches about MSS / RTT * 1.22 / sqrt(p), roughly 7 Mbit/s (the
 * Mathis model): a controller that never cuts would go far above it, one stuck in slow start or
 * at one packet per RTT far below.
 */
@ExtendWith(SimulatorExtension.class)
class BulkThroughputTest {

  static final InetAddress A = SimAddresses.v4("10.0.0.1");
  static final InetAddress B = SimAddresses.v4("10.0.0.2");
  static final long LINK_BPS = 100_000_000L;

  private double megabitsPerSecond(Simulator sim, double loss) {
    sim.defaultProfile(LinkProfile.DEFAULT
        .withLatency(SimTime.millis(10))
        .withBandwidth(LINK_BPS)
        .withQueueLimit(250_000)
        .withLoss(loss));
    StackConfig config = StackConfig.builder()
        .set(Sysctl.SNDBUF, 4 << 20).set(Sysctl.RCVBUF, 4 << 20)
        .set(Sysctl.RTO_MIN, 200).set(Sysctl.RTO_INITIAL, 500).build();
    SimEndpoint client = new SimEndpoint(config, sim.random("client"), 9899, A);
    SimEndpoint server = new SimEndpoint(config, sim.random("server"), 9899, B);
    server.endpoint().listen(true);
    sim.attach("client", client);
    sim.attach("server", server);
    SctpAssociation a = client.connect(sim.now(), 9899, B);
    sim.runUntil("up", () -> client.hasEvent(AssociationChange.Kind.COMM_UP), SimTime.seconds(5));
    byte[] message = new byte[1400];
    long measureFrom = sim.now() + SimTime.seconds(5);
    long measureTo = measureFrom + SimTime.seconds(20);
    long bytesAtStart = -1;
    while (sim.now() < measureTo) {
      while (client.send(sim.now(), a, 0, message, false) == SendOutcome.ACCEPTED) {
        // keep the send buffer full
      }
      sim.runFor(SimTime.millis(5));
      if (bytesAtStart < 0 && sim.now() >= measureFrom) {
        bytesAtStart = receivedBytes(server);
      }
    }
    long bytes = receivedBytes(server) - bytesAtStart;
    return bytes * 8.0 / 20 / 1e6;
  }

  private static long receivedBytes(SimEndpoint server) {
    SctpAssociation b = server.firstAssociation();
    long total = 0;
    for (MessageReceived m : server.received(b.id())) {
      total += m.data().length();
    }
    return total;
  }

  @Test
  void fillsMostOfALosslessLink(Simulator sim) {
    double mbps = megabitsPerSecond(sim, 0.0);
    System.out.printf("lossless bulk: %.1f Mbit/s of 100%n", mbps);
    assertThat(mbps).isBetween(70.0, 100.0);
  }

  @Test
  void staysNearTheRenoModelAtOnePercentLoss(Simulator sim) {
    double mbps = megabitsPerSecond(sim, 0.01);
    System.out.printf("1%% loss bulk: %.1f Mbit/s of 100%n", mbps);
    assertThat(mbps).isBetween(3.0, 20.0);
  }
}
