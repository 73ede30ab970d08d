package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.interop.CaptureReport.DATA;
import static org.jsctp.interop.CaptureReport.SHUTDOWN;
import static org.jsctp.interop.CaptureReport.SHUTDOWN_ACK;
import static org.jsctp.interop.CaptureReport.SHUTDOWN_COMPLETE;
import static org.jsctp.interop.Topology.addrA;
import static org.jsctp.interop.Topology.addrB;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * Proves the harness with usrsctp on both sides before it judges jsctp: namespaces, veth paths,
 * port checks, captures and their checks, the blackhole, and mhpeer.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UsrsctpHarnessIT {

  static final int SERVER_UDP = 9899;
  static final int CLIENT_UDP = 9900;

  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) {
    Env.assumeNetns();
    dir = Env.testDir(info);
  }

  @Test
  void usrsctpEchoServerEchoesEveryLineOfUsrsctpClientAcrossTwoNamespaces() throws IOException {
    int lines = 20;
    try (Topology t = Topology.create(1);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), SERVER_UDP, CLIENT_UDP);
        Proc server = Usrsctp.echoServer(t.b(), dir, SERVER_UDP, CLIENT_UDP);
        Proc client = Usrsctp.client(t.a(), dir, addrB(1), CLIENT_UDP, SERVER_UDP)) {
      Usrsctp.echoLines(client, lines);

      CaptureReport report = cap.stop().assertClean();
      String a = addrA(1);
      String b = addrB(1);
      assertThat(report.chunks(DATA, f -> f.from(a))).isEqualTo(lines);
      assertThat(report.chunks(DATA, f -> f.from(b))).isEqualTo(lines);
      assertThat(report.chunks(SHUTDOWN, f -> f.from(a))).isPositive();
      assertThat(report.chunks(SHUTDOWN_ACK, f -> f.from(b))).isPositive();
      assertThat(report.chunks(SHUTDOWN_COMPLETE, f -> f.from(a))).isPositive();
      Log.record(
          dir,
          "lines echoed "
              + lines
              + "/"
              + lines
              + "; "
              + UdpCounters.describe(t)
              + "; "
              + report.summary());

      // The same capture with one payload byte changed must fail the check.
      Path corrupted = dir.resolve("capture-corrupted.pcapng");
      byte[] bytes = Files.readAllBytes(cap.file());
      int at = indexOf(bytes, "line-7\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(at).isNotNegative();
      bytes[at + 5] ^= 0x01; // "line-7" becomes "line-6"
      Files.write(corrupted, bytes);
      List<String> problems = Capture.analyze(corrupted, SERVER_UDP, CLIENT_UDP).problems();
      assertThat(problems).anyMatch(p -> p.endsWith("bad CRC32c"));
      String frame =
          problems.get(0).substring(0, problems.get(0).indexOf(' ', "frame ".length()) + 1);
      assertThat(problems).allMatch(p -> p.startsWith(frame)); // only the corrupted packet
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void mhpeerEchoesLargeUnorderedMessagesOnSeveralStreams() {
    try (Topology t = Topology.create(1);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), SERVER_UDP, CLIENT_UDP);
        Proc server =
            MhPeer.server()
                .local(addrB(1))
                .udpPorts(SERVER_UDP, CLIENT_UDP)
                .start(t.b(), dir, "mhpeer-server");
        Proc client =
            MhPeer.client()
                .local(addrA(1))
                .remote(addrB(1))
                .udpPorts(CLIENT_UDP, SERVER_UDP)
                .count(60)
                .size(65536)
                .streams(4)
                .unordered()
                .window(8)
                .start(t.a(), dir, "mhpeer-client")) {
      assertThat(client.awaitExit(Duration.ofSeconds(60))).as(client.tail()).isZero();
      EchoResult r = EchoResult.from(client);
      assertThat(r.complete()).as(r.toString()).isTrue();
      server.awaitLine("SERVER assoc=\\d+ echoed=60 .* end=SHUTDOWN_COMP", Duration.ofSeconds(10));

      CaptureReport report = cap.stop().assertClean();
      // 64 KiB messages are fragmented: many DATA chunks per message in both directions.
      assertThat(report.chunks(DATA, f -> f.from(addrA(1)))).isGreaterThan(60 * 40);
      Log.record(
          dir,
          "mhpeer 64 KiB x 60, 4 streams, unordered: "
              + r
              + "; "
              + UdpCounters.describe(t)
              + "; "
              + report.summary());
    }
  }

  @Test
  void mhpeerClientFailsOverToTheSecondPathWhenThePrimaryIsBlackholedAndComesBack() {
    try (Topology t = Topology.create(2);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), SERVER_UDP, CLIENT_UDP);
        Proc server =
            MhPeer.server()
                .local(addrB(1), addrB(2))
                .udpPorts(SERVER_UDP, CLIENT_UDP)
                .pf(0)
                .rto(200, 500, 1000)
                .hbInterval(1000)
                .progress(50)
                .start(t.b(), dir, "mhpeer-server");
        Proc client =
            MhPeer.client()
                .local(addrA(1), addrA(2))
                .remote(addrB(1), addrB(2))
                .udpPorts(CLIENT_UDP, SERVER_UDP)
                .rate(50, 20)
                .size(200)
                .pf(0)
                .rto(200, 500, 1000)
                .hbInterval(1000)
                .progress(50)
                .start(t.a(), dir, "mhpeer-client")) {
      Failover.Outcome outcome =
          Failover.cutAndHealPrimary(t, server, "progress assoc \\d+ echoed=", client, addrB(1));
      assertThat(client.awaitExit(Duration.ofSeconds(60))).as(client.tail()).isZero();
      EchoResult r = EchoResult.from(client);
      assertThat(r.complete()).as(r.toString()).isTrue();

      CaptureReport report = cap.stop().assertClean();
      Failover.assertDataMovedToPath2(report, outcome, addrA(1), addrB(1), addrA(2), addrB(2));
      double moved =
          Failover.assertPfFailover(report, outcome, addrA(1), addrB(1), addrA(2), addrB(2));
      Log.record(
          dir,
          "usrsctp (mhpeer, PF threshold 0, RTO 200..1000 ms) failover: "
              + r
              + "; "
              + outcome
              + "; first retransmission on path 2 "
              + String.format("%.2f", moved)
              + " s after the cut, no new DATA into the dead primary after it; "
              + UdpCounters.describe(t)
              + "; "
              + report.summary());
    }
  }

  /**
   * The control for the case above: with SCTP-PF left off (usrsctp's default), new data keeps going
   * into the dead primary after the first retransmission went to path 2, until usrsctp declares it
   * INACTIVE. This shows that mhpeer's {@code SCTP_PEER_ADDR_THLDS} setting takes effect and that
   * {@link Failover#assertPfFailover} tells the two behaviours apart.
   */
  @Test
  void withoutPfUsrsctpKeepsNewDataOnTheDeadPrimaryUntilItIsInactive() {
    try (Topology t = Topology.create(2);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), SERVER_UDP, CLIENT_UDP);
        Proc server =
            MhPeer.server()
                .local(addrB(1), addrB(2))
                .udpPorts(SERVER_UDP, CLIENT_UDP)
                .rto(200, 500, 1000)
                .hbInterval(1000)
                .progress(50)
                .start(t.b(), dir, "mhpeer-server");
        Proc client =
            MhPeer.client()
                .local(addrA(1), addrA(2))
                .remote(addrB(1), addrB(2))
                .udpPorts(CLIENT_UDP, SERVER_UDP)
                .rate(50, 20)
                .size(200)
                .rto(200, 500, 1000)
                .hbInterval(1000)
                .progress(50)
                .start(t.a(), dir, "mhpeer-client")) {
      client.awaitLine("CONFIG pf_threshold=65535 ", Duration.ofSeconds(1));
      Failover.Outcome outcome =
          Failover.cutAndHealPrimary(t, server, "progress assoc \\d+ echoed=", client, addrB(1));
      assertThat(client.awaitExit(Duration.ofSeconds(60))).as(client.tail()).isZero();
      EchoResult r = EchoResult.from(client);
      assertThat(r.complete()).as(r.toString()).isTrue();

      CaptureReport report = cap.stop().assertClean();
      long intoDeadPrimary =
          Failover.newDataIntoTheDeadPrimaryAfterTheFirstRetransmission(
              report, outcome, addrA(1), addrB(1), addrA(2), addrB(2));
      assertThat(intoDeadPrimary)
          .as("new DATA into the dead primary after the first retransmission on path 2")
          .isPositive();
      Log.record(
          dir,
          "usrsctp (mhpeer) without PF: "
              + r
              + "; "
              + outcome
              + "; "
              + intoDeadPrimary
              + " new DATA chunks went into the dead primary after the first retransmission on"
              + " path 2; "
              + UdpCounters.describe(t)
              + "; "
              + report.summary());
    }
  }
}
