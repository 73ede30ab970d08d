package org.jsctp.testkit.sim;

import org.jsctp.wire.ChunkType;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The soak helper in use: an invariant of the toy echo checked over many seeds of a lossy network. */
@ExtendWith(SimulatorExtension.class)
class EchoUnderImpairmentSoakTest {

  private static final InetAddress A = SimAddresses.v4("10.0.0.1");
  private static final InetAddress B = SimAddresses.v4("10.0.0.2");

  @Test
  void everyHeartbeatThatArrivesIsAnsweredAndEveryCopyIsAccountedFor() {
    SeedSoak.run(sim -> {
      sim.defaultProfile(LinkProfile.DEFAULT.withLoss(0.2).withDuplication(0.05)
          .withJitter(SimTime.millis(4)).withBandwidth(2_000_000).withQueueLimit(4_000));
      EchoStack a = new EchoStack(A);
      EchoStack b = new EchoStack(B);
      sim.attach("a", a);
      sim.attach("b", b);
      for (int i = 0; i < 300; i++) {
        int tag = i;
        sim.at(SimTime.fromOrigin(SimTime.micros(700) * i),
            () -> a.send(A, B, ToyPackets.packet(tag, ChunkType.HEARTBEAT)));
      }

      sim.runUntilIdle(SimTime.seconds(5));

      assertThat(sim.link(B, A).counters().sent()).isEqualTo(b.received.size());
      assertThat(a.received.size()).isEqualTo(sim.link(B, A).counters().delivered());
      LinkCounters totals = sim.totals();
      assertThat(totals.inFlight()).isZero();
      assertThat(totals.sent() + totals.duplicated()).isEqualTo(totals.delivered() + totals.droppedTotal());
    });
  }
}
