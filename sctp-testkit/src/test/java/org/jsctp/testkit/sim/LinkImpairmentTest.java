package org.jsctp.testkit.sim;

import org.jsctp.wire.ChunkType;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class LinkImpairmentTest {

  private static final InetAddress A = SimAddresses.v4("10.0.0.1");
  private static final InetAddress B = SimAddresses.v4("10.0.0.2");
  private static final InetAddress A6 = SimAddresses.v6("fd00::1");
  private static final InetAddress B6 = SimAddresses.v6("fd00::2");
  private static final int PACKETS = 20_000;

  private final Simulator sim = Simulator.withSeed(2024);
  private final EchoStack a = new EchoStack(A, A6);
  private final EchoStack b = new EchoStack(B, B6);

  @Test
  void lossRateStaysWithinFiveStandardDeviationsOfTheConfiguredProbability() {
    sim.link(A, B).update(p -> p.withLoss(0.1));
    attachBoth();

    sendData(PACKETS);
    sim.runUntilIdle(SimTime.seconds(10));

    LinkCounters counters = sim.link(A, B).counters();
    double sigma = Math.sqrt(PACKETS * 0.1 * 0.9);
    assertThat((double) counters.dropped(Fate.LOST)).isBetween(2000 - 5 * sigma, 2000 + 5 * sigma);
    assertThat(counters.delivered()).isEqualTo(PACKETS - counters.dropped(Fate.LOST));
    assertThat(b.received).hasSize((int) counters.delivered());
    assertThat(sim.trace().withFate(Fate.LOST)).hasSize((int) counters.dropped(Fate.LOST));
  }

  @Test
  void duplicationRateStaysWithinFiveStandardDeviationsAndEveryCopyArrives() {
    sim.link(A, B).update(p -> p.withDuplication(0.05));
    attachBoth();

    sendData(PACKETS);
    sim.runUntilIdle(SimTime.seconds(10));

    LinkCounters counters = sim.link(A, B).counters();
    double sigma = Math.sqrt(PACKETS * 0.05 * 0.95);
    assertThat((double) counters.duplicated()).isBetween(1000 - 5 * sigma, 1000 + 5 * sigma);
    assertThat(b.received).hasSize(PACKETS + (int) counters.duplicated());
    assertThat(sim.trace().where(r -> r.copy() == 1)).hasSize((int) counters.duplicated());
    assertThat(counters.inFlight()).isZero();
  }

  @Test
  void aFullQueueTailDropsUntilSerializationMakesRoomAgain() {
    sim.link(A, B).update(p -> p.withBandwidth(1_000_000).withQueueLimit(3000));
    attachBoth();

    for (int tag = 0; tag < 5; tag++) {
      a.send(A, B, ToyPackets.sized(tag, 1000 - 28, ChunkType.DATA));
    }
    sim.runFor(SimTime.millis(8));
    a.send(A, B, ToyPackets.sized(5, 1000 - 28, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.receivedTags()).containsExactly(0, 1, 2, 5);
    assertThat(sim.link(A, B).counters().dropped(Fate.QUEUE_FULL)).isEqualTo(2);
    assertThat(sim.trace().withFate(Fate.QUEUE_FULL))
        .extracting(r -> ToyPackets.tag(r.datagram().packet())).containsExactly(3, 4);
  }

  @Test
  void anIpv4DatagramLargerThanTheMtuWithIpAndUdpHeadersIsDropped() {
    sim.link(A, B).update(p -> p.withMtu(1280));
    attachBoth();

    a.send(A, B, ToyPackets.sized(1, 1280 - 28, ChunkType.DATA));
    a.send(A, B, ToyPackets.sized(2, 1280 - 28 + 4, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.receivedTags()).containsExactly(1);
    assertThat(sim.link(A, B).counters().dropped(Fate.TOO_BIG)).isEqualTo(1);
  }

  @Test
  void anIpv6DatagramLargerThanTheMtuWithIpAndUdpHeadersIsDropped() {
    sim.link(A6, B6).update(p -> p.withMtu(1280));
    attachBoth();

    a.send(A6, B6, ToyPackets.sized(1, 1280 - 48, ChunkType.DATA));
    a.send(A6, B6, ToyPackets.sized(2, 1280 - 48 + 4, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.receivedTags()).containsExactly(1);
    assertThat(sim.link(A6, B6).counters().dropped(Fate.TOO_BIG)).isEqualTo(1);
  }

  @Test
  void aDatagramAllowedToFragmentCrossesALinkWhoseMtuItExceeds() {
    sim.link(A, B).update(p -> p.withMtu(1280));
    attachBoth();

    a.send(A, B, ToyPackets.sized(1, 1400, ChunkType.DATA));
    a.sendFragmentable(A, B, ToyPackets.sized(2, 1400, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.receivedTags()).containsExactly(2);
    LinkCounters counters = sim.link(A, B).counters();
    assertThat(counters.dropped(Fate.TOO_BIG)).isEqualTo(1);
    assertThat(counters.fragmented()).isEqualTo(1);
    assertThat(sim.trace().withFate(Fate.DELIVERED).get(0).line()).contains("[DATA] frag sent");
  }

  @Test
  void aLinkMtuLoweredMidRunDropsOnlyWhatIsSentAfterwards() {
    attachBoth();
    a.send(A, B, ToyPackets.sized(1, 1400, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));
    sim.link(A, B).update(p -> p.withMtu(1280));
    a.send(A, B, ToyPackets.sized(2, 1400, ChunkType.DATA));
    a.send(A, B, ToyPackets.sized(3, 1200, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.receivedTags()).containsExactly(1, 3);
    assertThat(sim.link(A, B).counters().dropped(Fate.TOO_BIG)).isEqualTo(1);
  }

  @Test
  void aDatagramToAnAddressAndPortNoStackHoldsIsUnreachable() {
    attachBoth();
    a.send(A, SimAddresses.v4("10.0.0.99"), ToyPackets.packet(1, ChunkType.INIT));
    a.send(A, B6, ToyPackets.packet(2, ChunkType.INIT));
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(sim.totals().dropped(Fate.UNREACHABLE)).isEqualTo(2);
    assertThat(b.received).isEmpty();
  }

  @Test
  void countersAddUpOverAllLinks() {
    sim.defaultProfile(LinkProfile.DEFAULT.withLoss(0.3).withDuplication(0.2));
    attachBoth();
    for (int tag = 0; tag < 500; tag++) {
      a.send(A, B, ToyPackets.packet(tag, ChunkType.HEARTBEAT));
    }
    sim.runUntilIdle(SimTime.seconds(10));

    LinkCounters totals = sim.totals();
    assertThat(totals.sent()).isEqualTo(500 + sim.link(B, A).counters().sent());
    assertThat(totals.sent() + totals.duplicated()).isEqualTo(totals.delivered() + totals.droppedTotal());
    assertThat(sim.trace().records()).hasSize((int) (totals.delivered() + totals.droppedTotal()));
    assertThat(sim.trace().sent()).hasSize((int) totals.sent());
  }

  private void sendData(int count) {
    for (int tag = 0; tag < count; tag++) {
      a.send(A, B, ToyPackets.packet(tag, ChunkType.DATA));
    }
  }

  private void attachBoth() {
    sim.attach("a", a);
    sim.attach("b", b);
  }
}
