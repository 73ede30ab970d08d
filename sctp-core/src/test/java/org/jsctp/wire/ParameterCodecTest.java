package org.jsctp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.wire.WireTestSupport.bytes;
import static org.jsctp.wire.WireTestSupport.chunkFailure;
import static org.jsctp.wire.WireTestSupport.decodeParameter;
import static org.jsctp.wire.WireTestSupport.encode;
import static org.jsctp.wire.WireTestSupport.inHeartbeat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.jsctp.wire.WireFormatException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parameter type from an annotated byte array (shown with its padding), carried in a
 * HEARTBEAT chunk because the codec decodes a parameter by type wherever it appears.
 */
class ParameterCodecTest {

  static Inet4Address v4(String text) throws Exception {
    return (Inet4Address) InetAddress.getByName(text);
  }

  static Inet6Address v6(String text) throws Exception {
    return (Inet6Address) InetAddress.getByName(text);
  }

  static Stream<Arguments> wellFormed() throws Exception {
    return Stream.of(
        Arguments.of(
            bytes(
                0x00, 0x01, 0x00, 0x07, // Heartbeat Info, Length 7
                0xAA, 0xBB, 0xCC, 0x00), // info AA BB CC, 1 byte padding
            new HeartbeatInfoParameter(Bytes.fromHex("aabbcc"))),
        Arguments.of(
            bytes(
                0x00, 0x05, 0x00, 0x08, // IPv4 Address, Length 8
                192, 0, 2, 1), // 192.0.2.1
            new Ipv4AddressParameter(v4("192.0.2.1"))),
        Arguments.of(
            bytes(
                0x00, 0x06, 0x00, 0x14, // IPv6 Address, Length 20
                0x20, 0x01, 0x0d, 0xb8, // 2001:db8::
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01), // ::1
            new Ipv6AddressParameter(v6("2001:db8::1"))),
        Arguments.of(
            bytes(
                0x00, 0x07, 0x00, 0x09, // State Cookie, Length 9
                1, 2, 3, 4, // cookie
                5, 0, 0, 0), // cookie (last byte), 3 bytes padding
            new StateCookieParameter(Bytes.fromHex("0102030405"))),
        Arguments.of(
            bytes(
                0x00, 0x08, 0x00, 0x0C, // Unrecognized Parameter, Length 12
                0x80, 0x77, 0x00, 0x08, // wrapped TLV: type 0x8077, Length 8
                0xDE, 0xAD, 0xBE, 0xEF), // wrapped TLV: value
            new UnrecognizedParameter(Bytes.fromHex("80770008deadbeef"))),
        Arguments.of(
            bytes(
                0x00, 0x09, 0x00, 0x08, // Cookie Preservative, Length 8
                0xFF, 0xFF, 0xFF, 0xFF), // increment 4294967295 ms
            new CookiePreservativeParameter(0xFFFF_FFFFL)),
        Arguments.of(
            bytes(
                0x00, 0x0B, 0x00, 0x06, // Host Name Address, Length 6
                'a', 0x00, 0x00, 0x00), // "a" NUL, 2 bytes padding
            new HostNameAddressParameter(Bytes.fromHex("6100"))),
        Arguments.of(
            bytes(
                0x00, 0x0C, 0x00, 0x06, // Supported Address Types, Length 6
                0x00, 0x05, 0x00, 0x00), // IPv4, 2 bytes padding
            new SupportedAddressTypesParameter(List.of(5))),
        Arguments.of(
            bytes(
                0x00, 0x0D, 0x00, 0x16, // Outgoing SSN Reset Request, Length 22
                0x00, 0x00, 0x00, 0x01, // request sequence 1
                0x00, 0x00, 0x00, 0x02, // response sequence 2
                0xFF, 0xFF, 0xFF, 0xFF, // sender's last TSN
                0x00, 0x01, 0x00, 0x02, // streams 1, 2
                0x00, 0x03, 0x00, 0x00), // stream 3, 2 bytes padding
            new OutgoingSsnResetRequestParameter(1, 2, -1, List.of(1, 2, 3))),
        Arguments.of(
            bytes(
                0x00, 0x0E, 0x00, 0x08, // Incoming SSN Reset Request, Length 8
                0x00, 0x00, 0x00, 0x07), // request sequence 7, no streams: all
            new IncomingSsnResetRequestParameter(7, List.of())),
        Arguments.of(
            bytes(
                0x00, 0x0F, 0x00, 0x08, // SSN/TSN Reset Request, Length 8
                0x00, 0x00, 0x00, 0x08), // request sequence 8
            new SsnTsnResetRequestParameter(8)),
        Arguments.of(
            bytes(
                0x00, 0x10, 0x00, 0x0C, // Re-configuration Response, Length 12
                0x00, 0x00, 0x00, 0x09, // response sequence 9
                0x00, 0x00, 0x00, 0x01), // result 1: performed
            new ReconfigurationResponseParameter(9, 1)),
        Arguments.of(
            bytes(
                0x00, 0x10, 0x00, 0x14, // Re-configuration Response, Length 20
                0x00, 0x00, 0x00, 0x09, // response sequence 9
                0x00, 0x00, 0x00, 0x06, // result 6: in progress
                0x00, 0x00, 0x10, 0x00, // sender's next TSN
                0x80, 0x00, 0x00, 0x00), // receiver's next TSN
            new ReconfigurationResponseParameter(
                9, 6, OptionalInt.of(0x1000), OptionalInt.of(0x80000000))),
        Arguments.of(
            bytes(
                0x00, 0x11, 0x00, 0x0C, // Add Outgoing Streams Request, Length 12
                0x00, 0x00, 0x00, 0x0A, // request sequence 10
                0xFF, 0xFF, 0x00, 0x00), // 65535 new streams, reserved
            new AddOutgoingStreamsRequestParameter(10, 65535)),
        Arguments.of(
            bytes(
                0x00, 0x12, 0x00, 0x0C, // Add Incoming Streams Request, Length 12
                0x00, 0x00, 0x00, 0x0B, // request sequence 11
                0x00, 0x04, 0x00, 0x00), // 4 new streams, reserved
            new AddIncomingStreamsRequestParameter(11, 4)),
        Arguments.of(
            bytes(
                0x80, 0x01, 0x00, 0x08, // Zero Checksum Acceptable, Length 8
                0x00, 0x00, 0x00, 0x01), // EDMID 1 (DTLS)
            new ZeroChecksumAcceptableParameter(1)),
        Arguments.of(
            bytes(
                0x80, 0x02, 0x00, 0x08, // Random, Length 8
                0x01, 0x23, 0x45, 0x67), // random number
            new RandomParameter(Bytes.fromHex("01234567"))),
        Arguments.of(
            bytes(
                0x80, 0x03, 0x00, 0x06, // Chunk List, Length 6
                0x80, 0xC1, 0x00, 0x00), // ASCONF-ACK, ASCONF, 2 bytes padding
            new ChunkListParameter(List.of(0x80, 0xC1))),
        Arguments.of(
            bytes(
                0x80, 0x04, 0x00, 0x08, // Requested HMAC Algorithm, Length 8
                0x00, 0x03, 0x00, 0x01), // SHA-256, SHA-1
            new HmacAlgorithmParameter(List.of(3, 1))),
        Arguments.of(
            bytes(
                0x80, 0x05, 0x00, 0x05, // Padding, Length 5
                0x00, 0x00, 0x00, 0x00), // 1 padding data byte, 3 bytes padding
            new PaddingParameter(Bytes.fromHex("00"))),
        Arguments.of(
            bytes(
                0x80, 0x08, 0x00, 0x07, // Supported Extensions, Length 7
                0xC0, 0x82, 0x40, 0x00), // FORWARD-TSN, RE-CONFIG, I-DATA, 1 byte padding
            new SupportedExtensionsParameter(List.of(0xC0, 0x82, 0x40))),
        Arguments.of(
            bytes(0xC0, 0x00, 0x00, 0x04), // Forward-TSN Supported, Length 4
            new ForwardTsnSupportedParameter()),
        Arguments.of(
            bytes(
                0xC0, 0x01, 0x00, 0x10, // Add IP Address, Length 16
                0x00, 0x00, 0x00, 0x2A, // correlation ID 42
                0x00, 0x05, 0x00, 0x08, // nested IPv4 Address, Length 8
                10, 0, 0, 1), // 10.0.0.1
            new AddIpAddressParameter(42, new Ipv4AddressParameter(v4("10.0.0.1")))),
        Arguments.of(
            bytes(
                0xC0, 0x02, 0x00, 0x10, // Delete IP Address, Length 16
                0x00, 0x00, 0x00, 0x2B, // correlation ID 43
                0x00, 0x05, 0x00, 0x08, // nested IPv4 Address, Length 8
                0, 0, 0, 0), // wildcard
            new DeleteIpAddressParameter(43, new Ipv4AddressParameter(v4("0.0.0.0")))),
        Arguments.of(
            bytes(
                0xC0, 0x03, 0x00, 0x10, // Error Cause Indication, Length 16
                0x00, 0x00, 0x00, 0x2C, // correlation ID 44
                0x00, 0xA1, 0x00, 0x04, // cause Resource Shortage, Length 4 (no copy)
                0x00, 0xA3, 0x00, 0x04), // cause Illegal ASCONF-ACK, Length 4
            new ErrorCauseIndicationParameter(
                44,
                List.of(
                    new ResourceShortageCause(Bytes.EMPTY),
                    new IllegalAsconfAckCause(Bytes.EMPTY)))),
        Arguments.of(
            bytes(
                0xC0, 0x04, 0x00, 0x1C, // Set Primary Address, Length 28
                0x00, 0x00, 0x00, 0x2D, // correlation ID 45
                0x00, 0x06, 0x00, 0x14, // nested IPv6 Address, Length 20
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), // ::1
            new SetPrimaryAddressParameter(45, new Ipv6AddressParameter(v6("::1")))),
        Arguments.of(
            bytes(
                0xC0, 0x05, 0x00, 0x08, // Success Indication, Length 8
                0x00, 0x00, 0x00, 0x2E), // correlation ID 46
            new SuccessIndicationParameter(46)),
        Arguments.of(
            bytes(
                0xC0, 0x06, 0x00, 0x08, // Adaptation Layer Indication, Length 8
                0x12, 0x34, 0x56, 0x78), // code point
            new AdaptationLayerIndicationParameter(0x12345678)),
        Arguments.of(
            bytes(0x80, 0x00, 0x00, 0x04), // ECN Capable (reserved), Length 4
            new UnknownParameter(0x8000, Bytes.EMPTY)),
        Arguments.of(
            bytes(
                0x40, 0x99, 0x00, 0x06, // unknown type 0x4099, Length 6
                0x01, 0x02, 0x00, 0x00), // value 01 02, 2 bytes padding
            new UnknownParameter(0x4099, Bytes.fromHex("0102"))));
  }

