package org.jsctp.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * UDP port checks inside a namespace with {@code ss}. usrsctp programs whose port is taken print
 * nothing and never receive, so the harness checks that a port is free before starting a program
 * and waits until that very process has bound it.
 */
final class UdpPorts {

  private UdpPorts() {}

  /** The {@code ss} lines of sockets bound to {@code port} in {@code ns}. */
  static List<String> boundTo(NetNs ns, int port) {
    Cmd.Result r = ns.exec("ss", "-H", "-u", "-a", "-n", "-p");
    r.check();
    List<String> lines = new ArrayList<>();
    for (String line : r.stdout().split("\n")) {
      String[] f = line.trim().split("\\s+");
      // State Recv-Q Send-Q Local:Port Peer:Port Process
      if (f.length >= 5 && f[3].endsWith(":" + port)) {
        lines.add(line.trim());
      }
    }
    return lines;
  }

  /** Fails when anything in {@code ns} has bound UDP {@code port}. */
  static void assertFree(NetNs ns, int port) {
    List<String> taken = boundTo(ns, port);
    if (!taken.isEmpty()) {
      throw new AssertionError(
          "UDP port " + port + " is already bound in " + ns + ":\n" + String.join("\n", taken));
    }
  }

  /**
   * Waits until process {@code proc} has bound UDP {@code port} in {@code ns}; fails when the
   * process exits first, another process holds the port, or the timeout passes.
   */
  static void awaitBound(NetNs ns, int port, Proc proc, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<String> lines = boundTo(ns, port);
      for (String l : lines) {
        if (l.contains("pid=" + proc.pid() + ",")) {
          return;
        }
      }
      // ss -p maps sockets to processes from /proc before it lists the sockets: one bound in
      // between shows without its process ("users:") and is looked at again.
      if (lines.stream().anyMatch(l -> l.contains("users:"))) {
        throw new AssertionError(
            "UDP port "
                + port
                + " in "
                + ns
                + " is bound by another process:\n"
                + String.join("\n", lines)
                + "\n"
                + proc.tail());
      }
      if (!proc.isAlive()) {
        throw new AssertionError(
            proc.name() + " exited before binding UDP port " + port + "\n" + proc.tail());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            proc.name()
                + " did not bind UDP port "
                + port
                + " within "
                + timeout.toSeconds()
                + " s\n"
                + proc.tail());
      }
      sleep(100);
    }
  }

  /** Waits until nothing in {@code ns} holds UDP {@code port} any more. */
  static void awaitFree(NetNs ns, int port, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!boundTo(ns, port).isEmpty()) {
      if (System.nanoTime() > deadline) {
        assertFree(ns, port);
      }
      sleep(100);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
