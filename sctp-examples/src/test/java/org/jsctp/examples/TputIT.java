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

  @Test
  @Timeout(60)
  void theServerCountsExactlyWhatTheClientSent() throws Exception {
    int udp = EchoProcessesIT.freeUdpPort();
    Process server = new ProcessBuilder(EchoProcessesIT.command(
        "tput-server", "--local", "127.0.0.1", "--port", "5001", "--udp-port", Integer.toString(udp),
        "--count", "1")).redirectErrorStream(true).start();
    try {
      BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      assertThat(serverOut.readLine()).contains("tput-server listening");
      EchoProcessesIT.Run client = EchoProcessesIT.run("tput-client", "--remote", "127.0.0.1",
          "--remote-udp-port", Integer.toString(udp), "--size", "8192", "--streams", "2",
          "--duration", "2");
      assertThat(client.exitCode()).isZero();
      Matcher c = client.line(RESULT);
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = serverOut.readLine()) != null) {
        lines.add(line);
      }
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Matcher s = EchoProcessesIT.firstMatch(RESULT, lines, "tput-server");
      assertThat(Long.parseLong(c.group(1))).isPositive();
      assertThat(s.group(1)).isEqualTo(c.group(1));
      assertThat(s.group(2)).isEqualTo(c.group(2));
    } finally {
      server.destroyForcibly();
    }
  }
}