  @ParameterizedTest
  @MethodSource("wellFormed")
  void decodesToTheRecordAndEncodesBackByteForByte(byte[] wire, Parameter expected)
      throws Exception {
    Parameter decoded = decodeParameter(wire);
    assertThat(decoded).isEqualTo(expected);
    assertThat(encode(expected)).isEqualTo(wire);
    assertThat(expected.encodedLength()).isEqualTo((wire[2] & 0xFF) << 8 | (wire[3] & 0xFF));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "IPv4 with Length 12",
            bytes(0x00, 0x05, 0x00, 0x0C, 1, 2, 3, 4, 5, 6, 7, 8),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "IPv6 with Length 8",
            bytes(0x00, 0x06, 0x00, 0x08, 1, 2, 3, 4),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Cookie Preservative with Length 6",
            bytes(0x00, 0x09, 0x00, 0x06, 1, 2, 0, 0),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Supported Address Types with an odd byte",
            bytes(0x00, 0x0C, 0x00, 0x07, 0, 5, 0, 0),
            Reason.COUNT_MISMATCH),
        Arguments.of(
            "HMAC Algorithm with an odd byte",
            bytes(0x80, 0x04, 0x00, 0x05, 0, 0, 0, 0),
            Reason.COUNT_MISMATCH),
        Arguments.of(
            "Outgoing SSN Reset without fixed fields",
            bytes(0x00, 0x0D, 0x00, 0x0C, 0, 0, 0, 1, 0, 0, 0, 2),
            Reason.TOO_SHORT_FOR_TYPE),
        Arguments.of(
            "Outgoing SSN Reset with an odd byte",
            bytes(0x00, 0x0D, 0x00, 0x11, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 9, 0, 0, 0),
            Reason.COUNT_MISMATCH),
        Arguments.of(
            "Incoming SSN Reset with an odd byte",
            bytes(0x00, 0x0E, 0x00, 0x09, 0, 0, 0, 1, 9, 0, 0, 0),
            Reason.COUNT_MISMATCH),
        Arguments.of(
            "SSN/TSN Reset with Length 12",
            bytes(0x00, 0x0F, 0x00, 0x0C, 0, 0, 0, 1, 0, 0, 0, 2),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Re-configuration Response with Length 16",
            bytes(0x00, 0x10, 0x00, 0x10, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 5),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Re-configuration Response with Length 8",
            bytes(0x00, 0x10, 0x00, 0x08, 0, 0, 0, 1),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Add Outgoing Streams with Length 8",
            bytes(0x00, 0x11, 0x00, 0x08, 0, 0, 0, 1),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Forward-TSN Supported with a value",
            bytes(0xC0, 0x00, 0x00, 0x08, 0, 0, 0, 0),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Zero Checksum Acceptable with Length 4",
            bytes(0x80, 0x01, 0x00, 0x04),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Success Indication with Length 12",
            bytes(0xC0, 0x05, 0x00, 0x0C, 0, 0, 0, 1, 0, 0, 0, 2),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Adaptation Layer Indication with Length 4",
            bytes(0xC0, 0x06, 0x00, 0x04),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Add Incoming Streams with Length 16",
            bytes(0x00, 0x12, 0x00, 0x10, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Delete IP Address holding a Success Indication",
            bytes(0xC0, 0x02, 0x00, 0x10, 0, 0, 0, 1, 0xC0, 0x05, 0x00, 0x08, 0, 0, 0, 1),
            Reason.ADDRESS_PARAMETER_EXPECTED),
        Arguments.of(
            "Set Primary Address with a short IPv6 address",
            bytes(0xC0, 0x04, 0x00, 0x10, 0, 0, 0, 1, 0x00, 0x06, 0x00, 0x08, 0, 0, 0, 1),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Add IP Address without correlation ID",
            bytes(0xC0, 0x01, 0x00, 0x06, 0, 0, 0, 0),
            Reason.TOO_SHORT_FOR_TYPE),
        Arguments.of(
            "Add IP Address without address",
            bytes(0xC0, 0x01, 0x00, 0x08, 0, 0, 0, 1),
            Reason.TOO_SHORT_FOR_TYPE),
        Arguments.of(
            "Add IP Address holding a cookie",
            bytes(0xC0, 0x01, 0x00, 0x10, 0, 0, 0, 1, 0x00, 0x07, 0x00, 0x08, 1, 2, 3, 4),
            Reason.ADDRESS_PARAMETER_EXPECTED),
        Arguments.of(
            "Add IP Address with bytes after the address",
            bytes(
                0xC0, 0x01, 0x00, 0x14, 0, 0, 0, 1, 0x00, 0x05, 0x00, 0x08, 1, 2, 3, 4, 9, 9, 9, 9),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "Add IP Address whose address runs past it",
            bytes(0xC0, 0x01, 0x00, 0x0C, 0, 0, 0, 1, 0x00, 0x05, 0x00, 0x08),
            Reason.PARAMETER_PAST_CHUNK_END),
        Arguments.of(
            "Add IP Address whose address has Length 2",
            bytes(0xC0, 0x01, 0x00, 0x0C, 0, 0, 0, 1, 0x00, 0x05, 0x00, 0x02),
            Reason.PARAMETER_LENGTH_BELOW_4),
        Arguments.of(
            "Error Cause Indication with a cause past its end",
            bytes(0xC0, 0x03, 0x00, 0x0C, 0, 0, 0, 1, 0x00, 0x01, 0x00, 0x08),
            Reason.CAUSE_PAST_CHUNK_END));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void aBrokenLengthOrCountIsRefusedWithItsReason(String what, byte[] parameter, Reason reason) {
    assertThat(chunkFailure(inHeartbeat(parameter))).isEqualTo(reason);
  }

