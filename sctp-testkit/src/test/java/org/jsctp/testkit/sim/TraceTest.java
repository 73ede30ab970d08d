package org.jsctp.testkit.sim;

import org.jsctp.wire.ChunkType;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceTest {

  private static final InetAddress A = SimAddresses.v4("10.0.0.1");
  private static final InetAddress B = SimAddresses.v4("10.0.0.2");

  private final Simulator sim = Simulator.withSeed(13);
  private final EchoStack a = new EchoStack(A);

  TraceTest() {
    sim.attach("a", a);
    sim.attach("b", new EchoStack(B));
    sim.link(A, B).dropNext(ChunkType.DATA);
    a.send(A, B, ToyPackets.packet(1, ChunkType.DATA, ChunkType.SACK));
    a.send(A, B, ToyPackets.packet(2, ChunkType.HEARTBEAT));
    sim.runUntilIdle(SimTime.seconds(1));
  }

  @Test
  void recordsEveryCopyWithTimeLinkSizeChunkTypesAndFateInTheOrderOfTheirFates() {
    assertThat(sim.trace().lines()).containsExactly(
        "+0.000000000s #0.0 10.0.0.1:9899 > 10.0.0.2:9899 20B [DATA,SACK] sent +0.000000000s FILTERED",
        "+0.005000000s #1.0 10.0.0.1:9899 > 10.0.0.2:9899 16B [HEARTBEAT] sent +0.000000000s DELIVERED",
        "+0.010000000s #2.0 10.0.0.2:9899 > 10.0.0.1:9899 16B [HEARTBEAT_ACK] sent +0.005000000s DELIVERED");
  }

  @Test
  void answersQueriesByLinkChunkAndFate() {
    assertThat(sim.trace().onLink(B, A)).hasSize(1);
    assertThat(sim.trace().withChunk(ChunkType.SACK)).hasSize(1);
    assertThat(sim.trace().withFate(Fate.DELIVERED)).hasSize(2);
    assertThat(sim.trace().sent()).extracting(SimDatagram::id).containsExactly(0L, 1L, 2L);
  }

  @Test
  void writesCsvForTimelinePlots(@TempDir Path dir) {
    Path csv = sim.trace().writeCsv(dir.resolve("trace.csv"));

    assertThat(csv).content().startsWith("sent_ns,fate_ns,id,copy,src,sport,dst,dport,bytes,chunks,fate\n")
        .contains("0,0,0,0,10.0.0.1,9899,10.0.0.2,9899,20,DATA SACK,FILTERED\n")
        .contains("5000000,10000000,2,0,10.0.0.2,9899,10.0.0.1,9899,16,HEARTBEAT_ACK,DELIVERED\n");
  }
}
