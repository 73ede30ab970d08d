package org.jsctp.examples;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.jsctp.netty.SctpStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code echo-server}: a one-to-many SCTP echo server over UDP. Every message goes back on the same
 * association and stream, with the same PPID and ordering flag, until the process is killed; then
 * every association is shut down gracefully.
 */
@Command(
    name = "echo-server",
    mixinStandardHelpOptions = true,
    description =
        "Echo every message back on its stream, to any number of associations, until killed.")
final class EchoServerCommand implements Callable<Integer> {

  /** How long a stopping server waits for its associations' graceful shutdowns. */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ListenOptions listen = new ListenOptions(EchoServer.DEFAULT_PORT);

  @Option(
      names = "--max-message",
      paramLabel = "BYTES",
      defaultValue = "" + EchoServer.DEFAULT_MAX_MESSAGE,
      description =
          "The largest message echoed; a peer sending a larger one is aborted (default:"
              + " ${DEFAULT-VALUE}).")
  int maxMessage;

  @Option(
      names = "--reassembly-memory",
      paramLabel = "BYTES",
      defaultValue = "" + EchoServer.DEFAULT_REASSEMBLY_MEMORY,
      description =
          "What the unfinished messages of all associations may hold together; a peer whose piece"
              + " does not fit is aborted (default: ${DEFAULT-VALUE}).")
  long reassemblyMemory;

  @Mixin StackOptions stackOptions;

  @Override
  public Integer call() throws Exception {
    listen.validate();
    Usage.checkRange(spec, "--max-message", maxMessage, 1, 1 << 30);
    Usage.check(
        spec,
        reassemblyMemory >= maxMessage,
        "--reassembly-memory must be at least --max-message ("
            + maxMessage
            + "), got "
            + reassemblyMemory);
    EchoServer.Settings settings =
        new EchoServer.Settings(
            listen.locals,
            listen.port,
            listen.udpPort,
            stackOptions.exposePf,
            maxMessage,
            reassemblyMemory);
    stackOptions.configureLogging();
    long start = System.nanoTime();
    Events events = new Events(System.out, start);
    SctpStack stack = stackOptions.stack();
    EchoServer server;
    try {
      server = EchoServer.start(stack, settings, events);
    } catch (Exception e) {
      stack.close();
      throw e;
    }
    // Killed (SIGTERM, Ctrl-C): shut the associations down gracefully, as the kernel does for the
    // sockets of a process that ends; SctpStack.close() then aborts what has not ended in time.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop(SHUTDOWN_GRACE);
                  stack.close();
                },
                "echo-server-shutdown"));
    System.out.println(
        "echo-server listening on " + server.localAddresses() + " udp " + server.udpPort());
    System.out.flush();
    server.done().join();
    return 0;
  }
}
