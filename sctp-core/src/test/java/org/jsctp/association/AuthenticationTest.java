package org.jsctp.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jsctp.wire.AuthChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.PacketBuilder;
import org.jsctp.wire.SctpPacket;
import org.junit.jupiter.api.Test;

/**
 * The AUTH key schedule and HMAC (RFC 4895 sections 6.1 to 6.3) against values computed by hand
 * with openssl: {@code openssl dgst -sha256 -mac HMAC -macopt hexkey:<key>} over the AUTH chunk
 * with its HMAC zeroed followed by the DATA chunk below.
 */
class AuthenticationTest {

  /** Ours: Random of 32 x 01, Chunk List {DATA, SACK}, HMAC-ALGO {SHA-1}: 48 bytes of vector. */
  static final AuthParameters LOCAL = new AuthParameters(Bytes.wrap(fill(0x01)),
      List.of(ChunkType.DATA, ChunkType.SACK), List.of(1));
  /** The peer's: Random of 32 x 02, no Chunk List, HMAC-ALGO {SHA-256, SHA-1}: 44 bytes. */
  static final AuthParameters PEER = new AuthParameters(Bytes.wrap(fill(0x02)), null,
      List.of(3, 1));

  static final String LOCAL_VECTOR = "80020024" + "01".repeat(32) + "80030006" + "0003"
      + "80040006" + "0001";
  static final String PEER_VECTOR = "80020024" + "02".repeat(32) + "80040008" + "00030001";

  /** "hello" on stream 0, TSN 7, B and E set: Length 21, padded to 24. */
  static final DataChunk HELLO = new DataChunk(false, false, true, true, 7, 0, 0, 0,
      Bytes.wrap("hello".getBytes(StandardCharsets.US_ASCII)));

  static byte[] fill(int value) {
    byte[] b = new byte[32];
    Arrays.fill(b, (byte) value);
    return b;
  }

  static SharedKeys keys() {
    SharedKeys keys = new SharedKeys();
    keys.set(1, "abcd".getBytes(StandardCharsets.US_ASCII));
    return keys;
  }

  @Test
  void rfc4895_6_1_theKeyVectorIsRandomChunkListAndHmacAlgoWithoutPadding() {
    assertThat(Bytes.wrap(LOCAL.keyVector()).toHex()).isEqualTo(LOCAL_VECTOR);
    assertThat(Bytes.wrap(PEER.keyVector()).toHex()).isEqualTo(PEER_VECTOR);
  }

  @Test
  void rfc4895_6_2_theShorterKeyVectorIsTheSmallerNumberAndGoesFirst() {
    // Byte by byte ours is smaller (01 < 02), but as a number the peer's 44 bytes are.
    SharedKeys keys = keys();
    Authentication auth = Authentication.negotiate(LOCAL, PEER, keys);
    byte[] key = Authentication.associationKey(keys.key(1), PEER.keyVector(), LOCAL.keyVector());
    assertThat(Bytes.wrap(key).toHex()).isEqualTo("61626364" + PEER_VECTOR + LOCAL_VECTOR);
    assertThat(auth.negotiated()).isTrue();
    assertThat(Authentication.compareAsNumbers(PEER.keyVector(), LOCAL.keyVector())).isNegative();
    assertThat(Authentication.compareAsNumbers(LOCAL.keyVector(), PEER.keyVector())).isPositive();
  }

  @Test
  void rfc4895_6_2_equalNumbersOfDifferentLengthPutTheShorterFirst() {
    assertThat(Authentication.compareAsNumbers(new byte[] {0, 0, 5}, new byte[] {5})).isPositive();
    assertThat(Authentication.compareAsNumbers(new byte[] {5}, new byte[] {0, 5})).isNegative();
    assertThat(Authentication.compareAsNumbers(new byte[] {1, 2}, new byte[] {1, 2})).isZero();
    assertThat(Authentication.compareAsNumbers(new byte[] {(byte) 0xFF}, new byte[] {1, 0}))
        .isNegative();
  }

  @Test
  void rfc4895_6_2_theSha256HmacOverTheAuthChunkAndWhatFollowsMatchesTheOneComputedByHand() {
    SharedKeys keys = keys();
    keys.activate(1);
    Authentication auth = Authentication.negotiate(LOCAL, PEER, keys);
    assertThat(auth.sendAlgorithm()).as("the peer's first choice").isEqualTo(HmacAlgorithm.SHA_256);
    assertThat(auth.template()).isEqualTo(new AuthChunk(1, 3, Bytes.wrap(new byte[32])));
    byte[] chunks = Bytes.fromHex("0f000028" + "00010003" + "00".repeat(32)
        + "0003001500000007000000000000000068656c6c6f000000").toByteArray();
    byte[] packet = new byte[12 + chunks.length];
    System.arraycopy(chunks, 0, packet, 12, chunks.length);
    auth.sign(packet, 12, packet.length);
    assertThat(Bytes.wrap(packet, 20, 32).toHex())
        .isEqualTo("051db2918864269fc1bad06a17c72508fc71e6179b43089dd36e4cb7ace34037");
  }

