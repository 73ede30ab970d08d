package org.jsctp.interop;

import static org.jsctp.interop.Topology.addrA;
import static org.jsctp.interop.Topology.addrB;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chaos soak's client process ({@link ChaosClient}) on host a, started with this JVM's test
 * class path and Netty's leak detector at PARANOID, and the waits the soak needs on its output.
 * Each wait is for a line the client prints, with a generous timeout whose expiry is a failure (a
 * stuck association), never a measurement.
 */
final class ChaosDriver implements AutoCloseable {

  static final int UDP_PORT = 9900;

  /**
   * Timers for a soak that takes minutes, for both jsctp sides, in the sysctl vocabulary: SCTP-PF
   * with threshold 0, a path inactive after 3 errors, the association lost after 5 (about 5 s with
   * the RTO at most 1 s), heartbeats every second.
   */
  static final List<String> JSCTP_TUNING =
      List.of(
          "--sysctl", "net.sctp.pf_retrans=0",
          "--sysctl", "net.sctp.path_max_retrans=3",
          "--sysctl", "net.sctp.association_max_retrans=5",
          "--sysctl", "net.sctp.rto_min=200",
          "--sysctl", "net.sctp.rto_initial=500",
          "--sysctl", "net.sctp.rto_max=1000",
          "--sysctl", "net.sctp.hb_interval=1000");

  private static final Pattern PROGRESS = Pattern.compile("progress echoed=(\\d+)");
  private static final Pattern END = Pattern.compile("ASSOC_END association=(\\d+) end=(\\S+)");
  private static final Pattern UP = Pattern.compile("COMM_UP association=(\\d+)");

  private final Proc proc;

  private ChaosDriver(Proc proc) {
    this.proc = proc;
  }

  /** Starts the client: {@code rate} messages per second, at most {@code window} in flight. */
  static ChaosDriver start(NetNs ns, Path dir, long seed, int rate, int window) {
    UdpPorts.assertFree(ns, UDP_PORT);
    List<String> c = Examples.java();
    c.addAll(
        List.of(
            "-Dio.netty.leakDetection.level=paranoid",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
            "-cp",
            Env.testClassPath(),
            ChaosClient.class.getName(),
            "--local",
            addrA(1),
            "--local",
            addrA(2),
            "--remote",
            addrB(1),
            "--remote",
            addrB(2),
            "--port",
            Integer.toString(Usrsctp.ECHO_PORT),
            "--udp-port",
            Integer.toString(UDP_PORT),
            "--remote-udp-port",
            Integer.toString(ChaosPeer.UDP_PORT),
            "--rate",
            Integer.toString(rate),
            "--window",
            Integer.toString(window),
            "--seed",
            Long.toString(seed)));
    c.addAll(JSCTP_TUNING);
    Proc p = Proc.start("chaos-client", dir, ns.wrap(c), true);
    ChaosDriver d = new ChaosDriver(p);
    try {
      p.awaitLine("READY", Duration.ofSeconds(60));
    } catch (AssertionError e) {
      p.close();
      throw e;
    }
    return d;
  }

  /** A mark in the client's output: later waits look only at lines from here on. */
  int mark() {
    return proc.lineCount();
  }

  /**
   * Waits until at least {@code more} messages were echoed after this call (counted from the first
   * progress line printed after it); returns the count.
   */
  long awaitEchoes(long more, Duration timeout) {
    Proc.Found first = proc.awaitStdout(PROGRESS, timeout, mark());
    long target = Long.parseLong(first.matcher().group(1)) + more;
    int from = first.index() + 1;
    while (true) {
      Proc.Found f = proc.awaitStdout(PROGRESS, timeout, from);
      long n = Long.parseLong(f.matcher().group(1));
      if (n >= target) {
        return n;
      }
      from = f.index() + 1;
    }
  }

  /** The first association end in the client's output lines {@code [from, to)}, if any. */
  Optional<String> endSince(int from, int to) {
    List<String> lines = proc.stdoutLines();
    for (int i = from; i < Math.min(to, lines.size()); i++) {
      if (END.matcher(lines.get(i)).find()) {
        return Optional.of(lines.get(i));
      }
    }
    return Optional.empty();
  }

  /** Waits for the end of an association at or after {@code mark}; returns its line. */
  Proc.Found awaitEnd(int mark, Duration timeout) {
    return proc.awaitStdout(END, timeout, mark);
  }

  /** Waits for an association to come up at or after {@code mark}. */
  void awaitUp(int mark, Duration timeout) {
    proc.awaitStdout(UP, timeout, mark);
  }

  /** Asks for a heap measurement (the client pauses until nothing is in flight); returns its KB. */
  long heap(String label) {
    int mark = mark();
    proc.write("heap " + label + "\n");
    Matcher m =
        proc.awaitStdout(
                Pattern.compile("HEAP label=" + Pattern.quote(label) + " usedKB=(\\d+)"),
                Duration.ofSeconds(60),
                mark)
            .matcher();
    return Long.parseLong(m.group(1));
  }

  /** Ends the run: the client drains, closes and reports; returns the report and its exit code. */
  ChaosReport stop(Duration timeout) {
    int mark = mark();
    proc.write("stop\n");
    proc.closeStdin();
    Matcher m = proc.awaitStdout(Pattern.compile("REPORT (.*)$"), timeout, mark).matcher();
    int code = proc.awaitExit(Duration.ofSeconds(30));
    return ChaosReport.parse(m.group(1), code);
  }

  /** The VIOLATION, LEAK and STUCK lines, for failure messages. */
  String problems() {
    StringBuilder b = new StringBuilder();
    for (String l : proc.stdoutLines()) {
      if (l.contains("VIOLATION") || l.contains("LEAK") || l.contains("STUCK")) {
        b.append(l).append('\n');
      }
    }
    return b.length() == 0 ? proc.tail() : b.toString();
  }

  /** Lines of the client's stderr (the stack's log) with WARN or ERROR. */
  long warnings() {
    return proc.stderrLines().stream()
        .filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
        .count();
  }

  String tail() {
    return proc.tail();
  }

  @Override
  public void close() {
    proc.close();
  }
}
