package org.jsctp.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.testkit.ScriptedPeer.SECONDS;

import java.util.List;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.ForwardTsnChunk;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.UnknownChunk;
import org.jsctp.wire.UnrecognizedChunkTypeCause;
import org.junit.jupiter.api.Test;

/**
 * ETSI TS 102 369 group M, miscellaneous: an unknown chunk type bundled before a DATA chunk, once
 * for each value of the two high-order bits (RFC 9260 section 3.2): 00 stop and discard, 01 stop,
 * discard and report (ERROR cause 6), 10 skip, 11 skip and report.
 */
class MiscellaneousTest {

  private static final Bytes TEXT = Bytes.wrap("This is a test".getBytes());

  /** The unknown chunk as it was on the wire (Length 18, no padding), as cause 6 must carry it. */
  private static Bytes raw(int type) {
    byte[] b = new byte[4 + TEXT.length()];
    b[0] = (byte) type;
    b[3] = (byte) b.length;
    TEXT.copyTo(b, 4);
    return Bytes.wrap(b);
  }

  private static ScriptedPeer sendUnknownThenData(int type) {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    peer.send(new UnknownChunk(type, 0, TEXT), peer.data(0, 0, "behind the unknown chunk"));
    return peer;
  }

  @Test
  void m_i_10_1_reportsAnUnknownChunkOfType11AndProcessesTheDataAfterIt() {
    ScriptedPeer peer = sendUnknownThenData(0xF5);
    Sent reply = peer.nextPacketToPeer();
    assertThat(
            reply
                .first(ErrorChunk.class)
                .cause(UnrecognizedChunkTypeCause.class)
                .orElseThrow()
                .chunk())
        .isEqualTo(raw(0xF5));
    assertThat(reply.first(SackChunk.class).cumulativeTsnAck()).isEqualTo(peer.nextTsn - 1);
    assertThat(peer.receivedStrings()).containsExactly("behind the unknown chunk");
  }

  @Test
  void m_i_10_2_silentlyDiscardsAnUnknownChunkOfType00AndEverythingAfterIt() {
    ScriptedPeer peer = sendUnknownThenData(0x35);
    peer.expectSilenceFor(10 * SECONDS);
    assertThat(peer.received()).isEmpty();
  }

  @Test
  void m_i_10_3_reportsAnUnknownChunkOfType01AndDiscardsEverythingAfterIt() {
    ScriptedPeer peer = sendUnknownThenData(0x75);
    Sent reply = peer.nextPacketToPeer();
    assertThat(
            reply
                .only(ErrorChunk.class)
                .cause(UnrecognizedChunkTypeCause.class)
                .orElseThrow()
                .chunk())
        .isEqualTo(raw(0x75));
    peer.expectSilenceFor(10 * SECONDS);
    assertThat(peer.received()).isEmpty();
  }

  @Test
  void m_i_10_4_skipsAnUnknownChunkOfType10SilentlyAndProcessesTheDataAfterIt() {
    ScriptedPeer peer = sendUnknownThenData(0xB5);
    Sent reply = peer.nextPacketToPeer();
    assertThat(reply.only(SackChunk.class).cumulativeTsnAck()).isEqualTo(peer.nextTsn - 1);
    assertThat(reply.has(ErrorChunk.class)).isFalse();
    peer.expectSilenceFor(10 * SECONDS);
    assertThat(peer.receivedStrings()).containsExactly("behind the unknown chunk");
  }

  /** Not an ETSI purpose: PR-SCTP is not built, so its FORWARD-TSN (type 192) is unknown here. */
  @Test
  void reportsAndSkipsAForwardTsnLikeAnyUnknownChunkOfType11() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishPassive();
    ForwardTsnChunk forward = new ForwardTsnChunk(peer.nextTsn + 5, List.of());
    peer.send(forward, peer.data(0, 0, "behind the FORWARD-TSN"));
    Sent reply = peer.nextPacketToPeer();
    Bytes reported =
        reply.first(ErrorChunk.class).cause(UnrecognizedChunkTypeCause.class).orElseThrow().chunk();
    assertThat(reported.get(0)).isEqualTo(192);
    assertThat(reported.length()).isEqualTo(forward.encodedLength());
    // The cumulative TSN did not jump: the FORWARD-TSN was not acted on.
    assertThat(reply.first(SackChunk.class).cumulativeTsnAck()).isEqualTo(peer.nextTsn - 1);
    assertThat(peer.receivedStrings()).containsExactly("behind the FORWARD-TSN");
  }
}
