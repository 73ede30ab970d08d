package org.jsctp.testkit.sim;

import org.jsctp.wire.ChunkType;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkTimingTest {

  private static final InetAddress A = SimAddresses.v4("10.0.0.1");
  private static final InetAddress B = SimAddresses.v4("10.0.0.2");
  private static final int WIRE_1000_PAYLOAD = 1000 - 20 - 8;

  private final Simulator sim = Simulator.withSeed(11);
  private final EchoStack a = new EchoStack(A);
  private final EchoStack b = new EchoStack(B);

  @Test
  void aDatagramArrivesAfterExactlyTheLinkLatencyAndTheReplyAfterTheReverseLatency() {
    sim.link(A, B).update(p -> p.withLatency(7_123_457));
    sim.link(B, A).update(p -> p.withLatency(1_000_001));
    attachBoth();

    a.send(A, B, ToyPackets.packet(1, ChunkType.HEARTBEAT));
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.received).singleElement()
        .satisfies(r -> assertThat(r.at()).isEqualTo(SimTime.ORIGIN + 7_123_457));
    assertThat(a.received).singleElement()
        .satisfies(r -> assertThat(r.at()).isEqualTo(SimTime.ORIGIN + 7_123_457 + 1_000_001));
  }

  @Test
  void datagramsSentTogetherAreSerializedOneAfterAnotherAtTheLinkBandwidth() {
    sim.link(A, B).update(p -> p.withLatency(SimTime.millis(1)).withBandwidth(1_000_000));
    attachBoth();

    for (int tag = 0; tag < 3; tag++) {
      a.send(A, B, ToyPackets.sized(tag, WIRE_1000_PAYLOAD, ChunkType.DATA));
    }
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.received).extracting(EchoStack.Received::at).containsExactly(
        SimTime.ORIGIN + SimTime.millis(8 + 1),
        SimTime.ORIGIN + SimTime.millis(16 + 1),
        SimTime.ORIGIN + SimTime.millis(24 + 1));
  }

  @Test
  void serializationDelayIsRoundedUpToTheNanosecond() {
    sim.link(A, B).update(p -> p.withLatency(0).withBandwidth(3_000_000));
    attachBoth();

    a.send(A, B, ToyPackets.sized(0, WIRE_1000_PAYLOAD, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.received.get(0).at()).isEqualTo(SimTime.ORIGIN + 2_666_667);
  }

  @Test
  void serializationCountsTheIpv6HeaderOnTopOfTheUdpHeader() {
    InetAddress a6 = SimAddresses.v6("fd00::1");
    InetAddress b6 = SimAddresses.v6("fd00::2");
    EchoStack sender = new EchoStack(a6);
    EchoStack receiver = new EchoStack(b6);
    sim.link(a6, b6).update(p -> p.withLatency(0).withBandwidth(8_000_000));
    sim.attach("a", sender);
    sim.attach("b", receiver);

    sender.send(a6, b6, ToyPackets.sized(0, 1000 - 40 - 8, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(receiver.received.get(0).at()).isEqualTo(SimTime.ORIGIN + SimTime.millis(1));
  }

  @Test
  void jitterReordersDatagramsAndKeepsEachWithinLatencyPlusJitter() {
    long latency = SimTime.millis(10);
    long jitter = SimTime.millis(5);
    sim.link(A, B).update(p -> p.withLatency(latency).withJitter(jitter));
    attachBoth();
    List<Integer> sentOrder = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      int tag = i;
      sentOrder.add(tag);
      sim.at(SimTime.fromOrigin(SimTime.micros(100) * i),
          () -> a.send(A, B, ToyPackets.packet(tag, ChunkType.DATA)));
    }
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.receivedTags()).hasSize(100).containsExactlyInAnyOrderElementsOf(sentOrder)
        .isNotEqualTo(sentOrder);
    for (EchoStack.Received r : b.received) {
      long sentAt = SimTime.fromOrigin(SimTime.micros(100) * r.tag());
      assertThat(r.at() - sentAt).isBetween(latency, latency + jitter);
    }
  }

  @Test
  void withoutJitterDatagramsArriveInTheOrderSent() {
    attachBoth();
    List<Integer> sentOrder = new ArrayList<>();
    for (int tag = 0; tag < 50; tag++) {
      sentOrder.add(tag);
      a.send(A, B, ToyPackets.packet(tag, ChunkType.DATA));
    }
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.receivedTags()).isEqualTo(sentOrder);
  }

  private void attachBoth() {
    sim.attach("a", a);
    sim.attach("b", b);
  }
}
