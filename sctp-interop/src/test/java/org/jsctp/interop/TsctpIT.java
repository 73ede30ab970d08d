package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.interop.CaptureReport.DATA;
import static org.jsctp.interop.Topology.addrA;
import static org.jsctp.interop.Topology.addrB;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * The throughput tools against usrsctp's tsctp, both ways: tsctp's client to our tput-server and
 * our tput-client to tsctp's server (SCTP port 5001). Both sides must count the same messages and
 * bytes, and the capture must be clean. Numbers are recorded, never asserted.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TsctpIT {

  static final int SERVER_UDP = 9899;
  static final int CLIENT_UDP = 9900;
  static final int SIZE = 8192;

  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) {
    Env.assumeNetns();
    Examples.assumeSubcommand("tput-server");
    dir = Env.testDir(info);
  }

  private static Proc tsctp(NetNs ns, Path dir, String name, List<String> args) {
    List<String> c = new java.util.ArrayList<>(List.of("stdbuf", "-oL", "-eL",
        Env.USRSCTP_PROGRAMS.resolve("tsctp").toString()));
    c.addAll(args);
    return Proc.start(name, dir, ns.wrap(c));
  }

  @Test
  void tsctpClientToOurTputServerCountsEveryMessage() {
    try (Topology t = Topology.create(1);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), SERVER_UDP, CLIENT_UDP)) {
      UdpPorts.assertFree(t.b(), SERVER_UDP);
      try (Proc server = Proc.start("jsctp-tput-server", dir, Examples.command(t.b(), List.of(
              "tput-server", "--local", addrB(1), "--udp-port", Integer.toString(SERVER_UDP),
              "--count", "1")))) {
        UdpPorts.awaitBound(t.b(), SERVER_UDP, server, Duration.ofSeconds(60));
        UdpPorts.assertFree(t.a(), CLIENT_UDP);
        try (Proc client = tsctp(t.a(), dir, "usrsctp-tsctp-client", List.of(
            "-E", Integer.toString(CLIENT_UDP), "-U", Integer.toString(SERVER_UDP),
            "-n", "0", "-T", "3", "-l", Integer.toString(SIZE), addrB(1)))) {
          Matcher sent = client.awaitLine("Sending of (\\d+) messages of length (\\d+)", Duration.ofSeconds(60));
          long messages = Long.parseLong(sent.group(1));
          Matcher result = server.awaitLine(
              "RESULT messages=(\\d+) bytes=(\\d+) seconds=(\\S+) msgs_per_s=\\S+ mbit_per_s=(\\S+)",
              Duration.ofSeconds(60));
          assertThat(server.awaitExit(Duration.ofSeconds(30))).as(server.tail()).isZero();
          assertThat(messages).isPositive();
          assertThat(Long.parseLong(result.group(1))).isEqualTo(messages);
          assertThat(Long.parseLong(result.group(2))).isEqualTo(messages * SIZE);
          CaptureReport report = cap.stop();
          Log.record(dir, "usrsctp tsctp -> jsctp tput-server, " + SIZE + " B for 3 s: tsctp sent "
              + messages + ", tput-server counted " + result.group(1) + " messages, "
              + result.group(4) + " Mbit/s; " + UdpCounters.describe(t) + "; " + report.summary());
          report.assertClean();
          assertThat(report.chunks(DATA, f -> f.from(addrA(1)))).isGreaterThanOrEqualTo(messages);
        }
      }
    }
  }

  @Test
  void ourTputClientToTsctpServerIsCountedInFull() {
    try (Topology t = Topology.create(1);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), SERVER_UDP, CLIENT_UDP)) {
      UdpPorts.assertFree(t.b(), SERVER_UDP);
      try (Proc server = tsctp(t.b(), dir, "usrsctp-tsctp-server", List.of("-E", Integer.toString(SERVER_UDP)))) {
        UdpPorts.awaitBound(t.b(), SERVER_UDP, server, Duration.ofSeconds(20));
        UdpPorts.assertFree(t.a(), CLIENT_UDP);
        try (Proc client = Proc.start("jsctp-tput-client", dir, Examples.command(t.a(), List.of(
            "tput-client", "--remote", addrB(1), "--remote-udp-port", Integer.toString(SERVER_UDP),
            "--udp-port", Integer.toString(CLIENT_UDP), "--local", addrA(1),
            "--size", Integer.toString(SIZE), "--duration", "3")))) {
          Matcher result = client.awaitLine(
              "RESULT messages=(\\d+) bytes=(\\d+) seconds=(\\S+) msgs_per_s=\\S+ mbit_per_s=(\\S+)",
              Duration.ofSeconds(60));
          assertThat(client.awaitExit(Duration.ofSeconds(30))).as(client.tail()).isZero();
          long messages = Long.parseLong(result.group(1));
          // tsctp's server line: length, messages, calls, bytes, seconds, B/s, notifications.
          Matcher counted = server.awaitLine("^" + SIZE + ", (\\d+), \\d+, (\\d+),", Duration.ofSeconds(30));
          assertThat(messages).isPositive();
          assertThat(Long.parseLong(counted.group(1))).isEqualTo(messages);
          assertThat(Long.parseLong(counted.group(2))).isEqualTo(messages * SIZE);
          CaptureReport report = cap.stop();
          Log.record(dir, "jsctp tput-client -> usrsctp tsctp server, " + SIZE + " B for 3 s: sent "
              + messages + ", tsctp counted " + counted.group(1) + "; " + result.group(4)
              + " Mbit/s; " + UdpCounters.describe(t) + "; " + report.summary());
          report.assertClean();
        }
      }
    }
  }
}
