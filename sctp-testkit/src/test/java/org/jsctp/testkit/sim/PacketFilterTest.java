package org.jsctp.testkit.sim;

import org.jsctp.wire.ChunkType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class PacketFilterTest {

  private static final InetAddress A = SimAddresses.v4("10.0.0.1");
  private static final InetAddress B = SimAddresses.v4("10.0.0.2");

  private final Simulator sim = Simulator.withSeed(4);
  private final EchoStack a = new EchoStack(A);
  private final EchoStack b = new EchoStack(B);

  PacketFilterTest() {
    sim.attach("a", a);
    sim.attach("b", b);
  }

  @Test
  void dropsOnlyTheNextHeartbeatAckOnItsLinkAndThenRetires() {
    sim.link(B, A).dropNext(ChunkType.HEARTBEAT_ACK);

    for (int tag = 0; tag < 3; tag++) {
      a.send(A, B, ToyPackets.packet(tag, ChunkType.HEARTBEAT));
    }
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.receivedTags()).containsExactly(0, 1, 2);
    assertThat(a.receivedTags()).containsExactly(1, 2);
    assertThat(sim.link(B, A).counters().dropped(Fate.FILTERED)).isEqualTo(1);
    assertThat(sim.link(B, A).filters()).isEmpty();
  }

  @Test
  void dropsTheNextNDataPacketsAndLetsOtherChunkTypesThrough() {
    sim.link(A, B).dropNext(ChunkType.DATA, 3);

    a.send(A, B, ToyPackets.packet(0, ChunkType.DATA));
    a.send(A, B, ToyPackets.packet(1, ChunkType.SACK));
    a.send(A, B, ToyPackets.packet(2, ChunkType.DATA));
    a.send(A, B, ToyPackets.packet(3, ChunkType.SACK, ChunkType.DATA));
    a.send(A, B, ToyPackets.packet(4, ChunkType.DATA));
    a.send(A, B, ToyPackets.packet(5, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.receivedTags()).containsExactly(1, 4, 5);
  }

  @Test
  void delaysTheCookieAckByThreeSecondsOnTopOfTheLatency() {
    sim.link(A, B).delayNext(ChunkType.COOKIE_ACK, SimTime.seconds(3));

    a.send(A, B, ToyPackets.packet(1, ChunkType.COOKIE_ACK));
    a.send(A, B, ToyPackets.packet(2, ChunkType.COOKIE_ACK));
    sim.runUntilIdle(SimTime.seconds(10));

    assertThat(b.received).extracting(EchoStack.Received::tag, EchoStack.Received::at)
        .containsExactly(
            tuple(2, SimTime.ORIGIN + SimTime.millis(5)),
            tuple(1, SimTime.ORIGIN + SimTime.millis(3005)));
  }

  @Test
  void dropsEveryPacketContainingAChunkTypeEvenWhenBundledUntilRemoved() {
    PacketFilter filter = sim.link(A, B).dropAll(ChunkType.DATA);

    a.send(A, B, ToyPackets.packet(0, ChunkType.SACK, ChunkType.DATA));
    a.send(A, B, ToyPackets.packet(1, ChunkType.SACK));
    a.send(A, B, ToyPackets.packet(2, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));
    sim.link(A, B).removeFilter(filter);
    a.send(A, B, ToyPackets.packet(3, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.receivedTags()).containsExactly(1, 3);
    assertThat(sim.trace().withFate(Fate.FILTERED)).hasSize(2);
  }

  @Test
  void aPredicateFilterSeesAddressesPortsAndSize() {
    sim.link(A, B).addFilter(PacketFilters.dropWhen(d -> d.size() > 16
        && d.source().equals(A) && d.destinationPort() == ToyPackets.PORT));

    a.send(A, B, ToyPackets.packet(0, ChunkType.DATA));
    a.send(A, B, ToyPackets.packet(1, ChunkType.DATA, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));

    assertThat(b.receivedTags()).containsExactly(0);
  }

  @Test
  void theFirstFilterThatDoesNotPassDecides() {
    SimLink link = sim.link(A, B);
    link.delayNext(ChunkType.DATA, SimTime.seconds(1));
    link.dropNext(ChunkType.DATA);

    a.send(A, B, ToyPackets.packet(0, ChunkType.DATA));
    a.send(A, B, ToyPackets.packet(1, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(2));

    assertThat(b.received).singleElement().satisfies(r -> {
      assertThat(r.tag()).isEqualTo(0);
      assertThat(r.at()).isEqualTo(SimTime.ORIGIN + SimTime.millis(1005));
    });
  }
}