  @Test
  void aParameterLengthBelowFourIsRefusedRatherThanLoopingForever() {
    byte[] chunk =
        bytes(
            0x04, 0x00, 0x00, 0x0C, // HEARTBEAT, Length 12
            0x00, 0x01, 0x00, 0x00, // Heartbeat Info, Length 0
            0x00, 0x01, 0x00, 0x03); // Heartbeat Info, Length 3
    assertThat(chunkFailure(chunk)).isEqualTo(Reason.PARAMETER_LENGTH_BELOW_4);
  }

  @Test
  void aParameterRunningPastTheChunkIsRefused() {
    byte[] chunk =
        bytes(
            0x04, 0x00, 0x00, 0x0C, // HEARTBEAT, Length 12
            0x00, 0x01, 0x00, 0x10, // Heartbeat Info, Length 16: 8 bytes too long
            1, 2, 3, 4);
    assertThat(chunkFailure(chunk)).isEqualTo(Reason.PARAMETER_PAST_CHUNK_END);
  }

  @Test
  void bytesLeftAfterTheLastParameterTooFewForAHeaderAreRefused() {
    byte[] chunk =
        bytes(
            0x04, 0x00, 0x00, 0x0E, // HEARTBEAT, Length 14
            0x00, 0x01, 0x00, 0x08, // Heartbeat Info, Length 8
            1, 2, 3, 4, // info
            0x00, 0x01, 0x00, 0x00); // 2 stray bytes, chunk padding
    assertThat(chunkFailure(chunk)).isEqualTo(Reason.PARAMETER_PAST_CHUNK_END);
  }

