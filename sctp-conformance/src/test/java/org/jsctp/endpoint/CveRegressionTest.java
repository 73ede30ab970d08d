package org.jsctp.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.association.AssociationState;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.ScriptedPeer;
import org.jsctp.testkit.ScriptedPeer.Sent;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.ChunkType;
import org.jsctp.wire.CookieAckChunk;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.HeartbeatAckChunk;
import org.jsctp.wire.HeartbeatChunk;
import org.jsctp.wire.ShutdownAckChunk;
import org.jsctp.wire.ShutdownChunk;
import org.jsctp.wire.ShutdownCompleteChunk;
import org.jsctp.wire.UnknownChunk;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for the public SCTP CVEs whose class of bug applies to a stack like this one.
 * Each test names the CVE and says in a sentence what it checks; the common property is that a
 * hostile packet costs no internal error, no crash, no unbounded work and no other association.
 */
class CveRegressionTest {

  private static long internalErrors(ScriptedPeer peer) {
    return peer.endpoint().counters().get(MibCounter.SCTP_INTERNAL_ERRORS);
  }

  /** An INIT whose parameters are raw bytes, so that their lengths can lie. */
  private static byte[] initWithRawParameters(int tag, byte[] parameters) {
    byte[] init = new byte[12 + 20 + parameters.length + 3 & ~3];
    ByteBuffer b = ByteBuffer.wrap(init);
    b.putShort((short) ScriptedPeer.PEER_PORT).putShort((short) ScriptedPeer.IUT_PORT).putInt(0).putInt(0);
    b.put((byte) ChunkType.INIT).put((byte) 0).putShort((short) (20 + parameters.length));
    b.putInt(tag).putInt(65_535).putShort((short) 10).putShort((short) 10).putInt(1000);
    b.put(parameters);
    return init;
  }

  /**
   * CVE-2019-20503 (usrsctp, out-of-bounds read while walking INIT parameters): address and other
   * parameters whose Length runs past the chunk, is below 4, or leaves a truncated address are
   * refused or skipped by the length checks, never read past the packet.
   */
  @Test
  void cve_2019_20503_initParametersWithLyingLengthsAreNeverReadPastTheChunk() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    byte[][] lies = {
        {0x00, 0x05, 0x00, 0x40, 10, 0, 0, 1},             // IPv4 address claiming 64 bytes
        {0x00, 0x06, 0x00, 0x08, 0, 0, 0, 0},              // IPv6 address of 4 bytes
        {0x00, 0x05, 0x00, 0x02, 0, 0, 0, 0},              // Length 2, below the header
        {0x00, 0x0C, 0x00, 0x05, 0x00, 0x05, 0, 0},        // Supported Address Types, odd length
        {(byte) 0x80, 0x08, (byte) 0xFF, (byte) 0xFF, 1, 2, 3, 4}, // Supported Extensions, 65535
    };
    for (byte[] lie : lies) {
      peer.sendRawWithCrc(initWithRawParameters(0x0BAD, lie));
    }
    peer.takeAll();

