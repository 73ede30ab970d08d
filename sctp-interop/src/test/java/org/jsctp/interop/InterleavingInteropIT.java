package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.interop.CaptureReport.ABORT;
import static org.jsctp.interop.CaptureReport.DATA;
import static org.jsctp.interop.CaptureReport.I_DATA;
import static org.jsctp.interop.ExtensionHosts.A_UDP;
import static org.jsctp.interop.ExtensionHosts.B_UDP;
import static org.jsctp.interop.ExtensionHosts.STREAMS;
import static org.jsctp.interop.Topology.addrA;
import static org.jsctp.interop.Topology.addrB;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * I-DATA (RFC 8260) with interleaving against usrsctp, both ways: both sides offer I-DATA (jsctp
 * {@code --idata}, usrsctp SCTP_FRAGMENT_INTERLEAVE 2 and SCTP_INTERLEAVING_SUPPORTED) and schedule
 * round robin (jsctp {@code --scheduler rr}, usrsctp SCTP_PLUGGABLE_SS SCTP_SS_ROUND_ROBIN). Large
 * messages on several streams travel at once, so that the fragments of different streams' messages
 * interleave on the wire. The capture must show only I-DATA (no DATA) from both sides, fragments of
 * one stream's message between the first and the last fragment of another's, in both directions,
 * and every message must come back intact.
 *
 * <p>usrsctp runs with a partial delivery point of 4096 bytes: with its default (half the receive
 * buffer) it deadlocks when several large messages arrive interleaved (docs/interop.md).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class InterleavingInteropIT {

  /** usrsctp's workaround, see the class comment. */
  static final int USRSCTP_PD_POINT = 4096;

  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) {
    Env.assumeNetns();
    Examples.assumeSubcommand("echo-server");
    Examples.assumeSubcommand("echo-client");
    dir = Env.testDir(info);
  }

  /**
   * usrsctp sends 100 kB messages on stream 0 and 300-byte ones on streams 1 to 3; our echo-server
   * echoes them, so both senders interleave large and small messages.
   */
  @Test
  void usrsctpAndOurEchoServerInterleaveLargeAndSmallMessages() {
    try (Topology t = Topology.create(1);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), B_UDP, A_UDP);
        Proc server =
            Examples.echoServer(
                t.b(),
                dir,
                "jsctp-echo-server",
                B_UDP,
                List.of(
                    "--local",
                    addrB(1),
                    "--port",
                    Integer.toString(Usrsctp.ECHO_PORT),
                    "--idata",
                    "--scheduler",
                    "rr"));
        Proc client =
            MhPeer.client()
                .local(addrA(1))
                .remote(addrB(1))
                .port(Usrsctp.ECHO_PORT)
                .udpPorts(A_UDP, B_UDP)
                .count(80)
                .size(300)
                .largeSize(100_000)
                .streams(STREAMS)
                .window(16)
                .idata()
                .scheduler("rr")
                .pdPoint(USRSCTP_PD_POINT)
                .start(t.a(), dir, "mhpeer-client")) {
      assertThat(client.awaitExit(Duration.ofSeconds(120))).as(client.tail()).isZero();
      EchoResult r = EchoResult.from(client);
      assertThat(r.complete()).as(r.toString()).isTrue();
      assertThat(server.isAlive()).isTrue();
      CaptureReport report = cap.stop();
      record(
          report,
          "usrsctp (mhpeer client, 100 kB on stream 0, 300 B on streams 1-3)"
              + " -> jsctp echo-server, "
              + r);
    }
  }

  /** Our echo-client sends 100 kB messages on 4 streams; usrsctp echoes them. */
  @Test
  void ourEchoClientAndUsrsctpInterleaveLargeMessagesOfFourStreams() {
    try (Topology t = Topology.create(1);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), B_UDP, A_UDP);
        Proc server =
            MhPeer.server()
                .local(addrB(1))
                .port(Usrsctp.ECHO_PORT)
                .udpPorts(B_UDP, A_UDP)
                .idata()
                .scheduler("rr")
                .pdPoint(USRSCTP_PD_POINT)
                .start(t.b(), dir, "mhpeer-server");
        Proc client =
            Examples.echoClient(
                t.a(),
                dir,
                "jsctp-echo-client",
                A_UDP,
                ExtensionHosts.jsctpClient(
                    "--count", "40", "--size", "100000", "--idata", "--scheduler", "rr"))) {
      assertThat(client.awaitExit(Duration.ofSeconds(120))).as(client.tail()).isZero();
      EchoResult r = EchoResult.from(client);
      assertThat(r.complete()).as(r.toString()).isTrue();
      assertThat(MhPeer.serverEchoed(server)).as("messages usrsctp echoed").isEqualTo(r.sent());
      assertThat(client.stdoutLines())
          .as("what the association uses")
          .anyMatch(l -> l.contains("I-DATA yes, scheduler rr"));
      CaptureReport report = cap.stop();
      record(report, "jsctp echo-client (100 kB on 4 streams) -> usrsctp (mhpeer server), " + r);
    }
  }

  private void record(CaptureReport report, String what) {
    List<CaptureReport.UserData> fromA = report.firstTransmissions(f -> f.from(addrA(1)));
    List<CaptureReport.UserData> fromB = report.firstTransmissions(f -> f.from(addrB(1)));
    long interleavedA = CaptureReport.interleavings(fromA);
    long interleavedB = CaptureReport.interleavings(fromB);
    Log.record(
        dir,
        what
            + "; I-DATA chunks interleaved with another stream's message: "
            + interleavedA
            + " of "
            + fromA.size()
            + " from host a, "
            + interleavedB
            + " of "
            + fromB.size()
            + " from host b; "
            + report.summary());
    report.assertClean();
    assertThat(report.chunks(DATA)).as("DATA chunks (I-DATA was negotiated)").isZero();
    assertThat(fromA).as("I-DATA chunks from host a").isNotEmpty().allMatch(d -> d.idata());
    assertThat(fromB).as("I-DATA chunks from host b").isNotEmpty().allMatch(d -> d.idata());
    assertThat(report.chunks(I_DATA)).isGreaterThanOrEqualTo(fromA.size() + fromB.size());
    assertThat(report.dataStreams(f -> f.from(addrA(1)))).hasSize(STREAMS);
    assertThat(report.dataStreams(f -> f.from(addrB(1)))).hasSize(STREAMS);
    assertThat(interleavedA)
        .as("fragments from host a inside another stream's message")
        .isPositive();
    assertThat(interleavedB)
        .as("fragments from host b inside another stream's message")
        .isPositive();
    assertThat(report.chunks(ABORT)).as("ABORT chunks").isZero();
    assertThat(report.chunks(CaptureReport.ERROR)).as("ERROR chunks").isZero();
    EchoClientToUsrsctpIT.assertShutdownStartedBy(report, addrA(1), addrB(1));
  }
}
