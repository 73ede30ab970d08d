package org.jsctp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Fuzzes the decoder (Jazzer). Plain {@code mvn verify} runs the seeds and earlier findings in
 * {@code SctpPacketFuzzTestInputs/<method>/} as regression tests; with {@code JAZZER_FUZZ=1} it
 * fuzzes for real (see docs/testing.md).
 *
 * <p>Properties: nothing but {@link WireFormatException} escapes the decoder, and whatever decodes
 * re-encodes to a packet that decodes to an equal value and encodes to the same bytes.
 */
class SctpPacketFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void decodeUncheckedRefusesOnlyWithWireFormatExceptionAndRoundTrips(byte[] data) {
    SctpPacket packet;
    try {
      packet = SctpPacket.decodeUnchecked(data, 0, data.length);
    } catch (WireFormatException e) {
      assertThat(e.reason()).isNotNull();
      return;
    }
    assertRoundTrips(packet);
  }

  @FuzzTest(maxDuration = "10m")
  void decodeWithAGoodChecksumAgreesWithDecodeUnchecked(byte[] data) {
    byte[] input = Arrays.copyOf(data, data.length);
    if (input.length >= CommonHeader.LENGTH) {
      Crc32c.write(input, 0, input.length);
    }
    SctpPacket checked;
    try {
      checked = SctpPacket.decode(input, 0, input.length);
    } catch (WireFormatException e) {
      assertThat(e.reason()).isNotEqualTo(WireFormatException.Reason.BAD_CHECKSUM);
      return;
    }
    assertRoundTrips(checked);
    assertThat(checked.encode()).hasSize(checked.encodedLength());
  }

  private static void assertRoundTrips(SctpPacket packet) {
    byte[] encoded = packet.encode();
    assertThat(encoded).hasSize(packet.encodedLength());
    SctpPacket again;
    try {
      again = SctpPacket.decode(encoded);
    } catch (WireFormatException e) {
      throw new AssertionError(
          "re-encoded packet does not decode: " + e.getMessage() + "\n" + packet, e);
    }
    assertThat(again.chunks()).isEqualTo(packet.chunks());
    assertThat(again.header().sourcePort()).isEqualTo(packet.header().sourcePort());
    assertThat(again.header().destinationPort()).isEqualTo(packet.header().destinationPort());
    assertThat(again.header().verificationTag()).isEqualTo(packet.header().verificationTag());
    assertThat(again.encode()).isEqualTo(encoded);
  }
}
