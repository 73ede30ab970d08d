package org.jsctp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PacketBuilderTest {

  private static DataChunk data(int tsn, int payloadLength) {
    return new DataChunk(
        false, false, true, true, tsn, 0, 0, 0, Bytes.wrap(new byte[payloadLength]));
  }

  private static final SackChunk SACK = new SackChunk(1, 65536, List.of(), List.of());
  private static final InitChunk INIT = new InitChunk(1, 65536, 1, 1, 1, List.of());

  private static List<Chunk> chunksOf(byte[] packet) throws WireFormatException {
    return SctpPacket.decode(packet).chunks();
  }

  @Test
  void putsControlChunksBeforeDataWhateverTheAddOrder() throws Exception {
    PacketBuilder builder = new PacketBuilder(1200);
    builder.add(data(10, 100));
    builder.add(SACK);
    builder.add(data(11, 100));
    HeartbeatChunk heartbeat = HeartbeatChunk.of(Bytes.fromHex("01"));
    builder.add(heartbeat);
    assertThat(chunksOf(builder.build(1, 2, 3)))
        .containsExactly(SACK, heartbeat, data(10, 100), data(11, 100));
  }

  @Test
  void putsCookieEchoFirstEvenWhenAddedLast() throws Exception {
    PacketBuilder builder = new PacketBuilder(1200);
    builder.add(data(1, 10));
    builder.add(SACK);
    CookieEchoChunk echo = new CookieEchoChunk(Bytes.fromHex("c0c0"));
    assertThat(builder.add(echo)).isTrue();
    assertThat(builder.add(new CookieEchoChunk(Bytes.fromHex("c1")))).isFalse();
    assertThat(chunksOf(builder.build(1, 2, 3))).containsExactly(echo, SACK, data(1, 10));
  }

  @Test
  void putsCookieAckFirstToo() throws Exception {
    PacketBuilder builder = new PacketBuilder(1200);
    builder.add(SACK);
    builder.add(new CookieAckChunk());
    assertThat(chunksOf(builder.build(1, 2, 3))).containsExactly(new CookieAckChunk(), SACK);
  }

  @Test
  void acceptsDataExactlyWhereAddWouldTakeIt() {
    List<Chunk> refusing = List.of(INIT, new ShutdownCompleteChunk(false),
        new AbortChunk(false, List.of()), new ShutdownChunk(1), new ShutdownAckChunk());
    for (Chunk first : refusing) {
      PacketBuilder builder = new PacketBuilder(1200);
      assertThat(builder.acceptsData()).isTrue();
      builder.add(first);
      assertThat(builder.acceptsData()).as("after %s", first).isFalse();
      assertThat(builder.add(data(1, 1))).isFalse();
    }
    PacketBuilder builder = new PacketBuilder(1200);
    builder.add(SACK);
    builder.add(new CookieAckChunk());
    assertThat(builder.acceptsData()).isTrue();
    assertThat(builder.add(data(1, 1))).isTrue();
  }

  @Test
  void keepsInitInitAckAndShutdownCompleteAlone() {
    PacketBuilder builder = new PacketBuilder(1200);
    assertThat(builder.add(INIT)).isTrue();
    assertThat(builder.add(SACK)).isFalse();
    assertThat(builder.add(data(1, 1))).isFalse();
    builder.reset();
    builder.add(SACK);
    assertThat(builder.add(new InitAckChunk(1, 65536, 1, 1, 1, List.of()))).isFalse();
    assertThat(builder.add(new ShutdownCompleteChunk(false))).isFalse();
    assertThat(builder.chunkCount()).isEqualTo(1);
  }

  @Test
  void refusesDataWithAbortShutdownOrShutdownAck() {
    PacketBuilder builder = new PacketBuilder(1200);
    builder.add(new ShutdownChunk(5));
    assertThat(builder.add(data(1, 1))).isFalse();
    builder.reset();
    builder.add(data(1, 1));
    assertThat(builder.add(new ShutdownAckChunk())).isFalse();
    assertThat(builder.add(new AbortChunk(false, List.of()))).isFalse();
    assertThat(builder.add(new ShutdownChunk(5))).isFalse();
  }

  @Test
  void acceptsNothingAfterAnAbort() throws Exception {
    PacketBuilder builder = new PacketBuilder(1200);
    builder.add(SACK);
    builder.add(new AbortChunk(false, List.of()));
    assertThat(builder.add(new ErrorChunk(List.of()))).isFalse();
    assertThat(builder.add(new CookieAckChunk())).isFalse();
    assertThat(chunksOf(builder.build(1, 2, 3)))
        .containsExactly(SACK, new AbortChunk(false, List.of()));
  }

  @Test
  void countsPaddingAgainstTheLimitAndNeverExceedsIt() throws Exception {
    PacketBuilder builder = new PacketBuilder(12 + 20 + 20);
    assertThat(builder.add(data(1, 1))).isTrue(); // Length 17, padded 20
    assertThat(builder.remaining()).isEqualTo(20);
    assertThat(builder.fits(17)).isTrue();
    assertThat(builder.fits(21)).isFalse();
    assertThat(builder.add(data(2, 5))).isFalse(); // Length 21, padded 24
    assertThat(builder.add(data(2, 4))).isTrue(); // Length 20
    assertThat(builder.remaining()).isZero();
    assertThat(builder.size()).isEqualTo(52);
    byte[] packet = builder.build(1, 2, 3);
    assertThat(packet).hasSize(52);
    assertThat(chunksOf(packet)).hasSize(2);
  }

  @Test
  void fillsAnMtuWithDataExactlyAndNeverBeyond() throws Exception {
    PacketBuilder builder = new PacketBuilder(1452);
    int tsn = 0;
    while (builder.add(data(tsn, 97))) {
      tsn++;
    }
    byte[] packet = builder.build(1, 2, 3);
    assertThat(packet.length).isLessThanOrEqualTo(1452).isGreaterThan(1452 - 116);
    assertThat(chunksOf(packet)).hasSize(tsn);
  }

  @Test
  void buildingEmptiesTheBuilderForTheNextPacket() throws Exception {
    PacketBuilder builder = new PacketBuilder(1200);
    builder.add(INIT);
    byte[] first = builder.build(5000, 5001, 0);
    assertThat(builder.isEmpty()).isTrue();
    assertThat(builder.size()).isEqualTo(12);
    assertThat(builder.add(SACK)).isTrue();
    SctpPacket second = SctpPacket.decode(builder.build(5000, 5001, 7));
    assertThat(second.header().verificationTag()).isEqualTo(7);
    assertThat(SctpPacket.decode(first).header().verificationTag()).isZero();
  }

  @Test
  void refusesToBuildAnEmptyPacketOrUseBadArguments() {
    assertThatThrownBy(() -> new PacketBuilder(1200).build(1, 2, 3))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new PacketBuilder(15)).isInstanceOf(IllegalArgumentException.class);
    PacketBuilder builder = new PacketBuilder(1200);
    builder.add(SACK);
    assertThatThrownBy(() -> builder.build(0, 2, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Authenticates the given types with an AUTH chunk whose "HMAC" is the covered length. */
  private static ChunkAuthenticator authenticating(Integer... types) {
    return new ChunkAuthenticator() {
      @Override
      public boolean requires(int chunkType) {
        return List.of(types).contains(chunkType);
      }

      @Override
      public AuthChunk template() {
        return new AuthChunk(0, 1, Bytes.wrap(new byte[20]));
      }

      @Override
      public void sign(byte[] packet, int authOffset, int length) {
        packet[authOffset + 8] = (byte) (length - authOffset);
      }
    };
  }

  @Test
  void rfc4895_6_2_anAuthChunkLeadsThePacketOnceAChunkNeedsItAndCoversEverythingAfter()
      throws Exception {
    PacketBuilder builder = new PacketBuilder(1200, authenticating(ChunkType.DATA));
    builder.add(SACK);
    assertThat(builder.authenticated()).isFalse();
    builder.add(data(1, 10));
    assertThat(builder.authenticated()).isTrue();
    List<Chunk> chunks = chunksOf(builder.build(1, 2, 3));
    assertThat(chunks).hasSize(3);
    AuthChunk auth = (AuthChunk) chunks.get(0);
    assertThat(chunks.subList(1, 3)).containsExactly(SACK, data(1, 10));
    assertThat(auth.hmac().get(0)).as("covered bytes").isEqualTo(28 + 16 + 28);
  }

  @Test
  void rfc4895_6_2_aCookieEchoThatNeedsNoAuthPrecedesTheAuthChunk() throws Exception {
    CookieEchoChunk echo = new CookieEchoChunk(Bytes.fromHex("c0c0"));
    PacketBuilder builder = new PacketBuilder(1200, authenticating(ChunkType.DATA));
    builder.add(data(1, 10));
    builder.add(echo);
    List<Chunk> chunks = chunksOf(builder.build(1, 2, 3));
    assertThat(chunks.get(0)).isEqualTo(echo);
    assertThat(chunks.get(1)).isInstanceOf(AuthChunk.class);
    assertThat(chunks.get(2)).isEqualTo(data(1, 10));
  }

  @Test
  void rfc4895_6_2_aCookieEchoThatNeedsAuthFollowsIt() throws Exception {
    CookieEchoChunk echo = new CookieEchoChunk(Bytes.fromHex("c0c0"));
    PacketBuilder builder = new PacketBuilder(1200, authenticating(ChunkType.COOKIE_ECHO));
    builder.add(echo);
    builder.add(SACK);
    List<Chunk> chunks = chunksOf(builder.build(1, 2, 3));
    assertThat(chunks.get(0)).isInstanceOf(AuthChunk.class);
    assertThat(chunks.subList(1, 3)).containsExactly(echo, SACK);
  }

  @Test
  void rfc4895_6_2_theAuthChunkCountsAgainstTheSizeOnlyForChunksThatNeedIt() {
    PacketBuilder builder = new PacketBuilder(12 + 28 + 20, authenticating(ChunkType.SACK));
    assertThat(builder.remaining()).isEqualTo(48);
    assertThat(builder.remaining(ChunkType.DATA)).isEqualTo(48);
    assertThat(builder.remaining(ChunkType.SACK)).isEqualTo(20);
    assertThat(builder.fits(ChunkType.DATA, 48)).isTrue();
    assertThat(builder.fits(ChunkType.SACK, 21)).isFalse();
    assertThat(builder.add(new SackChunk(1, 65536, List.of(new SackChunk.GapAckBlock(2, 3),
        new SackChunk.GapAckBlock(5, 6)), List.of()))).isFalse();
    assertThat(builder.add(SACK)).isTrue();
    assertThat(builder.size()).isEqualTo(12 + 28 + 16);
    assertThat(builder.remaining(ChunkType.SACK)).isEqualTo(4);
  }

  @Test
  void replacesAControlChunkInItsPlaceWhenThePacketStillFits() throws Exception {
    HeartbeatChunk heartbeat = HeartbeatChunk.of(Bytes.fromHex("01"));
    SackChunk small = new SackChunk(1, 65536, List.of(), List.of());
    SackChunk larger = new SackChunk(5, 65536, List.of(new SackChunk.GapAckBlock(2, 3)),
        List.of());
    int grown = larger.paddedLength() - small.paddedLength();
    PacketBuilder builder = new PacketBuilder(12 + heartbeat.paddedLength()
        + small.paddedLength() + data(10, 4).paddedLength() + grown);
    builder.add(heartbeat);
    builder.add(small);
    builder.add(data(10, 4));
    assertThat(builder.remaining()).isEqualTo(grown).isPositive();

    assertThat(builder.replace(SACK, larger)).as("not the chunk added, though equal").isFalse();
    assertThat(builder.replace(small, larger)).isTrue();

    assertThat(builder.remaining()).isZero();
    assertThat(chunksOf(builder.build(1, 2, 3))).containsExactly(heartbeat, larger, data(10, 4));
  }

  @Test
  void refusesAReplacementThatNoLongerFitsOrIsOfAnotherType() throws Exception {
    SackChunk small = new SackChunk(1, 65536, List.of(), List.of());
    SackChunk larger = new SackChunk(5, 65536, List.of(new SackChunk.GapAckBlock(2, 3)),
        List.of());
    PacketBuilder builder = new PacketBuilder(12 + larger.paddedLength() - 1);
    builder.add(small);

    assertThat(builder.replace(small, larger)).isFalse();
    assertThatThrownBy(() -> builder.replace(small, new ShutdownChunk(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.replace(small, data(1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.replace(small, HeartbeatChunk.of(Bytes.fromHex("01"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(builder.size()).isEqualTo(12 + small.paddedLength());
    assertThat(chunksOf(builder.build(1, 2, 3))).containsExactly(small);
  }

  @Test
  void replacingASackKeepsTheAuthChunkItNeeds() throws Exception {
    SackChunk larger = new SackChunk(5, 65536, List.of(new SackChunk.GapAckBlock(2, 3)),
        List.of());
    PacketBuilder builder = new PacketBuilder(1200, authenticating(ChunkType.SACK));
    builder.add(SACK);
    builder.add(data(1, 10));
    int size = builder.size();

    assertThat(builder.replace(SACK, larger)).isTrue();

    assertThat(builder.size()).isEqualTo(size + larger.paddedLength() - SACK.paddedLength());
    List<Chunk> chunks = chunksOf(builder.build(1, 2, 3));
    assertThat(chunks.get(0)).isInstanceOf(AuthChunk.class);
    assertThat(chunks.subList(1, 3)).containsExactly(larger, data(1, 10));
  }
}
