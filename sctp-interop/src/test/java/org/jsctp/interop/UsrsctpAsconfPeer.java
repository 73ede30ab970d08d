package org.jsctp.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Our usrsctp peer with ADD-IP and AUTH ({@code src/test/c/asconfpeer.c}): built once per JVM,
 * started in a namespace with stdin kept open for its commands (described at the top of
 * asconfpeer.c).
 */
final class UsrsctpAsconfPeer {

  private static Path binary;

  private UsrsctpAsconfPeer() {}

  /** Compiles asconfpeer.c into {@code target/interop/asconfpeer} (once per JVM). */
  static synchronized Path binary() {
    if (binary == null) {
      binary = CPrograms.build(CPrograms.source("asconfpeer"), "asconfpeer");
    }
    return binary;
  }

  /**
   * Starts asconfpeer in {@code ns} after checking that its UDP port is free there, and waits until
   * it is ready (a server also until its UDP port is bound).
   */
  static Proc start(NetNs ns, Path logDir, String name, int udpPort, List<String> args) {
    UdpPorts.assertFree(ns, udpPort);
    List<String> c = new ArrayList<>(List.of(binary().toString()));
    c.addAll(args);
    Proc p = Proc.start(name, logDir, ns.wrap(c), true);
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
