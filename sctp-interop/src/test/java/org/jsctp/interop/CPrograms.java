package org.jsctp.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Our small C peers in {@code src/test/c}, built with gcc against libusrsctp-dev. */
final class CPrograms {

  private CPrograms() {}

  /**
   * The source {@code name}.c: next to mhpeer.c, whose path the build passes as the system
   * property {@code mhpeer.source}.
   */
  static Path source(String name) {
    return Paths.get(System.getProperty("mhpeer.source", "src/test/c/mhpeer.c"))
        .toAbsolutePath()
        .resolveSibling(name + ".c");
  }

  /** Compiles {@code source} into {@code target/interop/name}; fails the test when gcc does. */
  static Path build(Path source, String name) {
    Path out = Env.baseDir().resolve(name);
    try {
      Files.createDirectories(out.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Cmd.Result r =
        Cmd.run(
            Duration.ofSeconds(120),
            List.of(
                "gcc",
                "-std=gnu11",
                "-O2",
                "-Wall",
                "-Wextra",
                "-Werror",
                "-o",
                out.toString(),
                source.toString(),
                "-lusrsctp",
                "-lpthread"));
    if (!r.ok()) {
      throw new AssertionError("cannot build " + name + ": " + r.describe());
    }
    return out;
  }

  /**
   * Starts the peer {@code binary} with {@code args} in {@code ns} after checking that its UDP
   * port is free there, and waits until it prints READY (a server, whose first argument is
   * {@code server}, also until its UDP port is bound); a peer that does not get there is closed.
   *
   * @param keepStdin whether its stdin stays open for commands
   */
  static Proc startPeer(Path binary, NetNs ns, Path logDir, String name, int udpPort,
      List<String> args, boolean keepStdin) {
    UdpPorts.assertFree(ns, udpPort);
    List<String> c = new ArrayList<>(List.of(binary.toString()));
    c.addAll(args);
    Proc p = Proc.start(name, logDir, ns.wrap(c), keepStdin);
    try {
      p.awaitLine("READY", Duration.ofSeconds(20));
      if (args.get(0).equals("server")) {
        UdpPorts.awaitBound(ns, udpPort, p, Duration.ofSeconds(20));
      }
    } catch (AssertionError e) {
      p.close();
      throw e;
    }
    return p;
  }
}
