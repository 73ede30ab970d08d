package org.jsctp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jsctp.wire.WireTestSupport.bytes;
import static org.jsctp.wire.WireTestSupport.concat;
import static org.jsctp.wire.WireTestSupport.failure;
import static org.jsctp.wire.WireTestSupport.packetOf;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.jsctp.wire.WireFormatException.Reason;
import org.junit.jupiter.api.Test;

/** The packet level: common header, chunk walking, padding and checksum. */
class SctpPacketTest {

  private static final byte[] COOKIE_ACK = bytes(0x0B, 0x00, 0x00, 0x04);

  @Test
  void decodesTheCommonHeader() throws Exception {
    byte[] wire =
        concat(
            bytes(
                0x13, 0x88, 0xFF, 0xFF, // source port 5000, destination port 65535
                0xCA, 0xFE, 0xBA, 0xBE, // verification tag
                0x00, 0x00, 0x00, 0x00), // checksum, filled in below
            COOKIE_ACK);
    Crc32c.write(wire, 0, wire.length);
    SctpPacket packet = SctpPacket.decode(wire);
    assertThat(packet.header())
        .isEqualTo(new CommonHeader(5000, 65535, 0xCAFEBABE, Crc32c.compute(wire, 0, wire.length)));
    assertThat(packet.chunks()).containsExactly(new CookieAckChunk());
    assertThat(packet.encode()).isEqualTo(wire);
  }

  @Test
  void fewerThanTwelveBytesAreATruncatedHeader() {
    assertThat(failure(new byte[11])).isEqualTo(Reason.TRUNCATED_HEADER);
    assertThat(failure(new byte[0])).isEqualTo(Reason.TRUNCATED_HEADER);
  }

  @Test
  void aWrongChecksumIsReportedBeforeAnythingElse() {
    byte[] wire = packetOf(bytes(0x07, 0x00, 0x00, 0x02)); // SHUTDOWN with Length 2
    wire[8] ^= 1;
    assertThat(failure(wire)).isEqualTo(Reason.BAD_CHECKSUM);
  }

  @Test
  void decodeUncheckedIgnoresTheChecksum() throws Exception {
    byte[] wire = packetOf(COOKIE_ACK);
    wire[9] ^= 0x55;
    assertThat(SctpPacket.decodeUnchecked(wire).chunks()).containsExactly(new CookieAckChunk());
  }

  @Test
  void portZeroIsRefusedOnEitherSide() {
    byte[] source = packetOf(COOKIE_ACK);
    source[0] = 0;
    source[1] = 0;
    Crc32c.write(source, 0, source.length);
    byte[] destination = packetOf(COOKIE_ACK);
    destination[2] = 0;
    destination[3] = 0;
    Crc32c.write(destination, 0, destination.length);
    assertThat(failure(source)).isEqualTo(Reason.ZERO_PORT);
    assertThat(failure(destination)).isEqualTo(Reason.ZERO_PORT);
  }

  @Test
  void aHeaderWithoutChunksIsRefused() {
    assertThat(failure(packetOf())).isEqualTo(Reason.NO_CHUNKS);
  }

  @Test
  void aChunkLengthBelowFourIsRefusedRatherThanLoopingForever() {
    assertThat(failure(packetOf(bytes(0x0B, 0x00, 0x00, 0x00))))
        .isEqualTo(Reason.CHUNK_LENGTH_BELOW_4);
    assertThat(failure(packetOf(bytes(0x0B, 0x00, 0x00, 0x03))))
        .isEqualTo(Reason.CHUNK_LENGTH_BELOW_4);
  }

  @Test
  void aChunkLongerThanThePacketIsRefused() {
    assertThat(
            failure(
                packetOf(
                    bytes(
                        0x0A, 0x00, 0x00, 0x0C, // COOKIE ECHO, Length 12
                        0x01, 0x02, 0x03, 0x04)))) // only 4 of its 8 value bytes
        .isEqualTo(Reason.CHUNK_PAST_PACKET_END);
  }

  @Test
  void strayBytesAfterTheLastChunkAreAPartialChunk() {
    assertThat(failure(packetOf(COOKIE_ACK, bytes(0x00, 0x00))))
        .isEqualTo(Reason.CHUNK_PAST_PACKET_END);
  }

