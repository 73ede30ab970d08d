package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capture checks against hand-made packets: each kind of breakage the interop runs must fail on
 * is produced on purpose and must be reported, and clean packets must pass. Needs only tshark (no
 * root), so it runs as a unit test.
 */
class CaptureCheckTest {

  static final int PORT = 9899;

  @TempDir Path dir;

  @BeforeAll
  static void needsTshark() {
    boolean present;
    try {
      present = Cmd.run("sh", "-c", "command -v " + Capture.TSHARK).ok();
    } catch (RuntimeException e) {
      present = false;
    }
    assumeTrue(
        present, "tshark is not installed (apt-get install -y tshark); capture checks not tested");
  }

  static byte[] data(long tsn, String payload) {
    byte[] p = payload.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(12 + p.length);
    b.putInt((int) tsn).putShort((short) 0).putShort((short) 0).putInt(0).put(p);
    return PcapWriter.chunk(0, 0x03, b.array());
  }

  static byte[] heartbeat() {
    ByteBuffer b = ByteBuffer.allocate(12);
    b.putShort((short) 1).putShort((short) 12).putLong(0x0102030405060708L);
    return PcapWriter.chunk(4, 0, b.array());
  }

  /** A SACK acknowledging 300 TSNs in one gap block: tshark warns above 100. */
  static byte[] sackWithHugeGap() {
    ByteBuffer b = ByteBuffer.allocate(16);
    b.putInt(0).putInt(100_000).putShort((short) 1).putShort((short) 0);
    b.putShort((short) 2).putShort((short) 301);
    return PcapWriter.chunk(3, 0, b.array());
  }

  /** A DATA chunk on {@code stream} with {@code ssn}, flags B and E (a whole message). */
  static byte[] data(long tsn, int stream, int ssn, String payload) {
    byte[] p = payload.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(12 + p.length);
    b.putInt((int) tsn).putShort((short) stream).putShort((short) ssn).putInt(0).put(p);
    return PcapWriter.chunk(0, 0x03, b.array());
  }

  /** An I-DATA chunk (RFC 8260 section 2.1); {@code flags} holds the B (2) and E (1) bits. */
  static byte[] idata(long tsn, int stream, long mid, long ppidOrFsn, int flags, String payload) {
    byte[] p = payload.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(16 + p.length);
    b.putInt((int) tsn).putShort((short) stream).putShort((short) 0).putInt((int) mid);
    b.putInt((int) ppidOrFsn).put(p);
    return PcapWriter.chunk(64, flags, b.array());
  }

  /** A FORWARD-TSN (RFC 3758 section 3.2) skipping SSN {@code ssn} of {@code stream}. */
  static byte[] forwardTsn(long newCumulative, int stream, int ssn) {
    ByteBuffer b = ByteBuffer.allocate(8);
    b.putInt((int) newCumulative).putShort((short) stream).putShort((short) ssn);
    return PcapWriter.chunk(192, 0, b.array());
  }

  /** An I-FORWARD-TSN (RFC 8260 section 2.3) skipping ordered message {@code mid}. */
  static byte[] iForwardTsn(long newCumulative, int stream, long mid) {
    ByteBuffer b = ByteBuffer.allocate(12);
    b.putInt((int) newCumulative).putShort((short) stream).putShort((short) 0).putInt((int) mid);
    return PcapWriter.chunk(194, 0, b.array());
  }

  /**
   * A RE-CONFIG chunk with one Outgoing SSN Reset Request for all streams (RFC 6525 section 4.1);
   * {@code parameterLength} is the parameter's length field (16 when correct).
   */
  static byte[] outgoingResetRequest(long requestSeq, long lastTsn, int parameterLength) {
    ByteBuffer b = ByteBuffer.allocate(16);
    b.putShort((short) 13).putShort((short) parameterLength);
    b.putInt((int) requestSeq).putInt((int) (requestSeq - 1)).putInt((int) lastTsn);
    return PcapWriter.chunk(130, 0, b.array());
  }

  /** A RE-CONFIG chunk with one Re-configuration Response (RFC 6525 section 4.4). */
  static byte[] reconfigResponse(long responseSeq, long result) {
    ByteBuffer b = ByteBuffer.allocate(12);
    b.putShort((short) 16).putShort((short) 12).putInt((int) responseSeq).putInt((int) result);
    return PcapWriter.chunk(130, 0, b.array());
  }

  /** A RE-CONFIG chunk with one SSN/TSN Reset Request (RFC 6525 section 4.3). */
  static byte[] ssnTsnResetRequest(long requestSeq) {
    ByteBuffer b = ByteBuffer.allocate(8);
    b.putShort((short) 15).putShort((short) 8).putInt((int) requestSeq);
    return PcapWriter.chunk(130, 0, b.array());
  }

