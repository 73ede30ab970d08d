package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.interop.CaptureReport.ABORT;
import static org.jsctp.interop.CaptureReport.DATA;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * usrsctp clients (host a) against jsctp's echo-server (host b): usrsctp's own {@code client} with
 * its graceful shutdown, mhpeer checking streams, PPIDs and the unordered flag of every echo, an
 * ABORT from usrsctp, and an ABORT from our side.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class UsrsctpClientToEchoServerIT {

  static final int SERVER_UDP = 9899;
  static final int CLIENT_UDP = 9900;

  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) {
    Env.assumeNetns();
    Examples.assumeSubcommand("echo-server");
    dir = Env.testDir(info);
  }

  static Proc ourServer(Topology t, Path dir, String name) {
    return Examples.echoServer(
        t.b(),
        dir,
        name,
        SERVER_UDP,
        List.of("--local", addrB(1), "--port", Integer.toString(Usrsctp.ECHO_PORT), "--verbose"));
  }

  @Test
  void usrsctpClientLinesAreEchoedAndItsGracefulShutdownCompletes() {
    int lines = 20;
    try (Topology t = Topology.create(1);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), SERVER_UDP, CLIENT_UDP);
        Proc server = ourServer(t, dir, "jsctp-echo-server");
        Proc client = Usrsctp.client(t.a(), dir, addrB(1), CLIENT_UDP, SERVER_UDP)) {
      Usrsctp.echoLines(client, lines);
      assertThat(server.isAlive()).as("our echo-server keeps running").isTrue();

      CaptureReport report = cap.stop().assertClean();
      assertThat(report.chunks(DATA, f -> f.from(addrA(1)))).isEqualTo(lines);
      assertThat(report.chunks(DATA, f -> f.from(addrB(1)))).isEqualTo(lines);
      EchoClientToUsrsctpIT.assertShutdownStartedBy(report, addrA(1), addrB(1));
      Log.record(
          dir,
          "usrsctp client -> jsctp echo-server: lines echoed "
              + lines
              + "/"
              + lines
              + ", graceful shutdown started by usrsctp; "
              + UdpCounters.describe(t)
              + "; "
              + report.summary());
    }
  }

  /**
   * Windowed runs for small messages, a paced run (20 per second) for 64 KiB ones: see {@link
   * #burstsOfLargeMessagesDoNotOverflowOurReceiveBuffer} for why.
   */
  @ParameterizedTest(name = "size={0} count={1} rate={2} streams={3} unordered={4}")
  @CsvSource({"100, 1000, 0, 5, false", "1000, 1000, 0, 5, true", "65536, 60, 20, 3, false"})
  void mhpeerGetsEveryMessageBackOnItsStreamWithItsPpidAndOrdering(
      int size, int count, int rate, int streams, boolean unordered) {
    runMhpeerClient(size, count, rate, streams, unordered);
  }

  /**
   * Was a known issue until sctp-netty asked for 4 MiB socket buffers: 16 messages of 64 KiB in flight from
   * usrsctp overflow the UDP receive buffer of jsctp's server socket (kernel default 212,992 bytes,
   * below the 262,144-byte window jsctp advertises); the SACKs that follow gap-acknowledge more
   * than 100 TSNs, which tshark reports as an expert warning.
   */
  @Test
  void burstsOfLargeMessagesDoNotOverflowOurReceiveBuffer() {
    UdpCounters b = runMhpeerClient(65536, 60, 0, 3, false);
    assertThat(b.rcvbufErrors())
        .as("datagrams dropped by jsctp's full UDP receive buffer")
        .isZero();
  }

  private UdpCounters runMhpeerClient(
      int size, int count, int rate, int streams, boolean unordered) {
    try (Topology t = Topology.create(1);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), SERVER_UDP, CLIENT_UDP);
        Proc server = ourServer(t, dir, "jsctp-echo-server")) {
      MhPeer.Builder b =
          MhPeer.client()
              .local(addrA(1))
              .remote(addrB(1))
              .port(Usrsctp.ECHO_PORT)
              .udpPorts(CLIENT_UDP, SERVER_UDP)
              .size(size)
              .streams(streams);
      if (rate > 0) {
        b.rate(rate, Math.max(1, count / rate));
      } else {
        b.count(count).window(16);
      }
      if (unordered) {
        b.unordered();
      }
      try (Proc client = b.start(t.a(), dir, "mhpeer-client")) {
        assertThat(client.awaitExit(Duration.ofSeconds(120))).as(client.tail()).isZero();
        EchoResult r = EchoResult.from(client);
        assertThat(r.complete()).as(r.toString()).isTrue();
        UdpCounters udp = UdpCounters.of(t.b());
        String drops = UdpCounters.describe(t);

        CaptureReport report = cap.stop();
        Log.record(
            dir,
            "usrsctp (mhpeer"
                + (rate > 0 ? ", " + rate + " msgs/s" : ", window 16")
                + ") -> jsctp echo-server, every echo checked for stream, PPID and ordering: "
                + r
                + "; "
                + drops
                + "; "
                + report.summary());
        report.assertClean();
        assertThat(report.dataStreams(f -> f.from(addrB(1)))).hasSize(streams);
        assertThat(report.dataByUnordered(f -> f.from(addrB(1))).get(!unordered))
            .as("echoes from jsctp with the wrong U flag")
            .isZero();
        EchoClientToUsrsctpIT.assertShutdownStartedBy(report, addrA(1), addrB(1));
        return udp;
      }
    }
  }

  @Test
  void ourServerSurvivesAnAbortFromUsrsctpAndServesTheNextClient() {
    try (Topology t = Topology.create(1);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), SERVER_UDP, CLIENT_UDP);
        Proc server = ourServer(t, dir, "jsctp-echo-server")) {
      try (Proc aborter =
          MhPeer.client()
              .local(addrA(1))
              .remote(addrB(1))
              .port(Usrsctp.ECHO_PORT)
              .udpPorts(CLIENT_UDP, SERVER_UDP)
              .count(100000)
              .size(1000)
              .abortAfter(50)
              .start(t.a(), dir, "mhpeer-client-aborting")) {
        assertThat(aborter.awaitExit(Duration.ofSeconds(60))).as(aborter.tail()).isZero();
        aborter.awaitLine("ABORTING after", Duration.ofSeconds(1));
      }
      UdpPorts.awaitFree(t.a(), CLIENT_UDP, Duration.ofSeconds(10));
      try (Proc next =
          MhPeer.client()
              .local(addrA(1))
              .remote(addrB(1))
              .port(Usrsctp.ECHO_PORT)
              .udpPorts(CLIENT_UDP, SERVER_UDP)
              .count(200)
              .size(1000)
              .start(t.a(), dir, "mhpeer-client-next")) {
        assertThat(next.awaitExit(Duration.ofSeconds(60))).as(next.tail()).isZero();
        EchoResult r = EchoResult.from(next);
        assertThat(r.complete()).as(r.toString()).isTrue();
        assertThat(server.isAlive()).isTrue();

        CaptureReport report = cap.stop().assertClean();
        List<CaptureReport.Frame> aborts = report.where(f -> f.has(ABORT));
        assertThat(aborts).as("ABORT chunks").isNotEmpty().allMatch(f -> f.from(addrA(1)));
        assertThat(aborts.get(0).flagsOf(ABORT) & 1).as("T bit of mhpeer's ABORT").isZero();
        // DATA our server sent before it saw the ABORT reaches a usrsctp that no longer knows
        // the association: usrsctp answers it out of the blue, with the T bit (RFC 9260 8.4).
        assertThat(aborts.subList(1, aborts.size()))
            .as("later ABORTs are usrsctp's answers to our DATA in flight")
            .allMatch(f -> (f.flagsOf(ABORT) & 1) == 1);
        int abortAt = aborts.get(0).number();
        int nextInit =
            report.where(f -> f.has(CaptureReport.INIT) && f.number() > abortAt).get(0).number();
        long dataAfterAbort =
            report.chunks(
                DATA, f -> f.from(addrB(1)) && f.number() > abortAt && f.number() < nextInit);
        Log.record(
            dir,
            "usrsctp (mhpeer) ABORT after 50 echoes, jsctp echo-server kept running and echoed the"
                + " next association: "
                + r
                + "; ABORTs "
                + aborts.size()
                + " ("
                + dataAfterAbort
                + " DATA chunks of the aborted association were already in flight); "
                + UdpCounters.describe(t)
                + "; "
                + report.summary());
      }
    }
  }

  @Test
  void ourRestartedServerAbortsTheAssociationItNoLongerKnows() {
    try (Topology t = Topology.create(1);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), SERVER_UDP, CLIENT_UDP)) {
      Proc first = ourServer(t, dir, "jsctp-echo-server-1");
      try (Proc client =
          MhPeer.client()
              .local(addrA(1))
              .remote(addrB(1))
              .port(Usrsctp.ECHO_PORT)
              .udpPorts(CLIENT_UDP, SERVER_UDP)
              .rate(50, 60)
              .size(200)
              .progress(50)
              .start(t.a(), dir, "mhpeer-client")) {
        client.awaitLine("progress echoed=100\\b", Duration.ofSeconds(60));
        // The server process dies without a word; a new one takes its port.
        first.signal("KILL");
        first.awaitExit(Duration.ofSeconds(10));
        UdpPorts.awaitFree(t.b(), SERVER_UDP, Duration.ofSeconds(10));
        double restartedAt = System.currentTimeMillis() / 1000.0;
        try (Proc second = ourServer(t, dir, "jsctp-echo-server-2")) {
          client.awaitLine("assoc \\d+ COMM_LOST", Duration.ofSeconds(60));
          assertThat(client.awaitExit(Duration.ofSeconds(30))).as(client.tail()).isEqualTo(3);

          CaptureReport report = cap.stop().assertClean();
          List<CaptureReport.Frame> aborts =
              report.where(f -> f.has(ABORT) && f.from(addrB(1)) && f.time() > restartedAt);
          assertThat(aborts).as("ABORT from the restarted jsctp server").isNotEmpty();
          assertThat(aborts.get(0).flagsOf(ABORT) & 1)
              .as("T bit: the ABORT reflects the verification tag of the unknown association")
              .isEqualTo(1);
          Log.record(
              dir,
              "jsctp echo-server killed and restarted: it answered usrsctp's DATA for the unknown"
                  + " association with "
                  + aborts.get(0).describe()
                  + " (T bit set), usrsctp"
                  + " reported COMM_LOST; "
                  + UdpCounters.describe(t)
                  + "; "
                  + report.summary());
        }
      } finally {
        first.close();
      }
    }
  }
}