  @Test
  void aParameterThatIsNotLastCountsItsPaddingInTheChunkLength() throws Exception {
    byte[] chunk =
        bytes(
            0x04, 0x00, 0x00, 0x14, // HEARTBEAT, Length 20: first parameter's padding counted
            0x00, 0x01, 0x00, 0x05, // Heartbeat Info, Length 5
            0xAA, 0x00, 0x00, 0x00, // info AA, 3 bytes padding
            0x00, 0x01, 0x00, 0x08, // Heartbeat Info, Length 8
            1, 2, 3, 4); // info
    HeartbeatChunk heartbeat = (HeartbeatChunk) WireTestSupport.decodeChunk(chunk);
    assertThat(heartbeat.parameters())
        .containsExactly(
            new HeartbeatInfoParameter(Bytes.fromHex("aa")),
            new HeartbeatInfoParameter(Bytes.fromHex("01020304")));
    assertThat(encode(heartbeat)).isEqualTo(chunk);
  }

  @Test
  void nonZeroPaddingInsideAChunkIsIgnored() throws Exception {
    byte[] chunk =
        bytes(
            0x04, 0x00, 0x00, 0x14, // HEARTBEAT, Length 20
            0x00, 0x01, 0x00, 0x05, // Heartbeat Info, Length 5
            0xAA, 0x11, 0x22, 0x33, // info AA, 3 bytes of non-zero padding
            0x00, 0x01, 0x00, 0x08, // Heartbeat Info, Length 8
            1, 2, 3, 4); // info
    HeartbeatChunk heartbeat = (HeartbeatChunk) WireTestSupport.decodeChunk(chunk);
    assertThat(heartbeat.parameters()).hasSize(2);
    assertThat(encode(heartbeat)[9]).isZero();
  }

