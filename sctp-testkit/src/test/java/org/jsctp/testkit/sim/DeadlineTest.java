package org.jsctp.testkit.sim;

import org.jsctp.wire.ChunkType;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class DeadlineTest {

  private static final InetAddress T = SimAddresses.v4("10.0.0.1");
  private static final InetAddress PEER = SimAddresses.v4("10.0.0.2");

  private final Simulator sim = Simulator.withSeed(10);
  private final TimerStack timer = new TimerStack(T);

  @Test
  void theTimeoutComesAtTheExactDeadline() {
    timer.deadline(SimTime.fromOrigin(1_234_567_891L));
    SimHost host = sim.attach("t", timer);

    assertThat(host.armedDeadline()).isEqualTo(SimTime.fromOrigin(1_234_567_891L));
    sim.runFor(SimTime.seconds(5));

    assertThat(timer.timeouts).containsExactly(SimTime.fromOrigin(1_234_567_891L));
    assertThat(host.armedDeadline()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void theDeadlineIsReArmedAfterEachTimeout() {
    timer.deadline(SimTime.fromOrigin(SimTime.seconds(1))).afterTimeout(now -> now + SimTime.seconds(1));
    sim.attach("t", timer);

    sim.runFor(SimTime.millis(3500));

    assertThat(timer.timeouts).containsExactly(SimTime.fromOrigin(SimTime.seconds(1)),
        SimTime.fromOrigin(SimTime.seconds(2)), SimTime.fromOrigin(SimTime.seconds(3)));
  }

  @Test
  void aDeadlineMovedLaterLeavesTheEarlierEventStaleAndIgnored() {
    timer.deadline(SimTime.fromOrigin(SimTime.seconds(10)));
    sim.attach("t", timer);
    sim.at(SimTime.fromOrigin(SimTime.seconds(2)), () -> timer.deadline(SimTime.fromOrigin(SimTime.seconds(20))));

    sim.runFor(SimTime.seconds(30));

    assertThat(timer.timeouts).containsExactly(SimTime.fromOrigin(SimTime.seconds(20)));
  }

  @Test
  void aDeadlineMovedEarlierFiresOnceAtTheEarlierTime() {
    timer.deadline(SimTime.fromOrigin(SimTime.seconds(10)));
    sim.attach("t", timer);
    sim.at(SimTime.fromOrigin(SimTime.seconds(2)), () -> timer.deadline(SimTime.fromOrigin(SimTime.seconds(5))));

    sim.runFor(SimTime.seconds(30));

    assertThat(timer.timeouts).containsExactly(SimTime.fromOrigin(SimTime.seconds(5)));
  }

  @Test
  void aDeadlineWithdrawnNeverFires() {
    timer.deadline(SimTime.fromOrigin(SimTime.seconds(10)));
    SimHost host = sim.attach("t", timer);
    sim.at(SimTime.fromOrigin(SimTime.seconds(2)), () -> timer.deadline(Long.MAX_VALUE));

    sim.runFor(SimTime.seconds(30));

    assertThat(timer.timeouts).isEmpty();
    assertThat(host.armedDeadline()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aDeadlineAlreadyPastFiresNowAndNeverEarlier() {
    sim.attach("t", timer);
    sim.runFor(SimTime.seconds(3));
    timer.deadline(SimTime.ORIGIN);

    sim.runFor(SimTime.seconds(1));

    assertThat(timer.timeouts).containsExactly(SimTime.fromOrigin(SimTime.seconds(3)));
  }

  @Test
  void theDeadlineIsReReadAfterADatagramArrives() {
    timer.afterDatagram(now -> now + SimTime.millis(200));
    SimHost host = sim.attach("t", timer);
    EchoStack peer = new EchoStack(PEER);
    sim.attach("peer", peer);
    peer.send(PEER, T, ToyPackets.packet(1, ChunkType.DATA));

    sim.runFor(SimTime.millis(5));
    assertThat(host.armedDeadline()).isEqualTo(SimTime.fromOrigin(SimTime.millis(205)));
    sim.runFor(SimTime.seconds(1));

    assertThat(timer.timeouts).containsExactly(SimTime.fromOrigin(SimTime.millis(205)));
  }

  @Test
  void aDetachedHostGetsNeitherDeadlinesNorDatagrams() {
    timer.deadline(SimTime.fromOrigin(SimTime.seconds(1)));
    SimHost host = sim.attach("t", timer);
    EchoStack peer = new EchoStack(PEER);
    sim.attach("peer", peer);
    sim.detach(host);
    peer.send(PEER, T, ToyPackets.packet(1, ChunkType.DATA));

    sim.runFor(SimTime.seconds(2));

    assertThat(timer.timeouts).isEmpty();
    assertThat(sim.totals().dropped(Fate.UNREACHABLE)).isEqualTo(1);
    assertThat(host.isAttached()).isFalse();
  }
}
