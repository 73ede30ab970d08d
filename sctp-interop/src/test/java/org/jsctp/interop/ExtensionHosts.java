package org.jsctp.interop;

import static org.jsctp.interop.Topology.addrA;
import static org.jsctp.interop.Topology.addrB;

import java.util.ArrayList;
import java.util.List;

/**
 * What the extension ITs share: the client in host a, the server in host b, both on path 1 with
 * these UDP encapsulation ports, the client's messages on {@link #STREAMS} streams.
 */
final class ExtensionHosts {

  static final int B_UDP = 9899;
  static final int A_UDP = 9900;
  static final int STREAMS = 4;

  private ExtensionHosts() {}

  /**
   * The arguments of a jsctp client in host a (echo-client or {@link ExtensionEchoClient}) for the
   * server in host b, followed by {@code more}; a list the caller may add to.
   */
  static List<String> jsctpClient(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--remote", addrB(1),
                "--local", addrA(1),
                "--port", Integer.toString(Usrsctp.ECHO_PORT),
                "--remote-udp-port", Integer.toString(B_UDP),
                "--streams", Integer.toString(STREAMS)));
    args.addAll(List.of(more));
    return args;
  }
}
