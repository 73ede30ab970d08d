package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsctp.api.StreamSchedulerKind;
import org.jsctp.netty.PeerAddressFilter;
import org.jsctp.netty.SctpStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * echo-client in-process against the echo server on loopback with the extension flags: with
 * I-DATA and round robin on both sides, messages larger than the receive buffers, on several
 * streams, are read in pieces that interleave, and each comes back whole and intact.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EchoExtensionsTest {

  static final InetAddress LO = InetAddress.getLoopbackAddress();
  static final Pattern RESULT =
      Pattern.compile(
          "RESULT sent=(\\d+) echoed=(\\d+) mismatched=(\\d+) bytes=(\\d+) seconds=\\S+"
              + " msgs_per_s=\\S+ max_gap_ms=\\d+( abandoned=(\\d+))?");
  static final Pattern PR_STATUS =
      Pattern.compile("PR-SCTP abandoned_unsent=(\\d+) abandoned_sent=(\\d+)");

  final List<SctpStack> stacks = new ArrayList<>();
  EchoServer server;

  @AfterEach
  void stop() {
    for (SctpStack s : stacks) {
      s.close();
    }
  }

  /**
   * Starts the echo server with {@code extensions}, a receive buffer of 64 KiB (messages larger
   * than half of it are read in pieces) and a send buffer of 4 MiB (many echoes queued, for the
   * scheduler to interleave).
   */
  void startServer(ExtensionSettings extensions) throws Exception {
    SctpStack stack =
        SctpStack.builder()
            .sysctl(Map.of("net.sctp.udp_port", "0", "net.sctp.rcvbuf", "65536", "net.sctp.sndbuf", "4194304"))
            .allowedPeerAddresses(PeerAddressFilter.subnets("127.0.0.0/8"))
            .threadName("echo-ext-server")
            .build();
    stacks.add(stack);
    server =
        EchoServer.start(
            stack,
            new EchoServer.Settings(
                List.of(LO),
                7,
                0,
                false,
                EchoServer.DEFAULT_MAX_MESSAGE,
                EchoServer.DEFAULT_REASSEMBLY_MEMORY,
                extensions),
            new Events(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), 0));
  }

  /** What an in-process run of the client printed, and its exit code. */
  record Run(int exitCode, List<String> lines) {
    Matcher line(Pattern p) {
      for (String l : lines) {
        Matcher m = p.matcher(l);
        if (m.matches()) {
          return m;
        }
      }
      throw new AssertionError("no line matching " + p + " in " + lines);
    }
  }

  /** Runs echo-client against the server with {@code flags}, capturing what it prints. */
  Run client(String... flags) throws Exception {
    List<String> args = new ArrayList<>(
        List.of("echo-client", "--remote", "127.0.0.1", "--remote-udp-port",
            Integer.toString(server.udpPort())));
    args.addAll(List.of(flags));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int code;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      code = new CommandLine(new Main()).execute(args.toArray(new String[0]));
    } finally {
      System.setOut(original);
    }
    return new Run(code, out.toString(StandardCharsets.UTF_8).lines().toList());
  }

  @Test
  void withIDataAndRoundRobinOnBothSidesInterleavedPiecesComeBackWholeOnTheirStreams()
      throws Exception {
    startServer(new ExtensionSettings(false, null, true, StreamSchedulerKind.ROUND_ROBIN));

    Run run =
        client(
            "--count", "40",
            "--size", "200000",
            "--streams", "4",
            "--idata",
            "--scheduler", "rr",
            "--sysctl", "net.sctp.rcvbuf=65536",
            "--sysctl", "net.sctp.sndbuf=4194304");

    assertThat(run.exitCode()).as("exit code; output %s", run.lines()).isZero();
    assertThat(run.lines())
        .anyMatch(l -> l.matches("\\+\\d+ms association \\d+ PR-SCTP yes, I-DATA yes, scheduler rr"));
    Matcher result = run.line(RESULT);
    assertThat(result.group(1)).isEqualTo("40");
    assertThat(result.group(2)).isEqualTo("40");
    assertThat(result.group(3)).isEqualTo("0");
    assertThat(result.group(4)).isEqualTo(Long.toString(40L * 200_000));
    assertThat(result.group(6)).as("no PR-SCTP policy, no abandoned count").isNull();
    assertThat(server.reassembler().peakUnfinished())
        .as("messages of several streams were unfinished at once at the server")
        .isGreaterThan(1);
  }

  @Test
  void withoutIDataOnTheServerTheClientFallsBackToData() throws Exception {
    startServer(ExtensionSettings.DEFAULTS);

    Run run =
        client(
            "--count", "10",
            "--size", "100000",
            "--streams", "2",
            "--idata",
            "--sysctl", "net.sctp.sndbuf=4194304");

    assertThat(run.exitCode()).as("exit code; output %s", run.lines()).isZero();
    assertThat(run.lines())
        .anyMatch(l -> l.matches("\\+\\d+ms association \\d+ PR-SCTP yes, I-DATA no, scheduler fcfs"));
    assertThat(server.reassembler().peakUnfinished()).isLessThanOrEqualTo(1);
  }

  @Test
  void withALifetimeEveryMessageComesBackOrIsAbandonedAndNothingStaysHeld() throws Exception {
    startServer(ExtensionSettings.DEFAULTS);

    Run run =
        client(
            "--count", "200",
            "--size", "100000",
            "--streams", "2",
            "--pr-ttl", "5",
            "--sysctl", "net.sctp.sndbuf=4194304");

    assertThat(run.exitCode()).as("exit code; output %s", run.lines()).isZero();
    Matcher status = run.line(PR_STATUS);
    Matcher result = run.line(RESULT);
    long sent = Long.parseLong(result.group(1));
    long echoed = Long.parseLong(result.group(2));
    long abandoned = Long.parseLong(result.group(6));
    assertThat(sent).isEqualTo(200);
    assertThat(echoed + abandoned).isEqualTo(sent);
    assertThat(abandoned)
        .as("abandoned and not echoed: at most what the stack abandoned")
        .isLessThanOrEqualTo(Long.parseLong(status.group(1)) + Long.parseLong(status.group(2)));
    EchoServerTest.await("the server's pieces of abandoned messages freed",
        () -> server.reassembler().heldBytes() == 0);
  }
}
