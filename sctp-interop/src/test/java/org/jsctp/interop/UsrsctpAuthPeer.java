package org.jsctp.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Our usrsctp peer with AUTH ({@code src/test/c/authpeer.c}): built once per JVM, started in a
 * namespace with the arguments described at the top of authpeer.c.
 */
final class UsrsctpAuthPeer {

  private static Path binary;

  private UsrsctpAuthPeer() {}

  /** Compiles authpeer.c into {@code target/interop/authpeer} (once per JVM). */
  static synchronized Path binary() {
    if (binary == null) {
      binary = CPrograms.build(CPrograms.source("authpeer"), "authpeer");
    }
    return binary;
  }

  private static Set<Integer> hmacs;

  /**
   * The HMAC identifiers this usrsctp build takes in SCTP_HMAC_IDENT: SHA-1 always; SHA-256 only
   * when it was built with a crypto library (Debian's libusrsctp2 0.9.5.0 is not).
   */
  static synchronized Set<Integer> supportedHmacs() {
    if (hmacs == null) {
      Cmd.Result r = Cmd.run(Duration.ofSeconds(30), List.of(binary().toString(), "hmacs"));
      if (!r.ok()) {
        throw new AssertionError("authpeer hmacs: " + r.describe());
      }
      Set<Integer> ids = new TreeSet<>();
      for (String line : r.stdout().split("\n")) {
        if (line.startsWith("HMAC_SUPPORTED ")) {
          ids.add(Integer.parseInt(line.substring("HMAC_SUPPORTED ".length()).trim()));
        }
      }
      hmacs = ids;
    }
    return hmacs;
  }

  /**
   * Starts authpeer in {@code ns} after checking that its UDP port is free there, and waits until
   * it is ready (a server also until its UDP port is bound).
   */
  static Proc start(NetNs ns, Path logDir, String name, int udpPort, List<String> args) {
    return CPrograms.startPeer(binary(), ns, logDir, name, udpPort, args, false);
  }
}
