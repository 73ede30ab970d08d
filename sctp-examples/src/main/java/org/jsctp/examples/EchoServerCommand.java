package org.jsctp.examples;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Callable;
import org.jsctp.netty.SctpMultiChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.option.EventSubscription;
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
    SctpMultiChannel ch = SctpMultiChannel.open(stack);
    ch.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, udpPort, null);
    // Echo at once: Nagle-like bundling would wait for the client's delayed SACK.
    ch.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true, null);
    ch.setOption(
        SctpStandardSocketOptions.SCTP_EVENTS,
        new EventSubscription(true, true, false, true, true, false),
        null);
    if (stackOptions.exposePf) {
      ch.setOption(SctpStandardSocketOptions.SCTP_EXPOSE_POTENTIALLY_FAILED_STATE, true, null);
    }
    ch.bind(new InetSocketAddress(locals.get(0), port));
    for (InetAddress extra : locals.subList(1, locals.size())) {
      ch.bindAddress(extra);
    }
    int boundUdp = ch.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, null);
    System.out.println(
        "echo-server listening on " + ch.getAllLocalAddresses() + " udp " + boundUdp);
    System.out.flush();

    // Event-driven: every message is echoed from the event loop that received it.
    new AsyncEcho(ch, events).start().join();
    return 0;
  }
}
