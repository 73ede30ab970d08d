package org.jsctp.examples;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.Callable;
import org.jsctp.netty.SctpStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code echo-server}: a one-to-many SCTP echo server over UDP. Every message goes back on the same
 * association and stream, with the same PPID and ordering flag, until the process is killed.
 */
@Command(
    name = "echo-server",
    mixinStandardHelpOptions = true,
    description =
        "Echo every message back on its stream, to any number of associations, until killed.")
final class EchoServerCommand implements Callable<Integer> {

  /** The largest message echoed; pieces of a larger one are dropped with a line saying so. */
  static final int MAX_MESSAGE = 64 << 20;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--local",
      required = true,
      paramLabel = "ADDR",
      description = "A local IP address to bind (repeatable: multihoming).")
  List<InetAddress> locals;

  @Option(
      names = "--port",
      defaultValue = "7",
      description = "SCTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--udp-port",
      defaultValue = "9899",
      description = "Local UDP encapsulation port (default: ${DEFAULT-VALUE}).")
  int udpPort;

  @Mixin StackOptions stackOptions;

  @Override
  public Integer call() throws Exception {
    if (port < 1 || port > 0xFFFF) {
      throw new ParameterException(spec.commandLine(), "--port must be 1..65535, got " + port);
    }
    if (udpPort < 0 || udpPort > 0xFFFF) {
      throw new ParameterException(
          spec.commandLine(), "--udp-port must be 0..65535, got " + udpPort);
    }
    stackOptions.configureLogging();
    long start = System.nanoTime();
    Events events = new Events(System.out, start);
    SctpStack stack = stackOptions.stack();
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "echo-server-shutdown"));
    EchoServer server =
        EchoServer.start(
            stack, new EchoServer.Settings(locals, port, udpPort, stackOptions.exposePf), events);
    System.out.println(
        "echo-server listening on " + server.localAddresses() + " udp " + server.udpPort());
    System.out.flush();
    server.done().join();
    return 0;
  }
}
