package org.jsctp.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.TestInfo;

/**
 * Where the interop tests run and what they need.
 *
 * <p>Without root or without a working {@code ip netns}, {@link #assumeNetns()} skips the test and
 * says why and how to run it. With them, a missing tool (tshark, nft, gcc, the usrsctp programs and
 * headers) is a failure: scripts/test.sh installs all of them.
 */
final class Env {

  static final String HOW_TO_RUN =
      "run them as root on Debian or Ubuntu: `sudo scripts/test.sh` (installs libusrsctp2,"
          + " libusrsctp-dev, libusrsctp-examples, tshark, nftables, iproute2 and gcc, then runs"
          + " mvn -B verify), or `sudo mvn -B verify -pl sctp-interop -am`";

  static final Path USRSCTP_PROGRAMS = Paths.get("/usr/lib/usrsctp");
  static final String APT =
      "apt-get install -y libusrsctp2 libusrsctp-dev libusrsctp-examples tshark nftables"
          + " iproute2 gcc";

  private static String netnsProblem;
  private static boolean netnsChecked;

  private Env() {}

  /** Base directory for logs and captures: {@code target/interop} of the module. */
  static Path baseDir() {
    return Paths.get(System.getProperty("interop.dir", "target/interop")).toAbsolutePath();
  }

  /** A fresh directory for one test: {@code target/interop/<class>/<method>}. */
  static Path testDir(TestInfo info) {
    String cls = info.getTestClass().map(Class::getSimpleName).orElse("unknown");
    String method = info.getTestMethod().map(m -> m.getName()).orElse("test");
    String display = info.getDisplayName();
    if (!display.startsWith(method + "(")) {
      // a parameterized case: one directory per invocation
      method += "-" + display.replaceAll("[^A-Za-z0-9_=,.-]+", "_");
    }
    Path dir = baseDir().resolve(cls).resolve(method);
    try {
      if (Files.exists(dir)) {
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** Skips the test unless it runs as root with a working {@code ip netns}. */
  static synchronized void assumeNetns() {
    if (!netnsChecked) {
      netnsChecked = true;
      netnsProblem = netnsProblem();
    }
    assumeTrue(
        netnsProblem == null, () -> "interop tests skipped: " + netnsProblem + "; " + HOW_TO_RUN);
    requireTools();
  }

  private static String netnsProblem() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return "they need Linux network namespaces (os.name is "
          + System.getProperty("os.name")
          + ")";
    }
    Cmd.Result id;
    try {
      id = Cmd.run("id", "-u");
    } catch (RuntimeException e) {
      return "cannot run `id -u`: " + e.getMessage();
    }
    if (!id.ok() || !id.stdout().trim().equals("0")) {
      return "they need root (uid is " + id.stdout().trim() + ")";
    }
    String probe = NetNs.PREFIX + ProcessHandle.current().pid() + "-probe";
    Cmd.Result add;
    try {
      add = Cmd.run("ip", "netns", "add", probe);
    } catch (RuntimeException e) {
      return "`ip` (iproute2) is not usable: " + e.getMessage();
    }
    if (!add.ok()) {
      return "`ip netns add` does not work here: " + add.stderr().strip();
    }
    Cmd.Result lo = Cmd.run("ip", "netns", "exec", probe, "ip", "link", "set", "lo", "up");
    Cmd.run("ip", "netns", "del", probe);
    if (!lo.ok()) {
      return "`ip netns exec` does not work here: " + lo.stderr().strip();
    }
    return null;
  }

  private static void requireTools() {
    for (String tool : List.of(Capture.TSHARK, "nft", "ss", "gcc", "stdbuf")) {
      Cmd.Result r;
      try {
        r = Cmd.run("sh", "-c", "command -v " + tool);
      } catch (RuntimeException e) {
        throw new AssertionError("cannot look for " + tool + ": " + e.getMessage(), e);
      }
      if (!r.ok()) {
        throw new AssertionError(tool + " is missing; install it with: " + APT);
      }
    }
    for (String program : List.of("echo_server", "client")) {
      if (!Files.isExecutable(USRSCTP_PROGRAMS.resolve(program))) {
        throw new AssertionError(
            USRSCTP_PROGRAMS.resolve(program) + " is missing (libusrsctp-examples); " + APT);
      }
    }
    if (!Files.exists(Paths.get("/usr/include/usrsctp.h"))) {
      throw new AssertionError("/usr/include/usrsctp.h is missing (libusrsctp-dev); " + APT);
    }
  }

  /** The java binary running this test, to start the examples jar with the same JDK. */
  static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * The test's class path, for a JVM of its own that runs a test class (the failsafe fork's
   * java.class.path may be a manifest-only jar).
   */
  static String testClassPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
