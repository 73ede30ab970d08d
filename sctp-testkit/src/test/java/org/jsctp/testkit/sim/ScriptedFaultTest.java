package org.jsctp.testkit.sim;

import org.jsctp.wire.ChunkType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptedFaultTest {

  private static final InetAddress A = SimAddresses.v4("10.0.0.1");
  private static final InetAddress B = SimAddresses.v4("10.0.0.2");

  private final Simulator sim = Simulator.withSeed(9);
  private final EchoStack a = new EchoStack(A);
  private final EchoStack b = new EchoStack(B);

  ScriptedFaultTest() {
    sim.attach("a", a);
    sim.attach("b", b);
  }

  @Test
  void aPathBlackholedAtFiveSecondsAndHealedAtTwentyLosesExactlyTheHeartbeatsInBetween() {
    sim.at(SimTime.fromOrigin(SimTime.seconds(5)), "blackhole A-B", () -> sim.blackhole(A, B, true));
    sim.at(SimTime.fromOrigin(SimTime.seconds(20)), "heal A-B", () -> sim.blackhole(A, B, false));
    for (int second = 0; second < 30; second++) {
      int tag = second;
      sim.at(SimTime.fromOrigin(SimTime.seconds(second)),
          () -> a.send(A, B, ToyPackets.packet(tag, ChunkType.HEARTBEAT)));
    }
    sim.runFor(SimTime.seconds(31));

    assertThat(b.receivedTags())
        .containsExactly(0, 1, 2, 3, 4, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29);
    assertThat(sim.trace().withFate(Fate.BLACKHOLED))
        .extracting(r -> r.datagram().sentAtNanos() - SimTime.ORIGIN)
        .first().isEqualTo(SimTime.seconds(5));
  }

  @Test
  void actionsRunAtTheirExactTimeAndThoseAtTheSameTimeInTheOrderScheduled() {
    List<String> log = new ArrayList<>();
    sim.at(SimTime.fromOrigin(2_500_000_001L), () -> log.add("second at " + sim.elapsed()));
    sim.at(SimTime.fromOrigin(1_000_000_007L), () -> log.add("first at " + sim.elapsed()));
    sim.at(SimTime.fromOrigin(2_500_000_001L), () -> log.add("third at " + sim.elapsed()));
    sim.runFor(SimTime.millis(1000));
    sim.after(SimTime.millis(500), () -> log.add("after at " + sim.elapsed()));
    sim.runFor(SimTime.seconds(3));

    assertThat(log).containsExactly("first at 1000000007", "after at 1500000000",
        "second at 2500000001", "third at 2500000001");
  }

  @Test
  void aLossChangeAppliesFromItsTimeOn() {
    sim.at(SimTime.fromOrigin(SimTime.seconds(3)), () -> sim.link(A, B).update(p -> p.withLoss(1.0)));
    for (int second = 0; second < 6; second++) {
      int tag = second;
      sim.at(SimTime.fromOrigin(SimTime.seconds(second) + 1),
          () -> a.send(A, B, ToyPackets.packet(tag, ChunkType.DATA)));
    }
    sim.runFor(SimTime.seconds(7));

    assertThat(b.receivedTags()).containsExactly(0, 1, 2);
    assertThat(sim.link(A, B).counters().dropped(Fate.LOST)).isEqualTo(3);
  }

  @Test
  void refusesToScheduleInThePast() {
    sim.runFor(SimTime.seconds(1));

    assertThatThrownBy(() -> sim.at(SimTime.ORIGIN, () -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before now");
    assertThatThrownBy(() -> sim.after(-1, () -> {})).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void whatAnActionMakesAStackSendLeavesAtTheActionsTime() {
    sim.at(SimTime.fromOrigin(SimTime.millis(250)),
        () -> a.send(A, B, ToyPackets.packet(1, ChunkType.DATA)));
    sim.runFor(SimTime.seconds(1));

    assertThat(sim.trace().sent()).singleElement()
        .satisfies(d -> assertThat(d.sentAtNanos()).isEqualTo(SimTime.fromOrigin(SimTime.millis(250))));
  }
}
