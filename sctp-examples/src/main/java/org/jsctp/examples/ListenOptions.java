package org.jsctp.examples;

import java.net.InetAddress;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where a server listens: its local addresses, SCTP port (with a default each tool chooses) and
 * UDP encapsulation port. {@link ServerChannels} opens the channel.
 */
final class ListenOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--local",
      required = true,
      paramLabel = "ADDR",
      description = "A local IP address to bind (repeatable: multihoming).")
  List<InetAddress> locals;

  @Option(names = "--port", description = "SCTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--udp-port",
      defaultValue = "9899",
      description = "Local UDP encapsulation port (default: ${DEFAULT-VALUE}).")
  int udpPort;

  /** Options whose {@code --port} is {@code defaultPort} unless given. */
  ListenOptions(int defaultPort) {
    this.port = defaultPort;
  }

  /** Checks the ports. */
  void validate() {
    Usage.checkRange(spec, "--port", port, 1, 0xFFFF);
    Usage.checkRange(spec, "--udp-port", udpPort, 0, 0xFFFF);
  }
}