  @Test
  void rfc4895_6_2_aPacketWithAChunkThePeerListedLeadsWithAnAuthChunkWhoseSha1HmacIsRight() {
    // Here we announced PEER's parameters; the other side listed DATA and asks for SHA-1.
    SharedKeys keys = keys();
    keys.activate(1);
    Authentication auth = Authentication.negotiate(PEER, LOCAL, keys);
    PacketBuilder builder = new PacketBuilder(1200, auth);
    assertThat(builder.add(HELLO)).isTrue();
    byte[] packet = builder.build(5000, 5001, 0x01020304);
    SctpPacket decoded = decode(packet);
    assertThat(decoded.chunks()).hasSize(2);
    AuthChunk sent = (AuthChunk) decoded.chunks().get(0);
    assertThat(decoded.chunks().get(1)).isEqualTo(HELLO);
    assertThat(sent.sharedKeyId()).isEqualTo(1);
    assertThat(sent.hmacId()).isEqualTo(1);
    assertThat(sent.hmac().toHex()).isEqualTo("dbe41fad003b5737626b49b59a01fe5d9a81244e");
  }

  @Test
  void rfc4895_6_3_aReceivedHmacComputedByHandVerifies() {
    // AUTH with key 0 (empty) and SHA-1, which we listed, then the DATA chunk.
    byte[] chunks = Bytes.fromHex("0f00001c00000001466e761d4f55f2c282393a3733fb80dd3ad699c8"
        + "0003001500000007000000000000000068656c6c6f000000").toByteArray();
    byte[] packet = new byte[12 + chunks.length];
    System.arraycopy(chunks, 0, packet, 12, chunks.length);
    Authentication auth = Authentication.negotiate(LOCAL, PEER, keys());
    AuthChunk chunk = (AuthChunk) decode(withHeader(packet)).chunks().get(0);
    assertThat(auth.verify(chunk, packet, 12, packet.length))
        .isEqualTo(Authentication.Verdict.AUTHENTIC);
    for (int i = 12; i < packet.length; i++) {
      if (i >= 20 && i < 40) {
        continue; // the HMAC itself: flipping it is a wrong HMAC too, checked below
      }
      byte[] tampered = packet.clone();
      tampered[i] ^= 0x01;
      assertThat(auth.verify(chunk, tampered, 12, tampered.length)).as("byte %d", i)
          .isEqualTo(Authentication.Verdict.BAD_HMAC);
    }
    byte[] wrongHmac = packet.clone();
    wrongHmac[39] ^= 0x01;
    AuthChunk flipped = (AuthChunk) decode(withHeader(wrongHmac)).chunks().get(0);
    assertThat(auth.verify(flipped, wrongHmac, 12, wrongHmac.length))
        .isEqualTo(Authentication.Verdict.BAD_HMAC);
  }

  @Test
  void rfc4895_6_3_anHmacWeDidNotListIsUnsupportedAndAnUnknownKeyIsRefused() {
    Authentication auth = Authentication.negotiate(LOCAL, PEER, keys());
    byte[] packet = new byte[12 + 40 + 24];
    assertThat(auth.verify(new AuthChunk(0, 3, Bytes.wrap(new byte[32])), packet, 12,
        packet.length)).isEqualTo(Authentication.Verdict.UNSUPPORTED_HMAC);
    assertThat(auth.verify(new AuthChunk(0, 2, Bytes.wrap(new byte[20])), packet, 12,
        packet.length)).isEqualTo(Authentication.Verdict.UNSUPPORTED_HMAC);
    assertThat(auth.verify(new AuthChunk(9, 1, Bytes.wrap(new byte[20])), packet, 12,
        packet.length)).isEqualTo(Authentication.Verdict.UNKNOWN_KEY);
    assertThat(auth.verify(new AuthChunk(0, 1, Bytes.wrap(new byte[19])), packet, 12,
        packet.length)).isEqualTo(Authentication.Verdict.BAD_HMAC);
  }

