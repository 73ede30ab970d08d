package org.jsctp.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * jsctp's examples jar ({@code sctp-examples/target/sctp-examples.jar}, system property {@code
 * examples.jar}) run as {@code java -jar} inside a namespace, with the command-line contract of
 * issue 5:
 *
 * <pre>
 * echo-server --local ADDR [--local ADDR ...] [--port 7] [--udp-port 9899] [--sysctl net.sctp.KEY=VALUE ...] [--expose-pf] [--verbose]
 * echo-client --remote ADDR [--remote ADDR ...] [--port 7] [--remote-udp-port 9899] [--local ADDR ...] [--udp-port 0]
 *             [--count 100] [--size 1000] [--streams 1] [--unordered] [--rate MSGS_PER_S] [--duration SECONDS]
 *             [--sysctl net.sctp.KEY=VALUE ...] [--expose-pf] [--verbose]
 * </pre>
 *
 * Until the jar has a subcommand, the tests that need it are skipped with a message that says so
 * ({@link #assumeSubcommand}).
 */
final class Examples {

  private static final Map<String, String> MISSING = new HashMap<>();

  private Examples() {}

  static Path jar() {
    return Paths.get(
            System.getProperty("examples.jar", "../sctp-examples/target/sctp-examples.jar"))
        .toAbsolutePath()
        .normalize();
  }

  /**
   * Skips the test when the examples jar does not have {@code subcommand} yet; fails when the jar
   * itself is missing (the reactor builds it before this module). Call it after {@link
   * Env#assumeNetns()}.
   */
  static synchronized void assumeSubcommand(String subcommand) {
    Path jar = jar();
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(
          jar
              + " does not exist: build it first (mvn -B verify builds sctp-examples before"
              + " sctp-interop)");
    }
    String problem =
        MISSING.computeIfAbsent(
            subcommand,
            s -> {
              // Even the probe runs in a namespace of its own: nothing of ours runs outside.
              Cmd.Result r;
              try (NetNs probe = NetNs.create("probe")) {
                r =
                    Cmd.run(
                        Duration.ofSeconds(60),
                        probe.wrap(Env.javaBinary(), "-jar", jar.toString(), s, "--help"));
              }
              // picocli answers 0 to `--help` even for an unknown subcommand (it prints the
              // top-level usage), so the usage line must name the subcommand.
              boolean known =
                  r.ok()
                      && java.util.regex.Pattern.compile(
                              "Usage: \\S+ " + java.util.regex.Pattern.quote(s) + "\\b")
                          .matcher(r.stdout() + r.stderr())
                          .find();
              return known
                  ? ""
                  : "exit "
                      + r.exitCode()
                      + ", usage: "
                      + (r.stderr() + r.stdout()).strip().lines().findFirst().orElse("");
            });
    assumeTrue(
        problem.isEmpty(),
        () ->
            "the examples jar "
                + jar
                + " has no `"
                + subcommand
                + "` subcommand yet (issue 5; `"
                + subcommand
                + " --help` gave "
                + problem
                + "); this case runs once it lands in"
                + " main");
  }

  /** {@code java -jar sctp-examples.jar ARGS...} wrapped for {@code ns}. */
  static List<String> command(NetNs ns, List<String> args) {
    List<String> c = java();
    c.addAll(List.of("-jar", jar().toString()));
    c.addAll(args);
    return ns.wrap(c);
  }

  /** The JVM of this test with the small heap and quick start the example processes run with. */
  static List<String> java() {
    return new ArrayList<>(
        List.of(Env.javaBinary(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
  }

  /**
   * Starts {@code echo-server} with {@code args} in {@code ns} after checking that {@code udpPort}
   * is free, and waits until the JVM has bound it.
   */
  static Proc echoServer(NetNs ns, Path logDir, String name, int udpPort, List<String> args) {
    UdpPorts.assertFree(ns, udpPort);
    List<String> a =
        new ArrayList<>(List.of("echo-server", "--udp-port", Integer.toString(udpPort)));
    a.addAll(args);
    Proc p = Proc.start(name, logDir, command(ns, a));
    try {
      UdpPorts.awaitBound(ns, udpPort, p, Duration.ofSeconds(60));
    } catch (AssertionError e) {
      p.close();
      throw e;
    }
    return p;
  }

  /** Starts {@code echo-client} with {@code args} in {@code ns}; its UDP port must be free. */
  static Proc echoClient(NetNs ns, Path logDir, String name, int udpPort, List<String> args) {
    UdpPorts.assertFree(ns, udpPort);
    List<String> a =
        new ArrayList<>(List.of("echo-client", "--udp-port", Integer.toString(udpPort)));
    a.addAll(args);
    return Proc.start(name, logDir, command(ns, a));
  }
}
