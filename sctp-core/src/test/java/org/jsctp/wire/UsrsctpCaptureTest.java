package org.jsctp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.wire.WireTestSupport.resourceHex;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real usrsctp 0.9.5 packets (see captures/README.md): decoded, checked field by field, re-encoded
 * byte for byte.
 */
class UsrsctpCaptureTest {

  private static final int CLIENT_TAG = 0x42286318;
  private static final int SERVER_TAG = 0xbdab2324;

  private static SctpPacket decode(String name) throws Exception {
    return SctpPacket.decode(resourceHex("captures/" + name + ".hex"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "init",
        "init-ack",
        "cookie-echo",
        "cookie-ack",
        "heartbeat",
        "heartbeat-ack",
        "data",
        "sack",
        "sack-data-bundle",
        "data-bundle",
        "shutdown",
        "shutdown-ack",
        "shutdown-complete"
      })
  void everyCapturedPacketReencodesByteForByte(String name) throws Exception {
    byte[] wire = resourceHex("captures/" + name + ".hex");
    SctpPacket packet = SctpPacket.decode(wire);
    assertThat(packet.encode()).isEqualTo(wire);
    assertThat(packet.header().checksum()).isEqualTo(Crc32c.compute(wire, 0, wire.length));
  }

  @Test
  void initCarriesTheClientsTagStreamsAndExtensions() throws Exception {
    SctpPacket packet = decode("init");
    assertThat(packet.header())
        .extracting(
            CommonHeader::sourcePort, CommonHeader::destinationPort, CommonHeader::verificationTag)
        .containsExactly(0xfb1f, 7, 0);
    InitChunk init = (InitChunk) packet.chunks().get(0);
    assertThat(init.initiateTag()).isEqualTo(CLIENT_TAG);
    assertThat(init.advertisedReceiverWindowCredit()).isEqualTo(131072);
    assertThat(init.outboundStreams()).isEqualTo(10);
    assertThat(init.inboundStreams()).isEqualTo(2048);
    assertThat(init.initialTsn()).isEqualTo(0x15c9a95f);
    assertThat(init.parameter(SupportedExtensionsParameter.class).orElseThrow().chunkTypes())
        .containsExactly(
            ChunkType.FORWARD_TSN,
            ChunkType.AUTH,
            ChunkType.ASCONF,
            ChunkType.ASCONF_ACK,
            ChunkType.RE_CONFIG);
    assertThat(init.parameter(ForwardTsnSupportedParameter.class)).isPresent();
    assertThat(init.parameter(RandomParameter.class).orElseThrow().random().length()).isEqualTo(32);
    assertThat(init.parameter(HmacAlgorithmParameter.class).orElseThrow().hmacIds())
        .containsExactly(1);
    assertThat(init.parameter(ChunkListParameter.class).orElseThrow().chunkTypes())
        .containsExactly(ChunkType.ASCONF_ACK, ChunkType.ASCONF);
    assertThat(init.parameter(SupportedAddressTypesParameter.class).orElseThrow().addressTypes())
        .containsExactly(5, 6);
    assertThat(init.addresses())
        .containsExactly(InetAddress.getByName("::1"), InetAddress.getByName("127.0.0.1"));
    assertThat(init.unknownParameters())
        .extracting(UnknownParameter::type)
        .containsExactly(ParameterType.ECN_CAPABLE);
  }

  @Test
  void initAckCarriesTheServersTagAndAStateCookie() throws Exception {
    SctpPacket packet = decode("init-ack");
    assertThat(packet.header().verificationTag()).isEqualTo(CLIENT_TAG);
    InitAckChunk ack = (InitAckChunk) packet.chunks().get(0);
    assertThat(ack.initiateTag()).isEqualTo(SERVER_TAG);
    assertThat(ack.initialTsn()).isEqualTo(0xc466a8aa);
    assertThat(ack.stateCookie())
        .hasValueSatisfying(cookie -> assertThat(cookie.length()).isGreaterThan(100));
  }

  @Test
  void cookieEchoReturnsTheInitAcksCookieUnchanged() throws Exception {
    Bytes cookie = ((InitAckChunk) decode("init-ack").chunks().get(0)).stateCookie().orElseThrow();
    SctpPacket echo = decode("cookie-echo");
    assertThat(echo.header().verificationTag()).isEqualTo(SERVER_TAG);
    assertThat(echo.chunks()).containsExactly(new CookieEchoChunk(cookie));
    assertThat(decode("cookie-ack").chunks()).containsExactly(new CookieAckChunk());
  }

  @Test
  void heartbeatAckEchoesTheHeartbeatInfo() throws Exception {
    HeartbeatChunk heartbeat = (HeartbeatChunk) decode("heartbeat").chunks().get(0);
    HeartbeatAckChunk ack = (HeartbeatAckChunk) decode("heartbeat-ack").chunks().get(0);
    assertThat(heartbeat.info())
        .hasValueSatisfying(info -> assertThat(info.length()).isEqualTo(36));
    assertThat(ack.parameters()).isEqualTo(heartbeat.parameters());
  }

  @Test
  void dataCarriesTheFirstLineOnStreamZero() throws Exception {
    DataChunk data = (DataChunk) decode("data").chunks().get(0);
    assertThat(data)
        .extracting(
            DataChunk::tsn,
            DataChunk::streamId,
            DataChunk::streamSequenceNumber,
            DataChunk::payloadProtocolId,
            DataChunk::beginning,
            DataChunk::ending,
            DataChunk::unordered)
        .containsExactly(0x15c9a95f, 0, 0, 0, true, true, false);
    assertThat(new String(data.userData().toByteArray(), StandardCharsets.US_ASCII))
        .isEqualTo("hello\n");
    assertThat(data.encodedLength()).isEqualTo(22);
  }

  @Test
  void sackAcknowledgesWithoutGapsOrDuplicates() throws Exception {
    SackChunk sack = (SackChunk) decode("sack").chunks().get(0);
    assertThat(sack.cumulativeTsnAck()).isEqualTo(0x15c9a95f);
    assertThat(sack.advertisedReceiverWindowCredit()).isEqualTo(131072);
    assertThat(sack.gapAckBlocks()).isEmpty();
    assertThat(sack.duplicateTsns()).isEmpty();
  }

  @Test
  void sackAndDataShareOnePacketWithTheSackFirst() throws Exception {
    List<Chunk> chunks = decode("sack-data-bundle").chunks();
    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(0)).isInstanceOf(SackChunk.class);
    DataChunk data = (DataChunk) chunks.get(1);
    assertThat(new String(data.userData().toByteArray(), StandardCharsets.US_ASCII))
        .isEqualTo("second line\n");
  }

  @Test
  void fifteenWholeMessagesShareOnePacketWithConsecutiveTsnsAndSsns() throws Exception {
    List<Chunk> chunks = decode("data-bundle").chunks();
    assertThat(chunks).hasSize(15).allSatisfy(c -> assertThat(c).isInstanceOf(DataChunk.class));
    for (int i = 0; i < chunks.size(); i++) {
      DataChunk data = (DataChunk) chunks.get(i);
      assertThat(data.tsn()).isEqualTo(0x15c9a962 + 1 + i);
      assertThat(data.streamSequenceNumber()).isEqualTo(4 + i);
      assertThat(data.beginning() && data.ending()).isTrue();
      assertThat(data.encodedLength()).isEqualTo(95);
      assertThat(data.paddedLength()).isEqualTo(96);
    }
  }

  @Test
  void shutdownSequenceDecodes() throws Exception {
    assertThat(decode("shutdown").chunks()).containsExactly(new ShutdownChunk(0xc466a8d2));
    assertThat(decode("shutdown-ack").chunks()).containsExactly(new ShutdownAckChunk());
    assertThat(decode("shutdown-complete").chunks())
        .containsExactly(new ShutdownCompleteChunk(false));
  }
}
