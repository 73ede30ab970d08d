package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.interop.CaptureReport.DATA;
import static org.jsctp.interop.Topology.addrA;
import static org.jsctp.interop.Topology.addrB;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Netty SCTP echo client on jsctp's Netty channel ({@link NettyEchoClient}: {@code Bootstrap},
 * {@code .channel(JsctpSctpChannel.class)}, {@code SctpMessage}s) in host a against usrsctp's
 * {@code echo_server} in host b: every message comes back intact on its stream, the DATA chunks
 * carry the streams and the U flag the pipeline asked for, and the association ends with the
 * graceful shutdown the client's close starts.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class NettyEchoClientToUsrsctpIT {

  static final int SERVER_UDP = 9899;
  static final int CLIENT_UDP = 9900;

  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) {
    Env.assumeNetns();
    dir = Env.testDir(info);
  }

  @ParameterizedTest(name = "size={0} count={1} streams={2} unordered={3}")
  @CsvSource({"1000, 500, 4, false", "8192, 200, 4, true"})
  void theNettyClientGetsEveryMessageBackFromUsrsctp(
      int size, int count, int streams, boolean unordered) {
    try (Topology t = Topology.create(1);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), SERVER_UDP, CLIENT_UDP);
        Proc server = Usrsctp.echoServer(t.b(), dir, SERVER_UDP, CLIENT_UDP);
        Proc client =
            NettyEchoClient.start(
                t.a(),
                dir,
                addrB(1),
                Usrsctp.ECHO_PORT,
                addrA(1),
                CLIENT_UDP,
                SERVER_UDP,
                count,
                size,
                streams,
                unordered)) {
      assertThat(client.awaitExit(Duration.ofSeconds(150))).as(client.tail()).isZero();
      EchoResult r = EchoResult.from(client);
      assertThat(r.complete()).as(r.toString()).isTrue();
      assertThat(r.sent()).isEqualTo(count);

      CaptureReport report = cap.stop();
      Log.record(
          dir,
          "Netty echo client on JsctpSctpChannel -> usrsctp echo_server, "
              + count
              + " x "
              + size
              + " bytes"
              + (unordered ? " unordered" : "")
              + ": "
              + r
              + "; "
              + UdpCounters.describe(t)
              + "; "
              + report.summary());
      report.assertClean();
      String a = addrA(1);
      String b = addrB(1);
      assertThat(report.chunks(DATA, f -> f.from(a))).isGreaterThanOrEqualTo(count);
      assertThat(report.dataStreams(f -> f.from(a))).hasSize(streams);
      assertThat(report.dataStreams(f -> f.from(b))).hasSize(streams);
      assertThat(report.dataByUnordered(f -> f.from(a)).get(!unordered))
          .as("DATA chunks from the Netty client with the U flag %s", unordered ? "clear" : "set")
          .isZero();
      EchoClientToUsrsctpIT.assertShutdownStartedBy(report, a, b);
    }
  }
}
