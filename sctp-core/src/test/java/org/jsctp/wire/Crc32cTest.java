package org.jsctp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.wire.WireTestSupport.bytes;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc32cTest {

  @Test
  void matchesTheCastagnoliCheckValue() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertThat(Crc32c.crc(check, 0, check.length)).isEqualTo(0xE3069283);
  }

  @Test
  void countsTheChecksumFieldAsZeroWhateverItHolds() {
    byte[] packet = bytes(0x13, 0x88, 0x13, 0x89, 1, 2, 3, 4, 0, 0, 0, 0, 0x0B, 0, 0, 4);
    int expected = Crc32c.crc(packet, 0, packet.length);
    packet[8] = 0x7F;
    packet[11] = (byte) 0xFF;
    assertThat(Crc32c.compute(packet, 0, packet.length)).isEqualTo(expected);
  }

  @Test
  void writesTheChecksumLeastSignificantByteFirst() {
    byte[] packet = bytes(0x13, 0x88, 0x13, 0x89, 1, 2, 3, 4, 0, 0, 0, 0, 0x0B, 0, 0, 4);
    int crc = Crc32c.compute(packet, 0, packet.length);
    Crc32c.write(packet, 0, packet.length);
    assertThat(packet[8]).isEqualTo((byte) crc);
    assertThat(packet[11]).isEqualTo((byte) (crc >>> 24));
    assertThat(Crc32c.verify(packet, 0, packet.length)).isTrue();
  }

  @Test
  void verifyNoticesASingleFlippedBit() {
    byte[] packet = WireTestSupport.packetOf(bytes(0x0B, 0, 0, 4));
    packet[13] ^= 0x10;
    assertThat(Crc32c.verify(packet, 0, packet.length)).isFalse();
  }

  @Test
  void worksOnAPacketInsideALargerArray() {
    byte[] packet = WireTestSupport.packetOf(bytes(0x0B, 0, 0, 4));
    byte[] larger = WireTestSupport.concat(bytes(0xAA, 0xBB), packet);
    assertThat(Crc32c.verify(larger, 2, packet.length)).isTrue();
  }
}
