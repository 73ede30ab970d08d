package org.jsctp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.wire.WireTestSupport.bytes;
import static org.jsctp.wire.WireTestSupport.chunkFailure;
import static org.jsctp.wire.WireTestSupport.decodeCause;
import static org.jsctp.wire.WireTestSupport.encode;
import static org.jsctp.wire.WireTestSupport.inError;

import java.util.List;
import java.util.stream.Stream;
import org.jsctp.wire.WireFormatException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error cause from an annotated byte array (shown with its padding), carried in an ERROR
 * chunk.
 */
class ErrorCauseCodecTest {

  static Stream<Arguments> wellFormed() {
    return Stream.of(
        Arguments.of(
            bytes(
                0x00, 0x01, 0x00, 0x08, // Invalid Stream Identifier, Length 8
                0xFF, 0xFE, 0x00, 0x00), // stream 65534, reserved
            new InvalidStreamIdentifierCause(65534)),
        Arguments.of(
            bytes(
                0x00, 0x02, 0x00, 0x0C, // Missing Mandatory Parameter, Length 12
                0x00, 0x00, 0x00, 0x02, // 2 missing
                0x00, 0x07, 0x00, 0x05), // State Cookie, IPv4 Address
            new MissingMandatoryParameterCause(List.of(7, 5))),
        Arguments.of(
            bytes(
                0x00, 0x02, 0x00, 0x0A, // Missing Mandatory Parameter, Length 10
                0x00, 0x00, 0x00, 0x01, // 1 missing
                0x00, 0x07, 0x00, 0x00), // State Cookie, 2 bytes padding
            new MissingMandatoryParameterCause(List.of(7))),
        Arguments.of(
            bytes(
                0x00, 0x03, 0x00, 0x08, // Stale Cookie, Length 8
                0x80, 0x00, 0x00, 0x00), // staleness 2^31 us
            new StaleCookieCause(0x8000_0000L)),
        Arguments.of(
            bytes(0x00, 0x04, 0x00, 0x04), // Out of Resource, Length 4
            new OutOfResourceCause()),
        Arguments.of(
            bytes(
                0x00, 0x05, 0x00, 0x0C, // Unresolvable Address, Length 12
                0x00, 0x0B, 0x00, 0x06, // Host Name Address, Length 6
                'h', 0x00, 0x00, 0x00), // "h" NUL, padding of the inner TLV
            new UnresolvableAddressCause(Bytes.fromHex("000b0006 6800 0000"))),
        Arguments.of(
            bytes(
                0x00, 0x06, 0x00, 0x09, // Unrecognized Chunk Type, Length 9
                0x4F, 0x00, 0x00, 0x05, // the chunk: type 0x4F, Length 5
                0x99, 0x00, 0x00, 0x00), // the chunk's value, 3 bytes padding
            new UnrecognizedChunkTypeCause(Bytes.fromHex("4f000005 99"))),
        Arguments.of(
            bytes(0x00, 0x07, 0x00, 0x04), // Invalid Mandatory Parameter, Length 4
            new InvalidMandatoryParameterCause()),
        Arguments.of(
            bytes(
                0x00, 0x08, 0x00, 0x08, // Unrecognized Parameters, Length 8
                0x80, 0x77, 0x00, 0x04), // parameter 0x8077, Length 4
            new UnrecognizedParametersCause(Bytes.fromHex("80770004"))),
        Arguments.of(
            bytes(
                0x00, 0x09, 0x00, 0x08, // No User Data, Length 8
                0xDE, 0xAD, 0xBE, 0xEF), // TSN
            new NoUserDataCause(0xDEADBEEF)),
        Arguments.of(
            bytes(0x00, 0x0A, 0x00, 0x04), // Cookie Received While Shutting Down, Length 4
            new CookieReceivedWhileShuttingDownCause()),
        Arguments.of(
            bytes(
                0x00, 0x0B, 0x00, 0x0C, // Restart with New Addresses, Length 12
                0x00, 0x05, 0x00, 0x08, // IPv4 Address, Length 8
                10, 1, 2, 3), // 10.1.2.3
            new RestartWithNewAddressesCause(Bytes.fromHex("00050008 0a010203"))),
        Arguments.of(
            bytes(
                0x00, 0x0C, 0x00, 0x07, // User-Initiated Abort, Length 7
                'b', 'y', 'e', 0x00), // "bye", 1 byte padding
            new UserInitiatedAbortCause(Bytes.fromHex("627965"))),
        Arguments.of(
            bytes(0x00, 0x0D, 0x00, 0x04), // Protocol Violation, Length 4, no information
            new ProtocolViolationCause(Bytes.EMPTY)),
        Arguments.of(
            bytes(
                0x00, 0x0E, 0x00, 0x08, // Restart with New Encapsulation Port, Length 8
                0x26, 0xAB, 0x26, 0xAC), // current 9899, new 9900
            new RestartWithNewEncapsulationPortCause(9899, 9900)),
        Arguments.of(
            bytes(0x00, 0xA0, 0x00, 0x04), // Delete Last Remaining IP Address, Length 4
            new DeleteLastAddressCause(Bytes.EMPTY)),
        Arguments.of(
            bytes(0x00, 0xA1, 0x00, 0x04), // Resource Shortage, Length 4
            new ResourceShortageCause(Bytes.EMPTY)),
        Arguments.of(
            bytes(
                0x00, 0xA2, 0x00, 0x0C, // Delete Source IP Address, Length 12
                0x00, 0x05, 0x00, 0x08, // copied IPv4 Address, Length 8
                10, 0, 0, 9), // 10.0.0.9
            new DeleteSourceAddressCause(Bytes.fromHex("00050008 0a000009"))),
        Arguments.of(
            bytes(0x00, 0xA3, 0x00, 0x04), // Illegal ASCONF-ACK, Length 4
            new IllegalAsconfAckCause(Bytes.EMPTY)),
        Arguments.of(
            bytes(0x00, 0xA4, 0x00, 0x04), // Request Refused - No Authorization, Length 4
            new NoAuthorizationCause(Bytes.EMPTY)),
        Arguments.of(
            bytes(
                0x01, 0x05, 0x00, 0x06, // Unsupported HMAC Identifier, Length 6
                0x00, 0x02, 0x00, 0x00), // HMAC 2, 2 bytes padding
            new UnsupportedHmacIdentifierCause(2)),
        Arguments.of(
            bytes(
                0x12, 0x34, 0x00, 0x05, // unknown code 0x1234, Length 5
                0x77, 0x00, 0x00, 0x00), // information 77, 3 bytes padding
            new UnknownCause(0x1234, Bytes.fromHex("77"))));
  }

