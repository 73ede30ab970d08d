package org.jsctp.testkit.sim;

import org.jsctp.wire.ChunkType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.jsctp.endpoint.Transmit;
import org.junit.jupiter.api.Test;

class DriveTest {

  private static final InetAddress A = SimAddresses.v4("10.0.0.1");
  private static final InetAddress B = SimAddresses.v4("10.0.0.2");

  private final Simulator sim = Simulator.withSeed(1234);
  private final EchoStack a = new EchoStack(A);
  private final EchoStack b = new EchoStack(B);

  @Test
  void runForMovesTheClockByExactlyTheDurationEvenWithNothingToDo() {
    assertThat(sim.now()).isEqualTo(SimTime.ORIGIN);
    sim.runFor(SimTime.millis(1500));

    assertThat(sim.now()).isEqualTo(SimTime.ORIGIN + SimTime.millis(1500));
    assertThat(sim.elapsed()).isEqualTo(SimTime.millis(1500));
  }

  @Test
  void runUntilStopsAtTheEventThatMakesTheConditionTrue() {
    attachBoth();
    a.send(A, B, ToyPackets.packet(1, ChunkType.HEARTBEAT));

    long at = sim.runUntil("echo received", () -> !a.received.isEmpty(), SimTime.seconds(1));

    assertThat(at).isEqualTo(SimTime.ORIGIN + SimTime.millis(10)).isEqualTo(sim.now());
  }

  @Test
  void runUntilFailsAfterTheLimitWithTheSeedAndTheGoalInTheMessage() {
    attachBoth();
    sim.blackhole(A, B, true);
    a.send(A, B, ToyPackets.packet(1, ChunkType.HEARTBEAT));

    assertThatThrownBy(() -> sim.runUntil("echo received", () -> !a.received.isEmpty(), SimTime.seconds(2)))
        .isInstanceOf(SimulationFailure.class)
        .hasMessageContaining("echo received not reached within 2.000000000s")
        .hasMessageContaining("sim.seed=1234")
        .hasMessageContaining("-Dsim.seed=1234")
        .satisfies(f -> assertThat(((SimulationFailure) f).seed()).isEqualTo(1234));
    assertThat(sim.now()).isEqualTo(SimTime.ORIGIN + SimTime.seconds(2));
  }

  @Test
  void runUntilIdleWaitsForDatagramsInFlightAndPendingActions() {
    attachBoth();
    sim.at(SimTime.fromOrigin(SimTime.seconds(1)), () -> a.send(A, B, ToyPackets.packet(1, ChunkType.HEARTBEAT)));

    long at = sim.runUntilIdle(SimTime.seconds(5));

    assertThat(at).isEqualTo(SimTime.fromOrigin(SimTime.seconds(1) + SimTime.millis(10)));
    assertThat(a.received).hasSize(1);
  }

  @Test
  void runUntilIdleIgnoresPendingDeadlines() {
    sim.attach("t", new TimerStack(A).deadline(SimTime.fromOrigin(SimTime.seconds(100))));

    assertThat(sim.runUntilIdle(SimTime.seconds(1))).isEqualTo(SimTime.ORIGIN);
  }

  @Test
  void runUntilIdleFailsNamingTheBusyStack() {
    SimulatedStack neverIdle = new QuietStack(A) {
      @Override
      public boolean isIdle() {
        return false;
      }
    };
    sim.attach("stubborn", neverIdle);

    assertThatThrownBy(() -> sim.runUntilIdle(SimTime.seconds(1)))
        .isInstanceOf(SimulationFailure.class)
        .hasMessageContaining("not idle within 1.000000000s")
        .hasMessageContaining("busy stacks [stubborn]")
        .hasMessageContaining("sim.seed=1234");
  }

  @Test
  void aDeadlineThatNeverMovesOnIsReportedAsALivelockWithTheLastEvents() {
    sim.limits(DriveLimits.DEFAULT.withMaxEventsPerInstant(1000));
    sim.attach("stuck", new TimerStack(A).deadline(SimTime.fromOrigin(SimTime.seconds(1))).afterTimeout(now -> now));

    assertThatThrownBy(() -> sim.runFor(SimTime.seconds(5)))
        .isInstanceOf(SimulationFailure.class)
        .hasMessageContaining("livelock")
        .hasMessageContaining("at +1.000000000s")
        .hasMessageContaining("sim.seed=1234")
        .hasMessageContaining("last events:")
        .hasMessageContaining("deadline of stuck")
        .satisfies(f -> assertThat(((SimulationFailure) f).recentEvents()).hasSize(20));
  }

