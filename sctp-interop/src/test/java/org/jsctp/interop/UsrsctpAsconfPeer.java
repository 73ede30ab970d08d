package org.jsctp.interop;

import java.nio.file.Path;
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
    return CPrograms.startPeer(binary(), ns, logDir, name, udpPort, args, true);
  }
}
