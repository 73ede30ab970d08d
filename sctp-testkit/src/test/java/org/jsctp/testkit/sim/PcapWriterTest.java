package org.jsctp.testkit.sim;

import org.jsctp.wire.ChunkType;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapWriterTest {

  private static final InetAddress A = SimAddresses.v4("10.0.0.1");
  private static final InetAddress B = SimAddresses.v4("10.0.0.2");
  private static final InetAddress A6 = SimAddresses.v6("fd00::1");
  private static final InetAddress B6 = SimAddresses.v6("fd00::2");
  private static final int SERVER_PORT = 9900;

  private final Simulator sim = Simulator.withSeed(12);
  private final EchoStack client = new EchoStack(A, A6);
  private final EchoStack server = new EchoStack(SERVER_PORT, B, B6);

  PcapWriterTest() {
    sim.attach("client", client);
    sim.attach("server", server);
  }

  @Test
  void writesANanosecondRawIpPcapWithOneRecordPerDatagramSentAtItsSendTime(@TempDir Path dir) throws IOException {
    exchangeOverBothFamilies();

    Path file = sim.writePcap(dir.resolve("sub/run.pcap"));
    PcapFile pcap = PcapFile.parse(Files.readAllBytes(file));

    assertThat(pcap.header).isEqualTo(new PcapFile.Header(0xA1B23C4D, 2, 4, 65535, 101));
    assertThat(pcap.packets).hasSize(sim.trace().sent().size()).hasSize(5);
    for (int i = 0; i < pcap.packets.size(); i++) {
      PcapFile.Packet packet = pcap.packets.get(i);
      SimDatagram datagram = sim.trace().sent().get(i);
      long elapsed = datagram.sentAtNanos() - SimTime.ORIGIN;
      assertThat(packet.seconds()).isEqualTo(elapsed / 1_000_000_000L);
      assertThat(packet.fraction()).isEqualTo(elapsed % 1_000_000_000L);
      assertThat(packet.capturedLength()).isEqualTo(packet.originalLength()).isEqualTo(datagram.wireSize());
      PcapFile.IpUdp ip = PcapFile.decode(packet.data());
      assertThat(ip.version()).isEqualTo(datagram.source().getAddress().length == 4 ? 4 : 6);
      assertThat(ip.source()).isEqualTo(datagram.source().getAddress());
      assertThat(ip.destination()).isEqualTo(datagram.destination().getAddress());
      assertThat(ip.protocol()).isEqualTo(17);
      assertThat(ip.sourcePort()).isEqualTo(datagram.sourcePort());
      assertThat(ip.destinationPort()).isEqualTo(datagram.destinationPort());
      assertThat(ip.udpLength()).isEqualTo(datagram.size() + 8);
      assertThat(ip.ipChecksumValid()).isTrue();
      assertThat(ip.udpChecksumValid()).isTrue();
      assertThat(ip.payload()).isEqualTo(datagram.packet());
    }
    assertThat(pcap.packets).extracting(p -> PcapFile.decode(p.data()).version()).containsExactly(4, 4, 6, 6, 4);
    assertThat(pcap.packets.get(1).fraction()).isEqualTo(SimTime.millis(5));
  }

  @Test
  void theReceiverCaptureShowsEveryDeliveredCopyAtItsArrivalTime() {
    sim.link(A, B).update(p -> p.withDuplication(1.0).withJitter(SimTime.millis(1)));
    client.send(A, B, SERVER_PORT, ToyPackets.packet(1, ChunkType.DATA));
    sim.link(A, B).blackhole(true);
    sim.runFor(0);
    sim.link(A, B).blackhole(false);
    client.send(A, B, SERVER_PORT, ToyPackets.packet(2, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));

    PcapFile atReceiver = PcapFile.parse(PcapWriter.toBytes(sim.trace(), CapturePoint.RECEIVER));
    PcapFile atSender = PcapFile.parse(PcapWriter.toBytes(sim.trace(), CapturePoint.SENDER));

    assertThat(atSender.packets).hasSize(2);
    assertThat(atReceiver.packets).hasSize(2)
        .allSatisfy(p -> assertThat(ToyPackets.tag(PcapFile.decode(p.data()).payload())).isEqualTo(2))
        .extracting(PcapFile.Packet::fraction)
        .allSatisfy(f -> assertThat(f).isBetween(SimTime.millis(5), SimTime.millis(6)));
  }

  @Test
  void ipv4PacketsCarryDontFragmentUnlessTheSenderAllowedFragmentation() {
    client.send(A, B, SERVER_PORT, ToyPackets.packet(1, ChunkType.DATA));
    client.sendFragmentable(A, B, SERVER_PORT, ToyPackets.packet(2, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));

    PcapFile pcap = PcapFile.parse(PcapWriter.toBytes(sim.trace(), CapturePoint.SENDER));

    assertThat(pcap.packets).extracting(p -> p.data()[6] & 0x40).containsExactly(0x40, 0);
    assertThat(pcap.packets).allSatisfy(p -> assertThat(PcapFile.decode(p.data()).ipChecksumValid()).isTrue());
  }

  @Test
  void aCaptureOfTheSameSeedIsTheSameFile() {
    exchangeOverBothFamilies();
    byte[] first = PcapWriter.toBytes(sim.trace(), CapturePoint.SENDER);

    PcapWriterTest again = new PcapWriterTest();
    again.exchangeOverBothFamilies();

    assertThat(PcapWriter.toBytes(again.sim.trace(), CapturePoint.SENDER)).isEqualTo(first);
  }

  private void exchangeOverBothFamilies() {
    client.send(A, B, SERVER_PORT, ToyPackets.packet(1, ChunkType.HEARTBEAT));
    sim.runFor(SimTime.millis(20));
    client.send(A6, B6, SERVER_PORT, ToyPackets.packet(2, ChunkType.HEARTBEAT));
    sim.runFor(SimTime.millis(20));
    client.send(A, B, SERVER_PORT, ToyPackets.sized(3, 1000, ChunkType.DATA));
    sim.runUntilIdle(SimTime.seconds(1));
  }
}