  @Test
  void rfc4895_3_2_chunksTheOtherSideListedAndAsconfAreAuthenticatedButNeverInitOrAuth() {
    AuthParameters peerListing = new AuthParameters(Bytes.wrap(fill(2)),
        List.of(ChunkType.INIT, ChunkType.AUTH, ChunkType.SHUTDOWN_COMPLETE, ChunkType.HEARTBEAT),
        List.of(1));
    Authentication auth = Authentication.negotiate(LOCAL, peerListing, keys());
    assertThat(auth.requires(ChunkType.HEARTBEAT)).isTrue();
    assertThat(auth.requires(ChunkType.ASCONF)).isTrue();
    assertThat(auth.requires(ChunkType.ASCONF_ACK)).isTrue();
    assertThat(auth.requires(ChunkType.DATA)).isFalse();
    assertThat(auth.requires(ChunkType.INIT)).isFalse();
    assertThat(auth.requires(ChunkType.AUTH)).isFalse();
    assertThat(auth.requires(ChunkType.SHUTDOWN_COMPLETE)).isFalse();
    assertThat(auth.requiredInbound(ChunkType.DATA)).isTrue();
    assertThat(auth.requiredInbound(ChunkType.SACK)).isTrue();
    assertThat(auth.requiredInbound(ChunkType.ASCONF)).isTrue();
    assertThat(auth.requiredInbound(ChunkType.HEARTBEAT)).isFalse();
  }

  @Test
  void withoutThePeersAuthNothingIsAuthenticated() {
    Authentication offered = Authentication.negotiate(LOCAL, null, keys());
    assertThat(offered.negotiated()).isFalse();
    assertThat(offered.refusedByPeer()).isTrue();
    assertThat(offered.requires(ChunkType.ASCONF)).isFalse();
    assertThat(offered.requiredInbound(ChunkType.DATA)).isFalse();
    assertThat(Authentication.negotiate(null, PEER, keys())).isSameAs(Authentication.OFF);
    assertThat(Authentication.OFF.refusedByPeer()).isFalse();
  }

  @Test
  void rfc4895_6_1_aPeerRandomOfAnotherLengthOrAnHmacListWithoutSha1IsAProblem() {
    assertThat(PEER.problem()).isNull();
    assertThat(new AuthParameters(Bytes.wrap(new byte[16]), null, List.of(1)).problem())
        .contains("16 bytes");
    assertThat(new AuthParameters(Bytes.wrap(fill(2)), null, List.of(3)).problem())
        .contains("SHA-1");
  }

  @Test
  void aStateCookieCarriesBothSidesAuthParametersAndNoKey() {
    CookieSecrets secrets = new CookieSecrets(new java.util.SplittableRandom(1),
        3_600_000_000_000L);
    StateCookie plain = StateCookieTest.cookie(5);
    StateCookie withAuth = new StateCookie(plain.createdAt(), plain.lifetimeNanos(),
        plain.localTag(), plain.peerTag(), plain.localInitialTsn(), plain.peerInitialTsn(),
        plain.peerRwnd(), plain.outboundStreams(), plain.inboundStreams(), 0, 0, plain.peerPort(),
        plain.peerAddresses(), plain.initSource(), plain.localAddress(), plain.extensions(), LOCAL,
        PEER);
    Bytes signed = withAuth.sign(secrets, 5);
    assertThat(StateCookie.verify(signed, secrets)).isEqualTo(withAuth);
    assertThat(signed.length()).isEqualTo(plain.sign(secrets, 5).length()
        + 1 + 32 + 2 + 2 + 2 + 2 + (1 + 32 + 2 + 2 + 4));
    assertThat(signed.toHex()).doesNotContain("61626364");
  }

  @Test
  void theKeyOptionsRefuseWhatRfc6458Refuses() {
    SharedKeys keys = keys();
    assertThatThrownBy(() -> keys.activate(7)).hasMessageContaining("no key 7");
    assertThatThrownBy(() -> keys.delete(0)).hasMessageContaining("active key");
    assertThatThrownBy(() -> keys.deactivate(0)).hasMessageContaining("active key");
    keys.deactivate(1);
    assertThatThrownBy(() -> keys.activate(1)).hasMessageContaining("deactivated");
    assertThatThrownBy(() -> keys.set(70_000, new byte[1])).hasMessageContaining("0..65535");
    AuthOptions options = new AuthOptions(true);
    assertThatThrownBy(() -> options.addChunk(ChunkType.INIT)).hasMessageContaining("never");
    assertThatThrownBy(() -> options.addChunk(256)).hasMessageContaining("0..255");
    assertThatThrownBy(() -> options.setHmacIdents(List.of(3))).hasMessageContaining("SHA-1");
    assertThatThrownBy(() -> options.setHmacIdents(List.of(1, 2))).hasMessageContaining("2");
    assertThatThrownBy(() -> options.setHmacIdents(List.of(1, 1))).hasMessageContaining("twice");
    options.addChunk(ChunkType.DATA);
    assertThat(options.chunkList())
        .containsExactly(ChunkType.DATA, ChunkType.ASCONF_ACK, ChunkType.ASCONF);
  }

  private static byte[] withHeader(byte[] packet) {
    byte[] copy = packet.clone();
    copy[1] = 1;
    copy[3] = 2;
    return copy;
  }

  private static SctpPacket decode(byte[] packet) {
    try {
      return SctpPacket.decodeUnchecked(packet);
    } catch (org.jsctp.wire.WireFormatException e) {
      throw new AssertionError(e);
    }
  }
}