  @Test
  void aPacketBouncingForeverOverZeroLatencyLinksIsALivelock() {
    sim.defaultProfile(LinkProfile.DEFAULT.withLatency(0));
    sim.limits(DriveLimits.DEFAULT.withMaxEventsPerInstant(1000));
    sim.attach("a", new Reflector(A));
    sim.attach("b", new Reflector(B));
    sim.inject(A, ToyPackets.PORT, B, ToyPackets.PORT, ToyPackets.packet(0, ChunkType.DATA));

    assertThatThrownBy(() -> sim.runFor(SimTime.seconds(1)))
        .isInstanceOf(SimulationFailure.class)
        .hasMessageContaining("livelock")
        .hasMessageContaining("arrival of copy 0");
  }

  @Test
  void anExhaustedEventBudgetFailsTheRun() {
    sim.limits(DriveLimits.DEFAULT.withMaxEventsPerRun(100));
    sim.attach("t", new TimerStack(A).deadline(SimTime.fromOrigin(1)).afterTimeout(now -> now + SimTime.millis(1)));

    assertThatThrownBy(() -> sim.runFor(SimTime.seconds(1)))
        .isInstanceOf(SimulationFailure.class)
        .hasMessageContaining("event budget exceeded: more than 100 events")
        .hasMessageContaining("sim.seed=1234");
  }

  @Test
  void theBudgetCountsPerRunCall() {
    sim.limits(DriveLimits.DEFAULT.withMaxEventsPerRun(100));
    sim.attach("t", new TimerStack(A).deadline(SimTime.fromOrigin(1)).afterTimeout(now -> now + SimTime.millis(1)));

    for (int i = 0; i < 10; i++) {
      sim.runFor(SimTime.millis(50));
    }
  }

  @Test
  void aStackThatThrowsFailsTheRunWithTheSeedAndTheCause() {
    attachBoth();
    sim.attach("broken", new QuietStack(SimAddresses.v4("10.0.0.3")) {
      @Override
      public void handleDatagram(long now, InetAddress local, InetAddress remote, int port, byte[] packet) {
        throw new IllegalStateException("boom");
      }
    });
    a.send(A, SimAddresses.v4("10.0.0.3"), ToyPackets.packet(1, ChunkType.DATA));

    assertThatThrownBy(() -> sim.runFor(SimTime.seconds(1)))
        .isInstanceOf(SimulationFailure.class)
        .hasMessageContaining("boom")
        .hasMessageContaining("arrival of copy 0 of #0")
        .hasMessageContaining("sim.seed=1234")
        .hasRootCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void aStackSendingFromAnAddressItDoesNotOwnFailsTheRun() {
    attachBoth();
    a.send(B, A, ToyPackets.packet(1, ChunkType.DATA));

    assertThatThrownBy(() -> sim.runFor(SimTime.seconds(1)))
        .isInstanceOf(SimulationFailure.class)
        .hasMessageContaining("a asked to send from 10.0.0.2");
  }

  @Test
  void runningFromInsideAnActionIsRefused() {
    sim.after(0, () -> sim.runFor(1));

    assertThatThrownBy(() -> sim.runFor(SimTime.seconds(1)))
        .isInstanceOf(SimulationFailure.class)
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already running");
  }

  @Test
  void twoHostsCannotHoldTheSameAddressAndPort() {
    sim.attach("a", a);

    assertThatThrownBy(() -> sim.attach("again", new EchoStack(A)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10.0.0.1:9899 which a already holds");
    sim.attach("other port", new EchoStack(9900, A));
  }

  @Test
  void stepRunsOneEventAtATime() {
    attachBoth();
    a.send(A, B, ToyPackets.packet(1, ChunkType.HEARTBEAT));

    assertThat(sim.step()).isTrue();
    assertThat(b.received).hasSize(1);
    assertThat(a.received).isEmpty();
    assertThat(sim.step()).isTrue();
    assertThat(a.received).hasSize(1);
    assertThat(sim.step()).isFalse();
  }

  private void attachBoth() {
    sim.attach("a", a);
    sim.attach("b", b);
  }

  /** Sends every packet straight back where it came from. */
  private static final class Reflector extends QuietStack {
    private Transmit pending;
    private final InetAddress address;

    Reflector(InetAddress address) {
      super(address);
      this.address = address;
    }

    @Override
    public void handleDatagram(long now, InetAddress local, InetAddress remote, int port, byte[] packet) {
      pending = new Transmit(address, remote, port, packet);
    }

    @Override
    public Transmit pollTransmit() {
      Transmit t = pending;
      pending = null;
      return t;
    }
  }
}