  @ParameterizedTest
  @MethodSource("wellFormed")
  void decodesToTheRecordAndEncodesBackByteForByte(byte[] wire, ErrorCause expected)
      throws Exception {
    assertThat(decodeCause(wire)).isEqualTo(expected);
    assertThat(encode(expected)).isEqualTo(wire);
    assertThat(expected.encodedLength()).isEqualTo((wire[2] & 0xFF) << 8 | (wire[3] & 0xFF));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "Invalid Stream Identifier with Length 6",
            bytes(0x00, 0x01, 0x00, 0x06, 0, 1, 0, 0),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Missing Mandatory Parameter without count",
            bytes(0x00, 0x02, 0x00, 0x06, 0, 1, 0, 0),
            Reason.TOO_SHORT_FOR_TYPE),
        Arguments.of(
            "Missing Mandatory Parameter with count 3 for 2 types",
            bytes(0x00, 0x02, 0x00, 0x0C, 0, 0, 0, 3, 0, 7, 0, 5),
            Reason.COUNT_MISMATCH),
        Arguments.of(
            "Missing Mandatory Parameter with a huge count",
            bytes(0x00, 0x02, 0x00, 0x08, 0xFF, 0xFF, 0xFF, 0xFF),
            Reason.COUNT_MISMATCH),
        Arguments.of(
            "Missing Mandatory Parameter with an odd byte",
            bytes(0x00, 0x02, 0x00, 0x09, 0, 0, 0, 0, 7, 0, 0, 0),
            Reason.COUNT_MISMATCH),
        Arguments.of(
            "Stale Cookie with Length 4",
            bytes(0x00, 0x03, 0x00, 0x04),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Out of Resource with information",
            bytes(0x00, 0x04, 0x00, 0x08, 0, 0, 0, 0),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Invalid Mandatory Parameter with information",
            bytes(0x00, 0x07, 0x00, 0x05, 1, 0, 0, 0),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Cookie Received While Shutting Down with information",
            bytes(0x00, 0x0A, 0x00, 0x08, 0, 0, 0, 0),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "No User Data with Length 12",
            bytes(0x00, 0x09, 0x00, 0x0C, 0, 0, 0, 1, 0, 0, 0, 2),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "New Encapsulation Port with Length 6",
            bytes(0x00, 0x0E, 0x00, 0x06, 0, 1, 0, 0),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Unsupported HMAC Identifier with Length 8",
            bytes(0x01, 0x05, 0x00, 0x08, 0, 2, 0, 0),
            Reason.BAD_LENGTH_FOR_TYPE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void aBrokenLengthOrCountIsRefusedWithItsReason(String what, byte[] cause, Reason reason) {
    assertThat(chunkFailure(inError(cause))).isEqualTo(reason);
  }

  @Test
  void aCauseLengthBelowFourIsRefused() {
    byte[] chunk =
        bytes(
            0x09, 0x00, 0x00, 0x08, // ERROR, Length 8
            0x00, 0x04, 0x00, 0x02); // Out of Resource, Length 2
    assertThat(chunkFailure(chunk)).isEqualTo(Reason.CAUSE_LENGTH_BELOW_4);
  }

  @Test
  void aCauseRunningPastTheChunkIsRefused() {
    byte[] chunk =
        bytes(
            0x09, 0x00, 0x00, 0x08, // ERROR, Length 8
            0x00, 0x0C, 0x00, 0x10); // User-Initiated Abort, Length 16
    assertThat(chunkFailure(chunk)).isEqualTo(Reason.CAUSE_PAST_CHUNK_END);
  }
}
