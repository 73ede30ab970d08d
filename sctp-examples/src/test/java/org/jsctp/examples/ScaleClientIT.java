package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** scale-client against echo-server as processes on loopback: every association up and echoing. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ScaleClientIT {

  static final Pattern UP = Pattern.compile("UP associations=(\\d+) failed=(\\d+) seconds=\\S+");
  static final Pattern RESULT =
      Pattern.compile(
          "RESULT associations=(\\d+) up=(\\d+) failed=(\\d+) held_s=\\S+ sent=(\\d+)"
              + " echoed=(\\d+) p50_us=(\\d+) p99_us=(\\d+) cpu_s=\\S+");

  @Test
  void fiftyAssociationsComeUpAndEchoAtTheirRate() throws Exception {
    int udp = EchoProcessesIT.freeUdpPort();
    Process server =
        new ProcessBuilder(
                EchoProcessesIT.command(
                    "echo-server", "--local", "127.0.0.1", "--udp-port", Integer.toString(udp)))
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader r =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      assertThat(r.readLine()).startsWith("echo-server listening on");
      CompletableFuture.runAsync(() -> EchoProcessesIT.read(server.getInputStream()));

      EchoProcessesIT.Run run =
          EchoProcessesIT.run(
              "scale-client",
              "--remote",
              "127.0.0.1",
              "--remote-udp-port",
              Integer.toString(udp),
              "--associations",
              "50",
              "--rate",
              "4",
              "--duration",
              "3");

      assertThat(run.exitCode()).as("exit code; output %s %s", run.out(), run.err()).isZero();
      Matcher up = run.line(UP);
      assertThat(up.group(1)).isEqualTo("50");
      assertThat(up.group(2)).isEqualTo("0");
      Matcher res = run.line(RESULT);
      assertThat(res.group(2)).isEqualTo("50");
      long sent = Long.parseLong(res.group(4));
      long echoed = Long.parseLong(res.group(5));
      // 50 associations x 4 msgs/s x 3 s, give or take the pacing at both ends of the run
      assertThat(sent).isBetween(300L, 700L);
      // the last messages may still be in flight when the run ends
      assertThat(echoed).isBetween(sent - 60, sent);
      assertThat(Long.parseLong(res.group(6))).isPositive();
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  void badArgumentsExitWithTwo() throws Exception {
    EchoProcessesIT.Run run =
        EchoProcessesIT.run("scale-client", "--remote", "127.0.0.1", "--associations", "0");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--associations");
  }
}