    assertThat(internalErrors(peer)).isZero();
    assertThat(peer.endpoint().associations()).isEmpty();
    assertThat(peer.endpoint().counters().get(MibCounter.SCTP_IN_PKT_DISCARDS)).isPositive();
  }

  /**
   * CVE-2021-3772 (Linux, a blind attacker kills an association with spoofed chunks whose
   * verification tag it does not know): ABORT, SHUTDOWN, SHUTDOWN ACK, SHUTDOWN COMPLETE, an INIT
   * with a non-zero tag and an INIT bundled with other chunks, all from the peer's address and
   * ports but with a wrong tag, leave the association ESTABLISHED and silent.
   */
  @Test
  void cve_2021_3772_spoofedChunksWithoutTheTagCannotEndTheAssociation() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    int wrong = peer.iutTag ^ 0x5A5A_5A5A;
    Chunk[][] attacks = {
        {new AbortChunk(false, List.of())},
        {new AbortChunk(true, List.of())},
        {new ShutdownChunk(ScriptedPeer.DEFAULT_PEER_TSN)},
        {new ShutdownAckChunk()},
        {new ShutdownCompleteChunk(false)},
        {new ShutdownCompleteChunk(true)},
    };
    for (Chunk[] attack : attacks) {
      peer.sendWithTag(wrong, attack);
    }
    peer.sendWithTag(peer.iutTag, peer.init());
    peer.sendWithTag(0, peer.init(), new HeartbeatChunk(List.of()));
    peer.takeAll();

    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(peer.associationChanges()).containsExactly(AssociationChange.Kind.COMM_UP);
    peer.sendData(0, 0, "still here");
    assertThat(peer.receivedStrings()).containsExactly("still here");
    assertThat(internalErrors(peer)).isZero();
  }

  /**
   * CVE-2018-5803 (Linux, a chunk length overflow when building a reply that does not fit): a
   * HEARTBEAT whose information is too large for its HEARTBEAT ACK to fit the path MTU is dropped
   * (and counted in a throttled log line), never sent truncated or oversized; smaller ones are
   * answered as usual.
   */
  @Test
  void cve_2018_5803_aReplyThatCannotFitTheMtuIsDroppedNotBuiltOversized() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    byte[] big = new byte[8_000];
    for (int i = 0; i < 100; i++) {
      peer.send(HeartbeatChunk.of(Bytes.wrap(big)));
    }
    peer.send(HeartbeatChunk.of(Bytes.wrap(new byte[40])));

    List<Sent> replies = peer.takeAll();
    assertThat(replies).allSatisfy(s -> assertThat(s.transmit().packet().length).isLessThanOrEqualTo(1500 - 28));
    assertThat(replies).filteredOn(s -> s.has(HeartbeatAckChunk.class)).hasSize(1);
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(internalErrors(peer)).isZero();
  }

  /**
   * CVE-2014-3673 and CVE-2014-3687 (Linux, malformed or duplicate ASCONF chunks crash the
   * receiver): ASCONF and ASCONF-ACK, which this stack does not negotiate, are unrecognized chunks
   * with the "skip and report" type bits (RFC 9260 section 3.2): reported in a bounded ERROR, the
   * rest of the packet processed, nothing else changed. (One that is malformed makes the codec
 * refuse the whole packet, as for any malformed chunk; CveRegressionTest's neighbour
 * HostilePacketsTest covers mutated packets.)
   */
  @Test
  void cve_2014_3673_3687_asconfChunksThatWereNeverNegotiatedAreSkippedAndReported() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    // Serial number 1 and the sender's address 10.0.0.9, as RFC 5061 section 4.1.1 lays it out.
    UnknownChunk asconf = new UnknownChunk(ChunkType.ASCONF, 0,
        Bytes.wrap(new byte[] {0, 0, 0, 1, 0, 5, 0, 8, 10, 0, 0, 9}));
    UnknownChunk ack = new UnknownChunk(ChunkType.ASCONF_ACK, 0, Bytes.wrap(new byte[] {0, 0, 0, 1}));
    DataChunk data = peer.data(0, 0, "after the ASCONFs");
    peer.send(asconf, asconf, ack, data);

    List<Sent> replies = peer.takeAll();
    assertThat(peer.receivedStrings()).containsExactly("after the ASCONFs");
    assertThat(replies).anySatisfy(s -> assertThat(s.has(org.jsctp.wire.ErrorChunk.class)).isTrue());
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(internalErrors(peer)).isZero();
  }

  /**
   * CVE-2014-3688 (Linux, many small chunks in one packet make the receiver queue unbounded
   * replies): a packet of 300 HEARTBEATs gets at most as many HEARTBEAT ACKs, bundled into
   * packets within the MTU, and the work is bounded by the packet.
   */
  @Test
  void cve_2014_3688_aPacketOfManySmallChunksGetsBoundedReplies() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.establishActive();
    List<Chunk> many = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      many.add(new HeartbeatChunk(List.of()));
    }
    peer.send(many.toArray(new Chunk[0]));

    List<Sent> replies = peer.takeAll();
    int acks = 0;
    for (Sent s : replies) {
      acks += s.all(HeartbeatAckChunk.class).size();
      assertThat(s.transmit().packet().length).isLessThanOrEqualTo(1500 - 28);
    }
    assertThat(acks).isLessThanOrEqualTo(300);
    assertThat(peer.association.state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(internalErrors(peer)).isZero();
  }

  /**
   * CVE-2014-0101 (Linux, a NULL dereference on a COOKIE ECHO preceded by an AUTH chunk in a
   * crafted handshake): AUTH, not negotiated, in front of a COOKIE ECHO makes the packet one
   * whose first chunk is not the COOKIE ECHO; it is handled without an internal error and without
   * setting up an association from it.
   */
  @Test
  void cve_2014_0101_anAuthChunkInFrontOfACookieEchoSetsNothingUp() {
    ScriptedPeer peer = new ScriptedPeer();
    peer.endpoint().listen(true);
    var ack = peer.sendInitExpectInitAck(peer.init());
    UnknownChunk auth = new UnknownChunk(ChunkType.AUTH, 0, Bytes.wrap(new byte[] {0, 1, 0, 1, 1, 2, 3, 4}));
    peer.send(auth, new org.jsctp.wire.CookieEchoChunk(ack.stateCookie().orElseThrow()));

    List<Sent> replies = peer.takeAll();
    assertThat(replies).noneMatch(s -> s.has(CookieAckChunk.class));
    assertThat(peer.endpoint().associations()).isEmpty();
    assertThat(internalErrors(peer)).isZero();
  }
}