  /** A RE-CONFIG chunk with a Response carrying the next TSNs (RFC 6525 section 4.4). */
  static byte[] reconfigResponse(
      long responseSeq, long result, long senderNext, long receiverNext) {
    ByteBuffer b = ByteBuffer.allocate(20);
    b.putShort((short) 16).putShort((short) 20).putInt((int) responseSeq).putInt((int) result);
    b.putInt((int) senderNext).putInt((int) receiverNext);
    return PcapWriter.chunk(130, 0, b.array());
  }

  CaptureReport analyze(PcapWriter w) {
    Path f = dir.resolve("test.pcap");
    w.write(f);
    return Capture.analyze(f, PORT);
  }

  @Test
  void wellFormedPacketsWithGoodChecksumsAreClean() {
    CaptureReport r =
        analyze(
            new PcapWriter()
                .udp(9900, PORT, PcapWriter.sctp(5000, 7, 0x11223344L, data(1, "hello")))
                .udp(9900, PORT, PcapWriter.sctp(5000, 7, 0x11223344L, heartbeat())));
    assertThat(r.problems()).isEmpty();
    assertThat(r.sctpFrames()).hasSize(2);
    assertThat(r.chunks(CaptureReport.DATA)).isEqualTo(1);
    assertThat(r.chunks(CaptureReport.HEARTBEAT)).isEqualTo(1);
    r.assertClean();
  }

  @Test
  void aCorruptedByteIsReportedAsBadChecksum() {
    byte[] pkt = PcapWriter.sctp(5000, 7, 0x11223344L, data(1, "hello"));
    pkt[pkt.length - 4] ^= 0x20; // flip a bit of the payload after the CRC was computed
    CaptureReport r = analyze(new PcapWriter().udp(9900, PORT, pkt));
    assertThat(r.problems()).anyMatch(p -> p.contains("bad CRC32c"));
    assertThatThrownBy(r::assertClean).hasMessageContaining("bad CRC32c");
  }

  @Test
  void aChunkLongerThanThePacketIsReportedAsMalformedEvenWithAGoodChecksum() {
    byte[] body = ByteBuffer.allocate(17).putInt(1).array();
    byte[] pkt = PcapWriter.sctp(5000, 7, 0x11223344L, PcapWriter.chunk(0, 0x03, body, 1024));
    CaptureReport r = analyze(new PcapWriter().udp(9900, PORT, pkt));
    assertThat(r.problems()).anyMatch(p -> p.contains("malformed"));
    assertThat(r.problems()).noneMatch(p -> p.contains("CRC32c"));
  }

  @Test
  void anExpertWarningIsReported() {
    CaptureReport r =
        analyze(
            new PcapWriter()
                .udp(9900, PORT, PcapWriter.sctp(5000, 7, 0x11223344L, sackWithHugeGap())));
    assertThat(r.problems())
        .singleElement()
        .satisfies(p -> assertThat(p).contains("expert info warning").contains("gap-acknowledged"));
  }

  @Test
  void udpThatIsNotDecodedAsSctpIsReported() {
    CaptureReport r =
        analyze(
            new PcapWriter()
                .udp(9900, PORT, PcapWriter.sctp(5000, 7, 1, heartbeat()))
                .udp(40000, 40001, PcapWriter.sctp(5000, 7, 1, heartbeat())));
    assertThat(r.problems())
        .singleElement()
        .satisfies(p -> assertThat(p).contains("not decoded as SCTP"));
  }

  @Test
  void anEmptyCaptureIsNotClean() {
    CaptureReport r = analyze(new PcapWriter());
    assertThat(r.problems()).containsExactly("no SCTP packet in the capture");
  }

