package org.jsctp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.wire.WireTestSupport.bytes;
import static org.jsctp.wire.WireTestSupport.chunkFailure;
import static org.jsctp.wire.WireTestSupport.decodeChunk;
import static org.jsctp.wire.WireTestSupport.encode;

import java.net.InetAddress;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.jsctp.wire.WireFormatException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every chunk type from an annotated byte array (shown with its padding). */
class ChunkCodecTest {

  static Stream<Arguments> wellFormed() throws Exception {
    return Stream.of(
        Arguments.of(
            bytes(
                0x00, 0x0B, 0x00, 0x13, // DATA, flags I|B|E, Length 19
                0x00, 0x00, 0x00, 0x2A, // TSN 42
                0x00, 0x05, 0x00, 0x07, // stream 5, SSN 7
                0x00, 0x00, 0x00, 0x33, // PPID 51
                'a', 'b', 'c', 0x00), // user data "abc", 1 byte padding
            new DataChunk(true, false, true, true, 42, 5, 7, 51, Bytes.fromHex("616263"))),
        Arguments.of(
            bytes(
                0x00, 0x04, 0x00, 0x10, // DATA, flags U, Length 16: no user data
                0xFF, 0xFF, 0xFF, 0xFF, // TSN 2^32-1
                0xFF, 0xFF, 0xFF, 0xFF, // stream 65535, SSN 65535
                0xFF, 0xFF, 0xFF, 0xFF), // PPID 2^32-1
            new DataChunk(false, true, false, false, -1, 65535, 65535, -1, Bytes.EMPTY)),
        Arguments.of(
            bytes(
                0x01, 0x00, 0x00, 0x24, // INIT, Length 36
                0x11, 0x22, 0x33, 0x44, // initiate tag
                0x00, 0x01, 0x00, 0x00, // a_rwnd 65536
                0x00, 0x0A, 0x00, 0x0B, // 10 outbound, 11 inbound streams
                0xFF, 0xFF, 0xFF, 0xFE, // initial TSN
                0x00, 0x05, 0x00, 0x08, // IPv4 Address, Length 8
                127, 0, 0, 1, // 127.0.0.1
                0xC0, 0x00, 0x00, 0x04, // Forward-TSN Supported
                0x80, 0x00, 0x00, 0x04), // ECN Capable (reserved: unknown)
            new InitChunk(
                0x11223344,
                65536,
                10,
                11,
                -2,
                List.of(
                    new Ipv4AddressParameter(ParameterCodecTest.v4("127.0.0.1")),
                    new ForwardTsnSupportedParameter(),
                    new UnknownParameter(0x8000, Bytes.EMPTY)))),
        Arguments.of(
            bytes(
                0x01, 0x00, 0x00, 0x19, // INIT, Length 25: last parameter's padding not counted
                0x00, 0x00, 0x00, 0x01, // initiate tag
                0xFF, 0xFF, 0xFF, 0xFF, // a_rwnd 2^32-1
                0xFF, 0xFF, 0x00, 0x01, // 65535 outbound, 1 inbound
                0x00, 0x00, 0x00, 0x00, // initial TSN 0
                0x80, 0x08, 0x00, 0x05, // Supported Extensions, Length 5
                0xC0, 0x00, 0x00, 0x00), // FORWARD-TSN, 3 bytes padding
            new InitChunk(
                1,
                0xFFFF_FFFFL,
                65535,
                1,
                0,
                List.of(new SupportedExtensionsParameter(List.of(0xC0))))),
        Arguments.of(
            bytes(
                0x02, 0x00, 0x00, 0x1C, // INIT ACK, Length 28
                0x55, 0x66, 0x77, 0x88, // initiate tag
                0x00, 0x00, 0x10, 0x00, // a_rwnd 4096
                0x00, 0x01, 0x00, 0x01, // 1 outbound, 1 inbound
                0x00, 0x00, 0x00, 0x64, // initial TSN 100
                0x00, 0x07, 0x00, 0x08, // State Cookie, Length 8
                0xC0, 0x0C, 0x1E, 0x00), // cookie
            new InitAckChunk(
                0x55667788,
                4096,
                1,
                1,
                100,
                List.of(new StateCookieParameter(Bytes.fromHex("c00c1e00"))))),
        Arguments.of(
            bytes(
                0x03, 0x00, 0x00, 0x1C, // SACK, Length 28 = 16 + 2 gaps + 1 dup
                0x00, 0x00, 0x00, 0x64, // cumulative TSN ack 100
                0x00, 0x00, 0xFF, 0xFF, // a_rwnd 65535
                0x00, 0x02, 0x00, 0x01, // 2 gap blocks, 1 duplicate
                0x00, 0x02, 0x00, 0x03, // gap 102..103
                0x00, 0x05, 0x00, 0x05, // gap 105..105
                0x00, 0x00, 0x00, 0x63), // duplicate TSN 99
            new SackChunk(
                100,
                65535,
                List.of(new SackChunk.GapAckBlock(2, 3), new SackChunk.GapAckBlock(5, 5)),
                List.of(99))),
        Arguments.of(
            bytes(
                0x04, 0x00, 0x00, 0x0C, // HEARTBEAT, Length 12
                0x00, 0x01, 0x00, 0x08, // Heartbeat Info, Length 8
                0xDE, 0xAD, 0xBE, 0xEF), // info
            HeartbeatChunk.of(Bytes.fromHex("deadbeef"))),
        Arguments.of(
            bytes(
                0x05, 0x00, 0x00, 0x0C, // HEARTBEAT ACK, Length 12
                0x00, 0x01, 0x00, 0x08, // Heartbeat Info, Length 8
                0xDE, 0xAD, 0xBE, 0xEF), // info, echoed
            HeartbeatAckChunk.of(Bytes.fromHex("deadbeef"))),
        Arguments.of(
            bytes(
                0x06, 0x01, 0x00, 0x0B, // ABORT, flags T, Length 11
                0x00, 0x0C, 0x00, 0x07, // User-Initiated Abort, Length 7
                'b', 'y', 'e', 0x00), // "bye", 1 byte padding
            new AbortChunk(true, List.of(new UserInitiatedAbortCause(Bytes.fromHex("627965"))))),
        Arguments.of(
            bytes(0x06, 0x00, 0x00, 0x04), // ABORT, no flags, no causes
            new AbortChunk(false, List.of())),
        Arguments.of(
            bytes(
                0x07, 0x00, 0x00, 0x08, // SHUTDOWN, Length 8
                0x00, 0x00, 0x00, 0x64), // cumulative TSN ack 100
            new ShutdownChunk(100)),
        Arguments.of(
            bytes(0x08, 0x00, 0x00, 0x04), // SHUTDOWN ACK, Length 4
            new ShutdownAckChunk()),
        Arguments.of(
            bytes(
                0x09, 0x00, 0x00, 0x14, // ERROR, Length 20
                0x00, 0x01, 0x00, 0x08, // Invalid Stream Identifier, Length 8
                0x00, 0x09, 0x00, 0x00, // stream 9
                0x00, 0x03, 0x00, 0x08, // Stale Cookie, Length 8
                0x00, 0x00, 0x03, 0xE8), // 1000 us
            new ErrorChunk(
                List.of(new InvalidStreamIdentifierCause(9), new StaleCookieCause(1000)))),
        Arguments.of(
            bytes(
                0x0A, 0x00, 0x00, 0x07, // COOKIE ECHO, Length 7
                0xC1, 0xC2, 0xC3, 0x00), // cookie, 1 byte padding
            new CookieEchoChunk(Bytes.fromHex("c1c2c3"))),
        Arguments.of(
            bytes(0x0B, 0x00, 0x00, 0x04), // COOKIE ACK, Length 4
            new CookieAckChunk()),
        Arguments.of(
            bytes(0x0E, 0x01, 0x00, 0x04), // SHUTDOWN COMPLETE, flags T, Length 4
            new ShutdownCompleteChunk(true)),
        Arguments.of(
            bytes(
                0x0F, 0x00, 0x00, 0x0E, // AUTH, Length 14
                0x00, 0x01, 0x00, 0x03, // shared key 1, HMAC SHA-256
                0x01, 0x02, 0x03, 0x04, // HMAC
                0x05, 0x06, 0x00, 0x00), // HMAC (end), 2 bytes padding
            new AuthChunk(1, 3, Bytes.fromHex("010203040506"))),
        Arguments.of(
            bytes(
                0x40, 0x03, 0x00, 0x17, // I-DATA, flags B|E, Length 23
                0x00, 0x00, 0x00, 0x2A, // TSN 42
                0x00, 0x03, 0x00, 0x00, // stream 3, reserved
                0x00, 0x00, 0x00, 0x09, // message identifier 9
                0x00, 0x00, 0x00, 0x35, // PPID 53 (first fragment)
                'x', 'y', 'z', 0x00), // user data, 1 byte padding
            new IDataChunk(false, false, true, true, 42, 3, 9, 53, Bytes.fromHex("78797a"))),
        Arguments.of(
            bytes(
                0x80, 0x00, 0x00, 0x1C, // ASCONF-ACK, Length 28
                0x00, 0x00, 0x00, 0x07, // serial number 7
                0xC0, 0x05, 0x00, 0x08, // Success Indication, Length 8
                0x00, 0x00, 0x00, 0x01, // correlation ID 1
                0xC0, 0x03, 0x00, 0x0C, // Error Cause Indication, Length 12
                0x00, 0x00, 0x00, 0x02, // correlation ID 2
                0x00, 0xA4, 0x00, 0x04), // cause No Authorization, Length 4
            new AsconfAckChunk(
                7,
                List.of(
                    new SuccessIndicationParameter(1),
                    new ErrorCauseIndicationParameter(
                        2, List.of(new NoAuthorizationCause(Bytes.EMPTY)))))),
        Arguments.of(
            bytes(
                0x82, 0x00, 0x00, 0x1A, // RE-CONFIG, Length 26
                0x00, 0x0D, 0x00, 0x16, // Outgoing SSN Reset Request, Length 22
                0x00, 0x00, 0x00, 0x01, // request sequence 1
                0x00, 0x00, 0x00, 0x00, // response sequence 0
                0x00, 0x00, 0x00, 0x63, // sender's last TSN 99
                0x00, 0x01, 0x00, 0x02, // streams 1, 2
                0x00, 0x03, 0x00, 0x00), // stream 3, 2 bytes padding
            new ReConfigChunk(
                List.of(new OutgoingSsnResetRequestParameter(1, 0, 99, List.of(1, 2, 3))))),
        Arguments.of(
            bytes(
                0x84, 0x00, 0x00, 0x06, // PAD, Length 6
                0x00, 0x00, 0x00, 0x00), // 2 padding data bytes, 2 bytes padding
            new PadChunk(Bytes.fromHex("0000"))),
        Arguments.of(
            bytes(
                0xC0, 0x00, 0x00, 0x10, // FORWARD-TSN, Length 16
                0x00, 0x00, 0x00, 0xC8, // new cumulative TSN 200
                0x00, 0x01, 0x00, 0x05, // stream 1, SSN 5
                0x00, 0x02, 0xFF, 0xFF), // stream 2, SSN 65535
            new ForwardTsnChunk(
                200,
                List.of(
                    new ForwardTsnChunk.StreamEntry(1, 5),
                    new ForwardTsnChunk.StreamEntry(2, 65535)))),
        Arguments.of(
            bytes(
                0xC1, 0x00, 0x00, 0x20, // ASCONF, Length 32
                0x00, 0x00, 0x00, 0x05, // serial number 5
                0x00, 0x05, 0x00, 0x08, // Address Parameter: IPv4 Address, Length 8
                10, 0, 0, 1, // 10.0.0.1
                0xC0, 0x01, 0x00, 0x10, // Add IP Address, Length 16
                0x00, 0x00, 0x00, 0x01, // correlation ID 1
                0x00, 0x05, 0x00, 0x08, // IPv4 Address, Length 8
                10, 0, 0, 2), // 10.0.0.2
            new AsconfChunk(
                5,
                new Ipv4AddressParameter(ParameterCodecTest.v4("10.0.0.1")),
                List.of(
                    new AddIpAddressParameter(
                        1, new Ipv4AddressParameter(ParameterCodecTest.v4("10.0.0.2")))))),
        Arguments.of(
            bytes(
                0xC2, 0x00, 0x00, 0x18, // I-FORWARD-TSN, Length 24
                0x00, 0x00, 0x01, 0x00, // new cumulative TSN 256
                0x00, 0x01, 0x00, 0x01, // stream 1, U
                0x00, 0x00, 0x00, 0x04, // message identifier 4
                0x00, 0x02, 0x00, 0x00, // stream 2, ordered
                0xFF, 0xFF, 0xFF, 0xFF), // message identifier 2^32-1
            new IForwardTsnChunk(
                256,
                List.of(
                    new IForwardTsnChunk.Entry(1, true, 4),
                    new IForwardTsnChunk.Entry(2, false, -1)))),
        Arguments.of(
            bytes(
                0x0C, 0x00, 0x00, 0x08, // ECNE (reserved: unknown), Length 8
                0x00, 0x00, 0x00, 0x01), // lowest TSN
            new UnknownChunk(12, 0, Bytes.fromHex("00000001"))),
        Arguments.of(
            bytes(
                0xFE, 0xA5, 0x00, 0x05, // unknown type 254, flags 0xA5, Length 5
                0x42, 0x00, 0x00, 0x00), // value 42, 3 bytes padding
            new UnknownChunk(254, 0xA5, Bytes.fromHex("42"))));
  }

