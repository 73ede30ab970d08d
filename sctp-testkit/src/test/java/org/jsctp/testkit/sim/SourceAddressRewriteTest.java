package org.jsctp.testkit.sim;

import org.jsctp.wire.ChunkType;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class SourceAddressRewriteTest {

  private static final InetAddress A1 = SimAddresses.v4("10.0.0.1");
  private static final InetAddress A2 = SimAddresses.v4("10.0.1.1");
  private static final InetAddress B = SimAddresses.v4("10.0.0.2");

  private final Simulator sim = Simulator.withSeed(8);
  private final EchoStack a = new EchoStack(A1, A2);
  private final EchoStack b = new EchoStack(B);
  private final SimHost hostA = sim.attach("a", a);

  SourceAddressRewriteTest() {
    sim.attach("b", b);
  }

  @Test
  void theKernelsChosenSourceAddressIsWhatTheReceiverSeesAndWhereItReplies() {
    hostA.kernelSourceAddress(A2);

    a.send(A1, B, ToyPackets.packet(1, ChunkType.HEARTBEAT));
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.received).singleElement().satisfies(r -> assertThat(r.remote()).isEqualTo(A2));
    assertThat(a.received).singleElement().satisfies(r -> assertThat(r.local()).isEqualTo(A2));
    assertThat(sim.link(A2, B).counters().sent()).isEqualTo(1);
    assertThat(sim.link(A1, B).counters().sent()).isZero();
  }

  @Test
  void aRewriteOfOneRequestedAddressLeavesTheOthersAlone() {
    hostA.kernelSourceAddress(A1, A2);

    a.send(A1, B, ToyPackets.packet(1, ChunkType.DATA));
    a.send(A2, B, ToyPackets.packet(2, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.received).extracting(EchoStack.Received::remote).containsExactly(A2, A2);
  }

  @Test
  void clearingTheRewritesRestoresTheRequestedSource() {
    hostA.kernelSourceAddress(A2).clearKernelSourceAddresses();

    a.send(A1, B, ToyPackets.packet(1, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.received).singleElement().satisfies(r -> assertThat(r.remote()).isEqualTo(A1));
  }
}