  @Test
  void ipFragmentsAreCountedNotFailed() {
    byte[] udp =
        PcapWriter.udpDatagram(9900, PORT, PcapWriter.sctp(5000, 7, 1, data(1, "x".repeat(40))));
    byte[] first = java.util.Arrays.copyOfRange(udp, 0, 32);
    byte[] second = java.util.Arrays.copyOfRange(udp, 32, udp.length);
    CaptureReport r =
        analyze(new PcapWriter().ip(77, 0x2000, first).ip(77, 32 / 8, second)); // MF, then offset 4
    assertThat(r.ipFragments()).isEqualTo(2);
    assertThat(r.sctpFrames()).hasSize(1); // tshark reassembles the datagram on the last one
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void forwardTsnAndReconfigurationChunksAreRecognisedWithTheirParameters() {
    CaptureReport r =
        analyze(
            new PcapWriter()
                .udp(9900, PORT, PcapWriter.sctp(5000, 7, 1, data(10, 2, 5, "m")))
                .udp(9900, PORT, PcapWriter.sctp(5000, 7, 1, forwardTsn(12, 2, 6)))
                .udp(9900, PORT, PcapWriter.sctp(5000, 7, 1, outgoingResetRequest(100, 12, 16)))
                .udp(PORT, 9900, PcapWriter.sctp(7, 5000, 2, reconfigResponse(100, 1))));
    assertThat(r.problems()).isEmpty();
    assertThat(r.chunks(CaptureReport.FORWARD_TSN)).isEqualTo(1);
    assertThat(r.chunks(CaptureReport.RE_CONFIG)).isEqualTo(2);
    assertThat(r.frames().get(0).userData())
        .containsExactly(new CaptureReport.UserData(false, 2, 10, 5, true, true, false));
    assertThat(r.frames().get(1).forwardTsns()).containsExactly(12L);
    assertThat(r.reconfigParameters(CaptureReport.OUTGOING_SSN_RESET_REQUEST, f -> true))
        .isEqualTo(1);
    assertThat(r.frames().get(2).reconfig().lastAssignedTsns()).containsExactly(12L);
    assertThat(r.reconfigParameters(CaptureReport.RECONFIG_RESPONSE, f -> true)).isEqualTo(1);
    assertThat(r.reconfigResults(f -> true)).containsExactly(CaptureReport.RESULT_PERFORMED);
    assertThat(r.frames().get(0).reconfig()).isEqualTo(CaptureReport.Reconfig.NONE);
    assertThat(r.frames().get(3).reconfig().senderNextTsns()).isEmpty();
  }

  @Test
  void anSsnTsnResetAndItsResponseAreRecognisedWithTheNextTsns() {
    CaptureReport r =
        analyze(
            new PcapWriter()
                .udp(9900, PORT, PcapWriter.sctp(5000, 7, 1, ssnTsnResetRequest(100)))
                .udp(PORT, 9900, PcapWriter.sctp(7, 5000, 2, reconfigResponse(100, 1, 7, 8_000))));
    assertThat(r.problems()).isEmpty();
    assertThat(r.reconfigParameters(CaptureReport.SSN_TSN_RESET_REQUEST, f -> true))
        .isEqualTo(1);
    CaptureReport.Reconfig response = r.frames().get(1).reconfig();
    assertThat(response.results()).containsExactly(CaptureReport.RESULT_PERFORMED);
    assertThat(response.senderNextTsns()).containsExactly(7L);
    assertThat(response.receiverNextTsns()).containsExactly(8_000L);
  }

  @Test
  void interleavedIdataFragmentsAndIForwardTsnAreRecognised() {
    CaptureReport r =
        analyze(
            new PcapWriter()
                .udp(9900, PORT, PcapWriter.sctp(5000, 7, 1, idata(1, 0, 0, 51, 0x02, "a")))
                .udp(9900, PORT, PcapWriter.sctp(5000, 7, 1, idata(2, 1, 0, 52, 0x03, "b")))
                .udp(9900, PORT, PcapWriter.sctp(5000, 7, 1, idata(3, 0, 0, 1, 0x01, "c")))
                .udp(9900, PORT, PcapWriter.sctp(5000, 7, 1, iForwardTsn(4, 1, 1))));
    assertThat(r.problems()).isEmpty();
    assertThat(r.chunks(CaptureReport.I_DATA)).isEqualTo(3);
    assertThat(r.chunks(CaptureReport.I_FORWARD_TSN)).isEqualTo(1);
    List<CaptureReport.UserData> sent = r.firstTransmissions(f -> true);
    assertThat(sent)
        .containsExactly(
            new CaptureReport.UserData(true, 0, 1, 0, true, false, false),
            new CaptureReport.UserData(true, 1, 2, 0, true, true, false),
            new CaptureReport.UserData(true, 0, 3, 0, false, true, false));
    assertThat(CaptureReport.interleavings(sent)).isEqualTo(1);
    assertThat(CaptureReport.interleavings(sent.subList(1, 3))).isZero();
    assertThat(r.frames().get(3).forwardTsns()).containsExactly(4L);
  }

  @Test
  void aReconfigParameterLongerThanItsChunkIsReportedAsMalformed() {
    CaptureReport r =
        analyze(
            new PcapWriter()
                .udp(9900, PORT, PcapWriter.sctp(5000, 7, 1, outgoingResetRequest(100, 12, 64))));
    assertThat(r.problems()).anyMatch(p -> p.contains("RE_CONFIG") && p.contains("malformed"));
  }

  @Test
  void theCheckedFieldsExistInThisTsharkVersion() throws Exception {
    // A misspelt field makes tshark fail, so this also guards the field list of Capture.
    Path f = dir.resolve("one.pcap");
    new PcapWriter().udp(9900, PORT, PcapWriter.sctp(5000, 7, 1, heartbeat())).write(f);
    assertThat(Files.size(f)).isPositive();
    assertThat(Capture.analyze(f, PORT).frames()).hasSize(1);
  }
}
