package org.jsctp.examples;

import java.net.InetAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What a one-to-one client connects to and from: the server's addresses and ports, and the local
 * addresses and UDP encapsulation port. {@link ClientChannels} opens and connects the channel.
 */
final class ClientEndpointOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--remote",
      required = true,
      paramLabel = "ADDR",
      description = "The server's IP address (repeatable: multihoming; the first is the primary).")
  List<InetAddress> remotes;

  @Mixin RemotePortOptions server;

  @Option(
      names = "--local",
      paramLabel = "ADDR",
      description = "A local IP address to bind (repeatable); default: the one the system picks.")
  List<InetAddress> locals = new ArrayList<>();

  @Option(
      names = "--udp-port",
      defaultValue = "0",
      description = "Local UDP encapsulation port, 0 = ephemeral (default).")
  int udpPort;

  /** Options whose {@code --port} is {@code defaultPort} unless given. */
  ClientEndpointOptions(int defaultPort) {
    this.server = new RemotePortOptions(defaultPort);
  }

  /** Checks the ports. */
  void validate() {
    server.validate();
    Usage.checkRange(spec, "--udp-port", udpPort, 0, 0xFFFF);
  }

  /** The server's transport addresses, the primary first. */
  List<SocketAddress> peers() {
    List<SocketAddress> peers = new ArrayList<>();
    for (InetAddress r : remotes) {
      peers.add(server.at(r));
    }
    return peers;
  }
}
