package org.jsctp.examples;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The server's ports as a client names them: its SCTP port ({@code --port}, with a default each
 * tool chooses) and its UDP encapsulation port ({@code --remote-udp-port}).
 */
final class RemotePortOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--port", description = "The server's SCTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--remote-udp-port",
      defaultValue = "9899",
      description = "The server's UDP encapsulation port (default: ${DEFAULT-VALUE}).")
  int remoteUdpPort;

  /** Options whose {@code --port} is {@code defaultPort} unless given. */
  RemotePortOptions(int defaultPort) {
    this.port = defaultPort;
  }

  /** Checks both ports. */
  void validate() {
    Usage.checkRange(spec, "--port", port, 1, 0xFFFF);
    Usage.checkRange(spec, "--remote-udp-port", remoteUdpPort, 1, 0xFFFF);
  }

  /** The server's transport address at {@code address}. */
  InetSocketAddress at(InetAddress address) {
    return new InetSocketAddress(address, port);
  }

  /** The server's UDP port for every path to it (SCTP_REMOTE_UDP_ENCAPS_PORT). */
  RemoteUdpEncapsPort encapsulation() {
    return new RemoteUdpEncapsPort(null, remoteUdpPort);
  }
}
