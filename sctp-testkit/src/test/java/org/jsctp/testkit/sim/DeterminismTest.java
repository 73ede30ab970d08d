package org.jsctp.testkit.sim;

import org.jsctp.wire.ChunkType;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  private static final InetAddress A = SimAddresses.v4("10.0.0.1");
  private static final InetAddress B = SimAddresses.v4("10.0.0.2");

  @Test
  void sameSeedGivesTheSameTraceBitForBit() {
    Simulator first = run(42, false);
    Simulator second = run(42, false);

    assertThat(first.trace().lines()).isNotEmpty().isEqualTo(second.trace().lines());
    assertThat(first.trace().records()).isEqualTo(second.trace().records());
    assertThat(PcapWriter.toBytes(first.trace(), CapturePoint.RECEIVER))
        .isEqualTo(PcapWriter.toBytes(second.trace(), CapturePoint.RECEIVER));
  }

  @Test
  void differentSeedsGiveDifferentTraces() {
    assertThat(run(42, false).trace().lines()).isNotEqualTo(run(43, false).trace().lines());
  }

  @Test
  void aLinksRandomStreamDoesNotDependOnTheOrderLinksWereCreated() {
    assertThat(run(7, true).trace().lines()).isEqualTo(run(7, false).trace().lines());
  }

  @Test
  void eachLinkDrawsFromItsOwnStream() {
    InetAddress c = SimAddresses.v4("10.0.0.3");
    Simulator sim = Simulator.withSeed(1);
    sim.defaultProfile(LinkProfile.DEFAULT.withLoss(0.5));
    EchoStack a = new EchoStack(A);
    sim.attach("a", a);
    sim.attach("b", new EchoStack(B));
    sim.attach("c", new EchoStack(c));
    for (int tag = 0; tag < 64; tag++) {
      a.send(A, B, ToyPackets.packet(tag, ChunkType.DATA));
      a.send(A, c, ToyPackets.packet(tag, ChunkType.DATA));
    }
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(fates(sim, A, B)).isNotEqualTo(fates(sim, A, c));
  }

  @Test
  void namedRandomStreamsFollowFromSeedAndNameOnly() {
    Simulator one = Simulator.withSeed(5);
    Simulator other = Simulator.withSeed(5);
    other.random("unrelated").nextLong();

    assertThat(one.random("client").nextLong()).isEqualTo(other.random("client").nextLong());
    assertThat(one.random("client").nextLong()).isNotEqualTo(one.random("server").nextLong());
    assertThat(one.random("client").nextLong())
        .isNotEqualTo(Simulator.withSeed(6).random("client").nextLong());
  }

  private static List<String> fates(Simulator sim, InetAddress source, InetAddress destination) {
    return sim.trace().onLink(source, destination).stream()
        .sorted(Comparator.comparingInt(r -> ToyPackets.tag(r.datagram().packet())))
        .map(r -> ToyPackets.tag(r.datagram().packet()) + ":" + r.fate())
        .toList();
  }

  private static Simulator run(long seed, boolean createReverseLinkFirst) {
    Simulator sim = Simulator.withSeed(seed);
    sim.defaultProfile(LinkProfile.DEFAULT.withJitter(SimTime.millis(3)).withLoss(0.2).withDuplication(0.1));
    if (createReverseLinkFirst) {
      sim.link(B, A);
    }
    EchoStack a = new EchoStack(A);
    EchoStack b = new EchoStack(B);
    sim.attach("a", a);
    sim.attach("b", b);
    for (int i = 0; i < 200; i++) {
      int tag = i;
      sim.at(SimTime.fromOrigin(SimTime.micros(500) * i),
          () -> a.send(A, B, ToyPackets.packet(tag, ChunkType.HEARTBEAT)));
    }
    sim.runFor(SimTime.seconds(1));
    return sim;
  }
}