  @ParameterizedTest
  @MethodSource("wellFormed")
  void decodesToTheRecordAndEncodesBackByteForByte(byte[] wire, Chunk expected) throws Exception {
    assertThat(decodeChunk(wire)).isEqualTo(expected);
    assertThat(encode(expected)).isEqualTo(wire);
    assertThat(expected.encodedLength()).isEqualTo((wire[2] & 0xFF) << 8 | (wire[3] & 0xFF));
    assertThat(expected.flags()).isEqualTo(wire[1] & 0xFF);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "DATA with Length 15",
            bytes(0x00, 0x03, 0x00, 0x0F, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0),
            Reason.TOO_SHORT_FOR_TYPE),
        Arguments.of(
            "I-DATA with Length 19",
            bytes(0x40, 0x03, 0x00, 0x13, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            Reason.TOO_SHORT_FOR_TYPE),
        Arguments.of(
            "INIT with Length 19",
            bytes(0x01, 0x00, 0x00, 0x13, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            Reason.TOO_SHORT_FOR_TYPE),
        Arguments.of(
            "INIT ACK with a bad parameter",
            bytes(
                0x02, 0x00, 0x00, 0x18, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0x00, 0x07,
                0x00, 0x02),
            Reason.PARAMETER_LENGTH_BELOW_4),
        Arguments.of(
            "SACK with Length 15",
            bytes(0x03, 0x00, 0x00, 0x0F, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0),
            Reason.TOO_SHORT_FOR_TYPE),
        Arguments.of(
            "SACK claiming 3 gaps with room for 2",
            bytes(
                0x03, 0x00, 0x00, 0x18, 0, 0, 0, 1, 0, 0, 0, 0, 0, 3, 0, 0, 0, 1, 0, 1, 0, 3, 0, 3),
            Reason.COUNT_MISMATCH),
        Arguments.of(
            "SACK claiming 65535 gaps and 65535 duplicates",
            bytes(0x03, 0x00, 0x00, 0x10, 0, 0, 0, 1, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF),
            Reason.COUNT_MISMATCH),
        Arguments.of(
            "SACK with 4 bytes more than its counts",
            bytes(0x03, 0x00, 0x00, 0x14, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9),
            Reason.COUNT_MISMATCH),
        Arguments.of(
            "SHUTDOWN with Length 12",
            bytes(0x07, 0x00, 0x00, 0x0C, 0, 0, 0, 1, 0, 0, 0, 0),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "SHUTDOWN with Length 4", bytes(0x07, 0x00, 0x00, 0x04), Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "SHUTDOWN ACK with a value",
            bytes(0x08, 0x00, 0x00, 0x08, 0, 0, 0, 0),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "COOKIE ACK with a value",
            bytes(0x0B, 0x00, 0x00, 0x05, 0, 0, 0, 0),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "SHUTDOWN COMPLETE with a value",
            bytes(0x0E, 0x00, 0x00, 0x08, 0, 0, 0, 0),
            Reason.BAD_LENGTH_FOR_TYPE),
        Arguments.of(
            "AUTH without HMAC identifier",
            bytes(0x0F, 0x00, 0x00, 0x06, 0, 1, 0, 0),
            Reason.TOO_SHORT_FOR_TYPE),
        Arguments.of(
            "ABORT with a cause past its end",
            bytes(0x06, 0x00, 0x00, 0x08, 0x00, 0x0C, 0x00, 0x10),
            Reason.CAUSE_PAST_CHUNK_END),
        Arguments.of(
            "FORWARD-TSN without new cumulative TSN",
            bytes(0xC0, 0x00, 0x00, 0x06, 0, 0, 0, 0),
            Reason.TOO_SHORT_FOR_TYPE),
        Arguments.of(
            "FORWARD-TSN with half a stream entry",
            bytes(0xC0, 0x00, 0x00, 0x0A, 0, 0, 0, 1, 0, 1, 0, 0),
            Reason.COUNT_MISMATCH),
        Arguments.of(
            "I-FORWARD-TSN with half an entry",
            bytes(0xC2, 0x00, 0x00, 0x0C, 0, 0, 0, 1, 0, 1, 0, 0),
            Reason.COUNT_MISMATCH),
        Arguments.of(
            "ASCONF without serial number",
            bytes(0xC1, 0x00, 0x00, 0x04),
            Reason.TOO_SHORT_FOR_TYPE),
        Arguments.of(
            "ASCONF without Address Parameter",
            bytes(0xC1, 0x00, 0x00, 0x08, 0, 0, 0, 1),
            Reason.TOO_SHORT_FOR_TYPE),
        Arguments.of(
            "ASCONF starting with a Success Indication",
            bytes(0xC1, 0x00, 0x00, 0x10, 0, 0, 0, 1, 0xC0, 0x05, 0x00, 0x08, 0, 0, 0, 1),
            Reason.ADDRESS_PARAMETER_EXPECTED),
        Arguments.of(
            "ASCONF-ACK without serial number",
            bytes(0x80, 0x00, 0x00, 0x06, 0, 0, 0, 0),
            Reason.TOO_SHORT_FOR_TYPE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void aBrokenLengthOrCountIsRefusedWithItsReason(String what, byte[] chunk, Reason reason) {
    assertThat(chunkFailure(chunk)).isEqualTo(reason);
  }

  @Test
  void iDataCarriesThePpidOnlyInTheFirstFragment() throws Exception {
    IDataChunk middle =
        (IDataChunk)
            decodeChunk(
                bytes(
                    0x40, 0x00, 0x00, 0x15, // I-DATA, no flags (middle fragment), Length 21
                    0x00, 0x00, 0x00, 0x2B, // TSN 43
                    0x00, 0x03, 0x00, 0x00, // stream 3, reserved
                    0x00, 0x00, 0x00, 0x09, // message identifier 9
                    0x00, 0x00, 0x00, 0x02, // fragment sequence number 2
                    0x01, 0x00, 0x00, 0x00)); // user data, 3 bytes padding
    assertThat(middle.ppid()).isEmpty();
    assertThat(middle.fragmentSequenceNumber()).isEqualTo(2);
    IDataChunk first = new IDataChunk(false, false, true, false, 42, 3, 9, 53, Bytes.fromHex("01"));
    assertThat(first.ppid()).isEqualTo(OptionalInt.of(53));
    assertThat(first.fragmentSequenceNumber()).isZero();
  }

  @Test
  void dataWithoutUserDataIsLeftToTheProtocolToAnswer() throws Exception {
    DataChunk empty =
        (DataChunk)
            decodeChunk(
                bytes(
                    0x00, 0x03, 0x00, 0x10, // DATA, B|E, Length 16
                    0x00, 0x00, 0x00, 0x01, // TSN 1
                    0x00, 0x00, 0x00, 0x00, // stream 0, SSN 0
                    0x00, 0x00, 0x00, 0x00)); // PPID 0
    assertThat(empty.userData().isEmpty()).isTrue();
  }

  @Test
  void reservedDataFlagsAreIgnoredOnReceipt() throws Exception {
    DataChunk data =
        (DataChunk)
            decodeChunk(
                bytes(
                    0x00, 0xF3, 0x00, 0x11, // DATA, reserved bits 0xF0 and B|E, Length 17
                    0x00, 0x00, 0x00, 0x01, // TSN 1
                    0x00, 0x00, 0x00, 0x00, // stream 0, SSN 0
                    0x00, 0x00, 0x00, 0x00, // PPID 0
                    0x61, 0x00, 0x00, 0x00)); // "a", 3 bytes padding
    assertThat(data.flags()).isEqualTo(0x03);
  }

  @Test
  void unknownChunksTellTheirActionFromTheHighBits() {
    assertThat(new UnknownChunk(0x0C, 0, Bytes.EMPTY).action()).isEqualTo(UnrecognizedAction.STOP);
    assertThat(new UnknownChunk(0x4F, 0, Bytes.EMPTY).action())
        .isEqualTo(UnrecognizedAction.STOP_AND_REPORT);
    assertThat(new UnknownChunk(0x81, 0, Bytes.EMPTY).action()).isEqualTo(UnrecognizedAction.SKIP);
    assertThat(new UnknownChunk(0xFE, 0, Bytes.EMPTY).action())
        .isEqualTo(UnrecognizedAction.SKIP_AND_REPORT);
    assertThat(new UnknownChunk(0x4F, 0x01, Bytes.fromHex("99")).toTlv())
        .isEqualTo(Bytes.fromHex("4f010005 99"));
  }

  @Test
  void initAckFindsItsCookieAndAddresses() throws Exception {
    InitAckChunk ack =
        new InitAckChunk(
            1,
            1500,
            1,
            1,
            1,
            List.of(
                new Ipv4AddressParameter(ParameterCodecTest.v4("192.0.2.7")),
                new StateCookieParameter(Bytes.fromHex("0badc0de")),
                new Ipv6AddressParameter(ParameterCodecTest.v6("2001:db8::7"))));
    assertThat(ack.stateCookie()).contains(Bytes.fromHex("0badc0de"));
    assertThat(ack.addresses())
        .containsExactly(InetAddress.getByName("192.0.2.7"), InetAddress.getByName("2001:db8::7"));
    assertThat(ack.parameter(CookiePreservativeParameter.class)).isEmpty();
    assertThat(new InitAckChunk(1, 1500, 1, 1, 1, List.of()).stateCookie()).isEmpty();
  }

  @Test
  void constructorsRefuseValuesTheWireCannotCarry() {
    assertThatThrownBy(() -> new DataChunk(false, false, true, true, 1, 65536, 0, 0, Bytes.EMPTY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("streamId");
    assertThatThrownBy(
            () -> new DataChunk(false, false, true, true, 1, 0, 0, 0, Bytes.wrap(new byte[65520])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16-bit Length");
    assertThatThrownBy(() -> new SackChunk(1, -1, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("advertisedReceiverWindowCredit");
    assertThatThrownBy(() -> new AsconfChunk(1, new SuccessIndicationParameter(1), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IPv4 or IPv6");
    assertThatThrownBy(() -> new UnknownChunk(256, 0, Bytes.EMPTY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("type");
  }
}