  @Test
  void anIpv4MappedAddressStaysAnIpv6AddressParameter() throws Exception {
    Parameter decoded =
        decodeParameter(
            bytes(
                0x00, 0x06, 0x00, 0x14, // IPv6 Address, Length 20
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, // ::ffff:
                127, 0, 0, 1)); // 127.0.0.1
    assertThat(decoded).isInstanceOf(Ipv6AddressParameter.class);
    assertThat(encode(decoded)).hasSize(20);
  }

  @Test
  void unknownParametersTellTheirActionFromTheHighBits() {
    assertThat(new UnknownParameter(0x0077, Bytes.EMPTY).action())
        .isEqualTo(UnrecognizedAction.STOP);
    assertThat(new UnknownParameter(0x4077, Bytes.EMPTY).action())
        .isEqualTo(UnrecognizedAction.STOP_AND_REPORT);
    assertThat(new UnknownParameter(0x8077, Bytes.EMPTY).action())
        .isEqualTo(UnrecognizedAction.SKIP);
    assertThat(new UnknownParameter(0xC077, Bytes.EMPTY).action())
        .isEqualTo(UnrecognizedAction.SKIP_AND_REPORT);
    assertThat(new UnknownParameter(0xC077, Bytes.fromHex("0102")).toTlv())
        .isEqualTo(Bytes.fromHex("c0770006 0102"));
  }
}
