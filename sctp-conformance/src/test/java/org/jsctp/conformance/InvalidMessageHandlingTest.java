package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.association.AssociationState;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.CookieEchoChunk;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.HeartbeatAckChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.InitAckChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.ShutdownChunk;
import org.jsctp.wire.ShutdownCompleteChunk;
import org.jsctp.wire.StaleCookieCause;
import org.junit.jupiter.api.Test;

/**
 * ETSI TS 102 369 group IMH, invalid message handling: malformed INIT and INIT ACK, bad checksums,
 * forged or stale cookies, and ABORT, SHUTDOWN ACK and SHUTDOWN COMPLETE with a wrong Verification
 * Tag (RFC 9260 sections 3, 5.1, 6.8 and 8.5).
 */
class InvalidMessageHandlingTest {

  /**
   * A packet from the tester's ports with the given tag and raw chunk bytes, CRC32c not yet set.
   */
  static byte[] raw(int vtag, int... chunkBytes) {
    ByteBuffer b = ByteBuffer.allocate(12 + chunkBytes.length);
    b.putShort((short) ScriptedPeer.PEER_PORT)
        .putShort((short) ScriptedPeer.IUT_PORT)
        .putInt(vtag)
        .putInt(0);
    for (int x : chunkBytes) {
      b.put((byte) x);
    }
    return b.array();
  }

