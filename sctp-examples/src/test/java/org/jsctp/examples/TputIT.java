package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** tput-client to tput-server as processes on loopback: both sides count the same bytes. */
class TputIT {

  static final Pattern RESULT = Pattern.compile(
      "RESULT messages=(\\d+) bytes=(\\d+) seconds=\\S+ msgs_per_s=\\S+ mbit_per_s=\\S+ cpu_s=\\S+");

  static final Pattern INTERVAL =
      Pattern.compile("INTERVAL t=([0-9.]+) bytes=(\\d+) msgs=(\\d+) mbit_s=[0-9.]+( assoc=\\d+)?");

  /** What the client printed, and every line of the server after its "listening" line. */
  record Exchange(EchoProcessesIT.Run client, List<String> server) {}

  /** One association: a tput-server for it with {@code serverFlags}, a tput-client with {@code clientFlags}. */
  static Exchange exchange(List<String> serverFlags, String... clientFlags) throws Exception {
    int udp = EchoProcessesIT.freeUdpPort();
    List<String> serverArgs = new ArrayList<>(List.of("tput-server", "--local", "127.0.0.1",
        "--port", "5001", "--udp-port", Integer.toString(udp), "--count", "1"));
    serverArgs.addAll(serverFlags);
    Process server = new ProcessBuilder(EchoProcessesIT.command(serverArgs.toArray(new String[0])))
        .redirectErrorStream(true).start();
    try {
      BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      assertThat(serverOut.readLine()).contains("tput-server listening");
      List<String> clientArgs = new ArrayList<>(List.of("tput-client", "--remote", "127.0.0.1",
          "--remote-udp-port", Integer.toString(udp)));
      clientArgs.addAll(List.of(clientFlags));
      EchoProcessesIT.Run client = EchoProcessesIT.run(clientArgs.toArray(new String[0]));
      assertThat(client.exitCode()).isZero();
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = serverOut.readLine()) != null) {
        lines.add(line);
      }
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      return new Exchange(client, lines);
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  @Timeout(60)
  void theServerCountsExactlyWhatTheClientSent() throws Exception {
    Exchange x = exchange(List.of(), "--size", "8192", "--streams", "2", "--duration", "2");

    Matcher c = x.client().line(RESULT);
    Matcher s = EchoProcessesIT.firstMatch(RESULT, x.server(), "tput-server");
    assertThat(Long.parseLong(c.group(1))).isPositive();
    assertThat(s.group(1)).isEqualTo(c.group(1));
    assertThat(s.group(2)).isEqualTo(c.group(2));
  }

  @Test
  @Timeout(60)
  void withAnIntervalBothSidesReportEachIntervalBesidesTheResult() throws Exception {
    Exchange x = exchange(List.of("--interval", "0.5"),
        "--size", "1024", "--duration", "1.6", "--interval", "0.5");

    List<Matcher> sent = intervals(x.client().out());
    assertThat(sent).isNotEmpty().extracting(m -> Double.parseDouble(m.group(1)))
        .isSorted().allSatisfy(t -> assertThat(t).isPositive());
    assertThat(sent).allSatisfy(m -> assertThat(m.group(4)).isNull());
    assertThat(sum(sent, 2)).isPositive()
        .isLessThanOrEqualTo(Long.parseLong(x.client().line(RESULT).group(2)));
    List<String> lines = x.server();
    List<Matcher> received = intervals(lines);
    assertThat(received).isNotEmpty().allSatisfy(m -> assertThat(m.group(4)).startsWith(" assoc="));
    assertThat(sum(received, 2)).isPositive().isLessThanOrEqualTo(
        Long.parseLong(EchoProcessesIT.firstMatch(RESULT, lines, "tput-server").group(2)));
    assertThat(lines.indexOf(lines.stream().filter(l -> l.startsWith("RESULT")).findFirst().get()))
        .as("no INTERVAL line after the RESULT line: %s", lines)
        .isGreaterThan(lines.lastIndexOf(received.get(received.size() - 1).group()));
  }

  static List<Matcher> intervals(List<String> lines) {
    List<Matcher> found = new ArrayList<>();
    for (String l : lines) {
      Matcher m = INTERVAL.matcher(l);
      if (m.matches()) {
        found.add(m);
      }
    }
    return found;
  }

  static long sum(List<Matcher> lines, int group) {
    return lines.stream().mapToLong(m -> Long.parseLong(m.group(group))).sum();
  }
}
