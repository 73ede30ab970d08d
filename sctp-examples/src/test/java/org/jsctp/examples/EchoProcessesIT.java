package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The examples jar end to end: echo-server and echo-client as separate processes on loopback. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EchoProcessesIT {

  static final Pattern RESULT =
      Pattern.compile(
          "RESULT sent=(\\d+) echoed=(\\d+) mismatched=(\\d+) bytes=(\\d+) seconds=([0-9.]+)"
              + " msgs_per_s=([0-9.]+) max_gap_ms=(\\d+)");

  Process server;
  int serverUdp;

  record Run(int exitCode, List<String> out, String err) {
    Matcher result() {
      return line(RESULT);
    }

    /** The first output line that {@code p} matches whole. */
    Matcher line(Pattern p) {
      return firstMatch(p, out, err);
    }
  }

  /** The first of {@code lines} that {@code p} matches whole; {@code context} goes in the failure. */
  static Matcher firstMatch(Pattern p, List<String> lines, String context) {
    for (String line : lines) {
      Matcher m = p.matcher(line);
      if (m.matches()) {
        return m;
      }
    }
    throw new AssertionError("no line matching " + p + " in " + lines + " / " + context);
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("examples.jar", "target/sctp-examples.jar"));
    assertThat(Files.exists(jar)).as("the examples jar %s (built by mvn package)", jar).isTrue();
    return jar;
  }

  static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-Xmx256m");
    cmd.add("-jar");
    cmd.add(jar().toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  static int freeUdpPort() throws IOException {
    try (DatagramSocket s =
        new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
      return s.getLocalPort();
    }
  }

  static Run run(String... args) throws Exception {
    Process p = new ProcessBuilder(command(args)).start();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(line);
      }
    }
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, err.get(10, TimeUnit.SECONDS));
  }

  static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }

  @BeforeEach
  void startServer() throws Exception {
    serverUdp = freeUdpPort();
    server =
        new ProcessBuilder(
                command(
                    "echo-server",
                    "--local",
                    "127.0.0.1",
                    "--local",
                    "127.0.0.2",
                    "--port",
                    "7",
                    "--udp-port",
                    Integer.toString(serverUdp),
                    "--expose-pf"))
            .redirectErrorStream(true)
            .start();
    BufferedReader r =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String line = r.readLine();
    assertThat(line)
        .as("the server's first line")
        .startsWith("echo-server listening on")
        .contains("127.0.0.1:7")
        .contains("127.0.0.2:7")
        .endsWith("udp " + serverUdp);
    CompletableFuture.runAsync(() -> read(server.getInputStream()));
  }

  @AfterEach
  void stopServer() throws Exception {
    server.destroy();
    if (!server.waitFor(10, TimeUnit.SECONDS)) {
      server.destroyForcibly();
    }
  }

  @Test
  void aMultihomedClientGetsEveryMessageBackIntact() throws Exception {
    Run run =
        run(
            "echo-client",
            "--remote",
            "127.0.0.1",
            "--remote",
            "127.0.0.2",
            "--local",
            "127.0.0.1",
            "--local",
            "127.0.0.2",
            "--port",
            "7",
            "--remote-udp-port",
            Integer.toString(serverUdp),
            "--count",
            "500",
            "--size",
            "2000",
            "--streams",
            "4",
            "--expose-pf");

    assertThat(run.exitCode()).as("exit code; output %s %s", run.out(), run.err()).isZero();
    Matcher m = run.result();
    assertThat(m.group(1)).isEqualTo("500");
    assertThat(m.group(2)).isEqualTo("500");
    assertThat(m.group(3)).isEqualTo("0");
    assertThat(m.group(4)).isEqualTo("1000000");
    assertThat(run.out())
        .anyMatch(l -> l.matches("\\+\\d+ms association \\d+ COMM_UP streams out=4 in=\\d+"));
  }

  @Test
  void aTimedRunAtAFixedRateGetsEveryMessageBack() throws Exception {
    Run run =
        run(
            "echo-client",
            "--remote",
            "127.0.0.1",
            "--remote-udp-port",
            Integer.toString(serverUdp),
            "--rate",
            "200",
            "--duration",
            "1",
            "--size",
            "1",
            "--unordered",
            "--streams",
            "3");

    assertThat(run.exitCode()).as("exit code; output %s %s", run.out(), run.err()).isZero();
    Matcher m = run.result();
    assertThat(Long.parseLong(m.group(1))).isPositive();
    assertThat(m.group(2)).isEqualTo(m.group(1));
    assertThat(m.group(3)).isEqualTo("0");
  }

  static final Pattern LATENCY =
      Pattern.compile(
          "LATENCY samples=(\\d+) p50_us=(\\d+) p90_us=(\\d+) p99_us=(\\d+) max_us=(\\d+)");

  @Test
  void latencyPrintsPercentilesJustBeforeTheResultLine() throws Exception {
    Run run =
        run(
            "echo-client",
            "--remote",
            "127.0.0.1",
            "--remote-udp-port",
            Integer.toString(serverUdp),
            "--rate",
            "200",
            "--duration",
            "1",
            "--size",
            "100",
            "--latency");

    assertThat(run.exitCode()).as("exit code; output %s %s", run.out(), run.err()).isZero();
    Matcher result = run.result();
    int at = run.out().indexOf(result.group(0));
    assertThat(at).as("RESULT is not the first line").isPositive();
    Matcher m = LATENCY.matcher(run.out().get(at - 1));
    assertThat(m.matches()).as("the line before RESULT: %s", run.out()).isTrue();
    long samples = Long.parseLong(m.group(1));
    long p50 = Long.parseLong(m.group(2));
    long p90 = Long.parseLong(m.group(3));
    long p99 = Long.parseLong(m.group(4));
    long max = Long.parseLong(m.group(5));
    assertThat(samples).as("one sample per intact echo").isEqualTo(Long.parseLong(result.group(2)));
    assertThat(samples).isPositive();
    assertThat(p50).isPositive().isLessThanOrEqualTo(p90);
    assertThat(p90).isLessThanOrEqualTo(p99);
    assertThat(p99).isLessThanOrEqualTo(max);
    // a round trip can never exceed the whole run: sending for 1 s plus at most 10 s of drain
    assertThat(max).isLessThan(11_000_000L);
    assertThat(run.out()).filteredOn(l -> l.startsWith("LATENCY ")).hasSize(1);
    assertThat(run.out().get(at - 2))
        .as("the later half's line comes before")
        .startsWith("LATENCY_SECOND_HALF samples=" + (samples - samples / 2) + " ");
  }

  @Test
  void withoutLatencyThereIsNoLatencyLine() throws Exception {
    Run run =
        run(
            "echo-client",
            "--remote",
            "127.0.0.1",
            "--remote-udp-port",
            Integer.toString(serverUdp),
            "--count",
            "5");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).noneMatch(l -> l.startsWith("LATENCY"));
  }

  @Test
  void oneMebibyteMessagesComeBackWhole() throws Exception {
    Run run =
        run(
            "echo-client",
            "--remote",
            "127.0.0.1",
            "--remote-udp-port",
            Integer.toString(serverUdp),
            "--count",
            "3",
            "--size",
            "1048576");

    assertThat(run.exitCode()).as("exit code; output %s %s", run.out(), run.err()).isZero();
    assertThat(run.result().group(4)).isEqualTo(Integer.toString(3 << 20));
  }

  @Test
  void aServerThatIsKilledShutsItsAssociationsDownGracefully() throws Exception {
    Process client =
        new ProcessBuilder(
                command(
                    "echo-client",
                    "--remote",
                    "127.0.0.1",
                    "--remote-udp-port",
                    Integer.toString(serverUdp),
                    "--rate",
                    "100",
                    "--duration",
                    "60"))
            .redirectErrorStream(true)
            .start();
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(line);
        if (line.contains(" COMM_UP ")) {
          server.destroy();
        }
      }
    } finally {
      client.destroyForcibly();
    }

    assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out)
        .as("the client's events")
        .anyMatch(l -> l.matches("\\+\\d+ms association \\d+ SHUTDOWN received"))
        .anyMatch(l -> l.matches("\\+\\d+ms association \\d+ SHUTDOWN"))
        .noneMatch(l -> l.contains("COMM_LOST"));
    assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void badArgumentsExitWithTwoAndSayWhy() throws Exception {
    Run count = run("echo-client", "--remote", "127.0.0.1", "--count", "0");
    Run missing = run("echo-server", "--port", "7");
    Run sysctl = run("echo-client", "--remote", "127.0.0.1", "--sysctl", "net.sctp.rto_min=-1");
    Run memory =
        run(
            "echo-server",
            "--local",
            "127.0.0.1",
            "--max-message",
            "1000",
            "--reassembly-memory",
            "999");

    assertThat(count.exitCode()).isEqualTo(2);
    assertThat(count.err()).contains("--count must be at least 1");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--local");
    assertThat(sysctl.exitCode()).isEqualTo(2);
    assertThat(sysctl.err()).contains("net.sctp.rto_min");
    assertThat(memory.exitCode()).isEqualTo(2);
    assertThat(memory.err()).contains("--reassembly-memory must be at least --max-message");
  }

  @Test
  void aServerThatDoesNotAnswerMakesTheClientFail() throws Exception {
    Run run =
        run(
            "echo-client",
            "--remote",
            "127.0.0.1",
            "--remote-udp-port",
            Integer.toString(freeUdpPort()),
            "--sysctl",
            "net.sctp.max_init_retransmits=1",
            "--sysctl",
            "net.sctp.rto_initial=100",
            "--sysctl",
            "net.sctp.rto_min=100");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.result().group(1)).isEqualTo("0");
    assertThat(run.out()).anyMatch(l -> l.contains("connect to") && l.contains("failed"));
  }
}
