package org.jsctp.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CommonHeader;
import org.jsctp.wire.Crc32c;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.PacketBuilder;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.SctpPacket;
import org.jsctp.wire.WireFormatException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The wire codec on the two packets that dominate a bulk transfer: a full 1452-byte DATA packet
 * (one DATA chunk with 1424 bytes of user data, the size of an IPv4 UDP-encapsulated packet on a
 * 1500-byte MTU) and a SACK with 20 gap blocks (108 bytes). Decode includes the CRC32c check;
 * encode includes computing it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WireCodecBenchmark {

  static final int DATA_PACKET_SIZE = 1452;

  private byte[] dataWire;
  private byte[] sackWire;
  private SctpPacket dataPacket;
  private SctpPacket sackPacket;
  private DataChunk dataChunk;
  private PacketBuilder builder;

  @Setup
  public void setUp() throws WireFormatException {
    byte[] payload = new byte[DATA_PACKET_SIZE - CommonHeader.LENGTH - DataChunk.HEADER_LENGTH];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) (i * 31);
    }
    dataChunk = new DataChunk(false, false, true, true, 0x10000000, 3, 17, 46, Bytes.wrap(payload));
    CommonHeader header = new CommonHeader(9899, 9899, 0x5ca1ab1e, 0);
    dataWire = new SctpPacket(header, List.of(dataChunk)).encode();
    if (dataWire.length != DATA_PACKET_SIZE) {
      throw new IllegalStateException("DATA packet has " + dataWire.length + " bytes");
    }
    List<SackChunk.GapAckBlock> gaps = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      gaps.add(new SackChunk.GapAckBlock(2 + 4 * i, 3 + 4 * i));
    }
    sackWire =
        new SctpPacket(header, List.of(new SackChunk(0x10000000, 1 << 20, gaps, List.of())))
            .encode();
    dataPacket = SctpPacket.decode(dataWire);
    sackPacket = SctpPacket.decode(sackWire);
    builder = new PacketBuilder(DATA_PACKET_SIZE);
  }

  @Benchmark
  public SctpPacket decodeData() throws WireFormatException {
    return SctpPacket.decode(dataWire, 0, dataWire.length);
  }

  @Benchmark
  public SctpPacket decodeDataUnchecked() throws WireFormatException {
    return SctpPacket.decodeUnchecked(dataWire, 0, dataWire.length);
  }

  @Benchmark
  public byte[] encodeData() {
    return dataPacket.encode();
  }

  @Benchmark
  public byte[] buildData() {
    builder.add(dataChunk);
    return builder.build(9899, 9899, 0x5ca1ab1e);
  }

  @Benchmark
  public int crcData() {
    return Crc32c.compute(dataWire, 0, dataWire.length);
  }

  @Benchmark
  public SctpPacket decodeSack() throws WireFormatException {
    return SctpPacket.decode(sackWire, 0, sackWire.length);
  }

  @Benchmark
  public byte[] encodeSack() {
    return sackPacket.encode();
  }

  @Benchmark
  public int crcSack() {
    return Crc32c.compute(sackWire, 0, sackWire.length);
  }
}
