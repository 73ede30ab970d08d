package org.jsctp.testkit.sim;

import org.jsctp.wire.ChunkType;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class BlackholeTest {

  private static final InetAddress A = SimAddresses.v4("10.0.0.1");
  private static final InetAddress B = SimAddresses.v4("10.0.0.2");

  private final Simulator sim = Simulator.withSeed(3);
  private final EchoStack a = new EchoStack(A);
  private final EchoStack b = new EchoStack(B);

  BlackholeTest() {
    sim.attach("a", a);
    sim.attach("b", b);
  }

  @Test
  void aOneWayBlackholeSwallowsOneDirectionOnly() {
    sim.link(A, B).blackhole(true);

    a.send(A, B, ToyPackets.packet(1, ChunkType.DATA));
    b.send(B, A, ToyPackets.packet(2, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.received).isEmpty();
    assertThat(a.receivedTags()).containsExactly(2);
    assertThat(sim.link(A, B).counters().dropped(Fate.BLACKHOLED)).isEqualTo(1);
    assertThat(sim.link(B, A).isBlackholed()).isFalse();
  }

  @Test
  void aTwoWayBlackholeSwallowsBothDirectionsUntilHealed() {
    sim.blackhole(A, B, true);
    a.send(A, B, ToyPackets.packet(1, ChunkType.DATA));
    b.send(B, A, ToyPackets.packet(2, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));

    sim.blackhole(A, B, false);
    a.send(A, B, ToyPackets.packet(3, ChunkType.DATA));
    b.send(B, A, ToyPackets.packet(4, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.receivedTags()).containsExactly(3);
    assertThat(a.receivedTags()).containsExactly(4);
    assertThat(sim.totals().dropped(Fate.BLACKHOLED)).isEqualTo(2);
  }

  @Test
  void datagramsAlreadyInFlightStillArriveWhenTheBlackholeComesOn() {
    a.send(A, B, ToyPackets.packet(1, ChunkType.DATA));
    sim.runFor(SimTime.millis(1));
    sim.blackhole(A, B, true);
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.receivedTags()).containsExactly(1);
  }
}