  @Test
  void aPacketEndingInsideTheLastChunksPaddingIsRefused() {
    assertThat(
            failure(
                packetOf(
                    bytes(
                        0x0A, 0x00, 0x00, 0x05, // COOKIE ECHO, Length 5
                        0x01)))) // cookie, and no padding
        .isEqualTo(Reason.BAD_PADDING);
  }

  @Test
  void nonZeroChunkPaddingIsIgnoredAndWrittenAsZero() throws Exception {
    byte[] wire =
        packetOf(
            bytes(
                0x0A, 0x00, 0x00, 0x05, // COOKIE ECHO, Length 5
                0x01, 0xEE, 0xEE, 0xEE), // cookie 01, 3 bytes of non-zero padding
            COOKIE_ACK);
    SctpPacket packet = SctpPacket.decode(wire);
    assertThat(packet.chunks())
        .containsExactly(new CookieEchoChunk(Bytes.fromHex("01")), new CookieAckChunk());
    assertThat(Arrays.copyOfRange(packet.encode(), 17, 20)).containsOnly(0);
  }

  @Test
  void chunksAfterAnUnknownStopChunkAreStillDecoded() throws Exception {
    SctpPacket packet =
        SctpPacket.decode(
            packetOf(
                bytes(0x3F, 0x00, 0x00, 0x04), // unknown type 63: stop, no report
                COOKIE_ACK));
    assertThat(packet.chunks()).hasSize(2);
    assertThat(((UnknownChunk) packet.chunks().get(0)).action()).isEqualTo(UnrecognizedAction.STOP);
  }

  @Test
  void theMessageNamesTheChunkAndItsOffset() {
    byte[] wire = packetOf(COOKIE_ACK, bytes(0x07, 0x00, 0x00, 0x0C, 0, 0, 0, 1, 0, 0, 0, 0));
    WireFormatException e =
        catchThrowableOfType(WireFormatException.class, () -> SctpPacket.decode(wire));
    assertThat(e.reason()).isEqualTo(Reason.BAD_LENGTH_FOR_TYPE);
    assertThat(e.getMessage()).contains("SHUTDOWN at offset 16");
  }

  @Test
  void decodesFromPartOfALargerArrayAndFromAByteBufferWithoutMovingIt() throws Exception {
    byte[] wire = packetOf(COOKIE_ACK);
    byte[] larger = concat(bytes(9, 9, 9), wire, bytes(9));
    assertThat(SctpPacket.decode(larger, 3, wire.length).chunks())
        .containsExactly(new CookieAckChunk());
    ByteBuffer heap = ByteBuffer.wrap(larger, 3, wire.length);
    assertThat(SctpPacket.decode(heap).chunks()).containsExactly(new CookieAckChunk());
    assertThat(heap.position()).isEqualTo(3);
    ByteBuffer direct = ByteBuffer.allocateDirect(wire.length).put(wire).flip();
    assertThat(SctpPacket.decode(direct).chunks()).containsExactly(new CookieAckChunk());
    assertThat(direct.position()).isZero();
    assertThat(SctpPacket.decodeUnchecked(heap.asReadOnlyBuffer()).chunks()).hasSize(1);
  }

  @Test
  void decodedUserDataSharesTheInputArray() throws Exception {
    byte[] wire =
        packetOf(
            bytes(
                0x00, 0x03, 0x00, 0x11, // DATA, B|E, Length 17
                0x00, 0x00, 0x00, 0x01, // TSN 1
                0x00, 0x00, 0x00, 0x00, // stream 0, SSN 0
                0x00, 0x00, 0x00, 0x00, // PPID 0
                0x61, 0x00, 0x00, 0x00)); // "a", 3 bytes padding
    DataChunk data = (DataChunk) SctpPacket.decode(wire).chunks().get(0);
    wire[28] = 0x62;
    assertThat(data.userData().get(0)).isEqualTo(0x62);
  }

  @Test
  void encodingComputesTheChecksumWhateverTheHeaderSays() throws Exception {
    SctpPacket packet =
        new SctpPacket(new CommonHeader(1, 2, 3, 0x12345678), List.of(new CookieAckChunk()));
    byte[] wire = packet.encode();
    assertThat(wire).hasSize(packet.encodedLength()).hasSize(16);
    assertThat(Crc32c.verify(wire, 0, wire.length)).isTrue();
    assertThat(SctpPacket.decode(wire).chunks()).isEqualTo(packet.chunks());
  }
}
