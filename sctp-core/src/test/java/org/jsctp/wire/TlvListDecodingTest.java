package org.jsctp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jsctp.wire.WireTestSupport.bytes;
import static org.jsctp.wire.WireTestSupport.packetOf;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The walk over a list of parameters or error causes inside a chunk or parameter (RFC 9260 section
 * 3.2): each refusal names the list, the item and its offset, and the last item's padding may lie
 * past the list.
 */
class TlvListDecodingTest {

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of(
            bytes(
                0x04, 0x00, 0x00, 0x0E, // HEARTBEAT, Length 14
                0x00, 0x01, 0x00, 0x08, 1, 2, 3, 4, // Heartbeat Info, Length 8
                0x00, 0x01, 0x00, 0x00), // 2 stray bytes, then chunk padding
            "PARAMETER_PAST_CHUNK_END: HEARTBEAT at offset 12: HEARTBEAT: 2 bytes left at offset 8,"
                + " too few for a parameter header"),
        Arguments.of(
            bytes(
                0x04, 0x00, 0x00, 0x10, // HEARTBEAT, Length 16
                0x00, 0x01, 0x00, 0x08, 1, 2, 3, 4, // Heartbeat Info, Length 8
                0x00, 0x07, 0x00, 0x03), // State Cookie, Length 3
            "PARAMETER_LENGTH_BELOW_4: HEARTBEAT at offset 12: HEARTBEAT: parameter State Cookie at"
                + " offset 8 has Length 3"),
        Arguments.of(
            bytes(
                0x04, 0x00, 0x00, 0x0C, // HEARTBEAT, Length 12
                0x00, 0x01, 0x00, 0x10, 1, 2, 3, 4), // Heartbeat Info, Length 16
            "PARAMETER_PAST_CHUNK_END: HEARTBEAT at offset 12: HEARTBEAT: parameter Heartbeat Info"
                + " at offset 0 has Length 16 but only 8 bytes remain"),
        Arguments.of(
            bytes(
                0x09, 0x00, 0x00, 0x0F, // ERROR, Length 15
                0x00, 0x0C, 0x00, 0x05, 0xAA, 0, 0, 0, // User-Initiated Abort, Length 5, padded
                0x00, 0x04, 0x00, 0x00), // 3 stray bytes, then chunk padding
            "CAUSE_PAST_CHUNK_END: ERROR at offset 12: ERROR: 3 bytes left at offset 8, too few for"
                + " a cause header"),
        Arguments.of(
            bytes(
                0x06, 0x00, 0x00, 0x08, // ABORT, Length 8
                0x00, 0x04, 0x00, 0x00), // Out of Resource, Length 0
            "CAUSE_LENGTH_BELOW_4: ABORT at offset 12: ABORT: cause Out of Resource at offset 0 has"
                + " Length 0"),
        Arguments.of(
            bytes(
                0x09, 0x00, 0x00, 0x08, // ERROR, Length 8
                0x00, 0x99, 0x00, 0x10), // code 0x99, Length 16
            "CAUSE_PAST_CHUNK_END: ERROR at offset 12: ERROR: cause code 0x99 at offset 0 has"
                + " Length 16 but only 4 bytes remain"),
        Arguments.of(
            bytes(
                0x04, 0x00, 0x00, 0x10, // HEARTBEAT, Length 16
                0xC0, 0x03, 0x00, 0x0C, // Error Cause Indication, Length 12
                0, 0, 0, 1, // correlation ID 1
                0x00, 0x04, 0x00, 0x02), // Out of Resource, Length 2
            "CAUSE_LENGTH_BELOW_4: HEARTBEAT at offset 12: Error Cause Indication parameter: cause"
                + " Out of Resource at offset 0 has Length 2"));
  }

  @ParameterizedTest
  @MethodSource("broken")
  void aBrokenListIsRefusedNamingTheListTheItemAndItsOffset(byte[] chunk, String message) {
    WireFormatException e =
        catchThrowableOfType(WireFormatException.class, () -> SctpPacket.decode(packetOf(chunk)));
    assertThat(e).as("decoding should fail").isNotNull();
    assertThat(e).hasMessage(message);
  }

  @Test
  void theLastCauseMayLeaveItsPaddingOutsideTheChunkLength() throws Exception {
    byte[] chunk =
        bytes(
            0x09, 0x00, 0x00, 0x11, // ERROR, Length 17: the last cause's padding left out
            0x00, 0x0C, 0x00, 0x06, 0xAA, 0xBB, 0, 0, // User-Initiated Abort, Length 6, padded
            0x00, 0x0C, 0x00, 0x05, 0xCC, 0, 0, 0); // User-Initiated Abort, Length 5, padded
    ErrorChunk error = (ErrorChunk) WireTestSupport.decodeChunk(chunk);
    assertThat(error.causes())
        .containsExactly(
            new UserInitiatedAbortCause(Bytes.fromHex("aabb")),
            new UserInitiatedAbortCause(Bytes.fromHex("cc")));
    assertThat(WireTestSupport.encode(error)).isEqualTo(chunk);
  }

  @Test
  void emptyListsDecodeToNoItems() throws Exception {
    HeartbeatChunk heartbeat =
        (HeartbeatChunk) WireTestSupport.decodeChunk(bytes(0x04, 0x00, 0x00, 0x04));
    ErrorChunk error = (ErrorChunk) WireTestSupport.decodeChunk(bytes(0x09, 0x00, 0x00, 0x04));
    assertThat(heartbeat.parameters()).isEqualTo(List.of());
    assertThat(error.causes()).isEqualTo(List.of());
  }
}