  @Test
  void imh_i_3_1_dropsAnInitTooShortForItsFixedFields() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    // An INIT of Length 5: one byte of value where 16 are required.
    peer.sendRawWithCrc(raw(0, 0x01, 0x00, 0x00, 0x05, 0x01, 0x00, 0x00, 0x00));
    peer.expectSilenceFor(10 * SECONDS);
    assertThat(peer.endpoint().associations()).isEmpty();
    assertThat(peer.endpoint().counters().get(MibCounter.SCTP_IN_PKT_DISCARDS)).isEqualTo(1);
  }

  @Test
  void imh_i_3_2_ignoresAnInitAckTooShortForItsFixedFieldsAndKeepsRetransmittingInit() {
    ScriptedPeer peer = new ScriptedPeer();
    InitChunk init = peer.connect();
    peer.sendRawWithCrc(raw(peer.iutTag, 0x02, 0x00, 0x00, 0x09, 1, 2, 3, 4, 5, 0, 0, 0));
    peer.expectNoPacket();
    assertThat(peer.association.state()).isEqualTo(AssociationState.COOKIE_WAIT);
    // No COOKIE ECHO, ever: the handshake goes on with the INIT under T1-init.
    assertThat(peer.awaitPacket(5 * SECONDS).withTag(0).only(InitChunk.class)).isEqualTo(init);
  }

  @Test
  void imh_i_3_3_dropsACookieEchoWithAWrongVerificationTag() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    InitAckChunk ack = peer.sendInitExpectInitAck(peer.init());
    CookieEchoChunk echo = new CookieEchoChunk(ack.stateCookie().orElseThrow());
    // Section 5.1 step D: the tag must be the one the cookie was issued with.
    peer.sendWithTag(peer.iutTag + 1, echo);
    peer.expectSilenceFor(1 * SECONDS);
    assertThat(peer.endpoint().associations()).isEmpty();
    // The same cookie with the right tag is good: the tag alone made the difference.
    peer.send(echo);
    peer.nextPacketToPeer().only(CookieAckChunk.class);
  }

  @Test
  void imh_i_3_4_dropsAndCountsAPacketWithABadChecksum() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    byte[] packet =
        ScriptedPeer.encode(ScriptedPeer.PEER_PORT, ScriptedPeer.IUT_PORT, 0, peer.init());
    packet[8] ^= 0x01;
    peer.sendRaw(packet);
    // Section 6.8: silently discarded, and counted (RFC 3873 sctpChecksumErrors).
    peer.expectSilenceFor(10 * SECONDS);
    assertThat(peer.endpoint().counters().get(MibCounter.SCTP_CHECKSUM_ERRORS)).isEqualTo(1);
    packet[8] ^= 0x01;
    peer.sendRaw(packet);
    peer.nextPacket().toPeer().only(InitAckChunk.class);
  }

  @Test
  void imh_i_3_5_dropsACookieEchoWhoseCookieWasTamperedWith() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    InitAckChunk ack = peer.sendInitExpectInitAck(peer.init());
    byte[] cookie = ack.stateCookie().orElseThrow().toByteArray();
    cookie[10] ^= 0x01;
    peer.send(new CookieEchoChunk(Bytes.wrap(cookie)));
    // Section 5.1.5: a cookie whose MAC does not verify is silently discarded.
    peer.expectSilenceFor(10 * SECONDS);
    assertThat(peer.endpoint().associations()).isEmpty();
    assertThat(peer.events()).isEmpty();
  }

  @Test
  void imh_i_3_6_answersAStaleCookieWithErrorCause3() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    InitAckChunk ack = peer.sendInitExpectInitAck(peer.init());
    // Valid.Cookie.Life is 60 s; the COOKIE ECHO comes 61 s later.
    peer.advance(61 * SECONDS);
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    ErrorChunk error = peer.nextPacketToPeer().only(ErrorChunk.class);
    // Section 3.3.10.3: the staleness in microseconds.
    assertThat(error.cause(StaleCookieCause.class).orElseThrow().stalenessMicros())
        .isEqualTo(1_000_000L);
    assertThat(peer.endpoint().associations()).isEmpty();
    assertThat(peer.events()).isEmpty();
  }

  @Test
  void rfc9260_3_3_10_3_aCookieStaleForMoreThan2To32MicrosecondsGetsTheLargestMeasure() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    InitAckChunk ack = peer.sendInitExpectInitAck(peer.init());
    // No cookie was signed since, so the secret has not rotated: the MAC still verifies.
    peer.advance(2 * 3600 * SECONDS);
    peer.send(new CookieEchoChunk(ack.stateCookie().orElseThrow()));
    ErrorChunk error = peer.nextPacketToPeer().only(ErrorChunk.class);
    // The Measure of Staleness is 32 bits of microseconds (about 71.6 minutes): it saturates.
    assertThat(error.cause(StaleCookieCause.class).orElseThrow().stalenessMicros())
        .isEqualTo(0xFFFF_FFFFL);
    assertThat(peer.endpoint().counters().get(MibCounter.SCTP_INTERNAL_ERRORS)).isZero();
  }

  @Test
  void imh_i_3_7_ignoresAnAbortWithAWrongVerificationTag() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.sendWithTag(peer.iutTag + 1, new AbortChunk(false, List.of()));
    peer.sendWithTag(peer.iutTag + 1, new AbortChunk(true, List.of()));
    peer.expectNoPacket();
    peer.send(HeartbeatChunk.of(Bytes.wrap("Test".getBytes())));
    peer.nextPacketToPeer().only(HeartbeatAckChunk.class);
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void imh_i_3_8_dropsAnInitWhoseLengthRunsPastThePacket() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    // Length 255 with 20 bytes present (section 3.2: a chunk must fit its packet).
    peer.sendRawWithCrc(
        raw(
            0, 0x01, 0x00, 0x00, 0xFF, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x05, 0xDC, 0x00, 0x02,
            0x00, 0x02, 0x00, 0x00, 0x00, 0x00));
    peer.expectSilenceFor(10 * SECONDS);
    assertThat(peer.endpoint().associations()).isEmpty();
    assertThat(peer.endpoint().counters().get(MibCounter.SCTP_IN_PKT_DISCARDS)).isEqualTo(1);
  }

  @Test
  void imh_i_3_9_ignoresAShutdownAckWithAWrongVerificationTag() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.userShutdown();
    Sent shutdown = peer.nextPacketToPeer();
    shutdown.only(ShutdownChunk.class);
    peer.sendWithTag(peer.iutTag + 1, new ShutdownAckChunk());
    peer.expectNoPacket();
    assertThat(peer.association.state()).isEqualTo(AssociationState.SHUTDOWN_SENT);
    assertThat(peer.awaitPacket(5 * SECONDS).toPeer().only(ShutdownChunk.class)).isNotNull();
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }

  @Test
  void imh_i_3_10_ignoresAShutdownCompleteWithAWrongVerificationTag() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.send(new ShutdownChunk(peer.iutInitialTsn - 1));
    peer.nextPacketToPeer().only(ShutdownAckChunk.class);
    peer.sendWithTag(peer.iutTag + 1, new ShutdownCompleteChunk(false));
    peer.expectNoPacket();
    assertThat(peer.association.state()).isEqualTo(AssociationState.SHUTDOWN_ACK_SENT);
    peer.awaitPacket(5 * SECONDS).toPeer().only(ShutdownAckChunk.class);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
  }
}
