package org.jsctp.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aot-training}: the training run of an AOT cache (JDK 25, JEPs 483, 514, 515) for every
 * tool of this jar, in one JVM, since one JVM writes one cache. An echo server and a throughput
 * server run on threads on 127.0.0.1; echo-client (small messages, then large ones that are
 * fragmented and reassembled) and tput-client run against them through the same command line
 * parsing as the tools, so that association setup, data both ways and shutdown are all trained.
 * Nothing is sent outside 127.0.0.1. bench/aot-train.sh runs it.
 */
@Command(
    name = "aot-training",
    mixinStandardHelpOptions = true,
    description =
        "A short workload of the tools over 127.0.0.1 in one JVM, to train an AOT cache"
            + " (JDK 25: java -XX:AOTCacheOutput=FILE -jar ... aot-training).")
final class AotTrainingCommand implements Callable<Integer> {

  private static final String LISTENING = " listening on ";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--seconds",
      defaultValue = "3",
      paramLabel = "SECONDS",
      description = "How long each client phase sends (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--udp-port",
      defaultValue = "29899",
      paramLabel = "PORT",
      description =
          "UDP encapsulation port of the echo server; the throughput server uses the next one"
              + " (default: ${DEFAULT-VALUE}).")
  int udpPort;

  @Override
  public Integer call() throws Exception {
    Usage.checkRange(spec, "--seconds", seconds, 1, 600);
    Usage.checkRange(spec, "--udp-port", udpPort, 1, 0xFFFE);
    String echoUdp = Integer.toString(udpPort);
    String tputUdp = Integer.toString(udpPort + 1);
    String duration = Integer.toString(seconds);
    PrintStream original = System.out;
    CountDownLatch listening = new CountDownLatch(2);
    System.setOut(new ListeningWatch(original, listening));
    try {
      startServer("echo-server", "--local", "127.0.0.1", "--udp-port", echoUdp);
      startServer("tput-server", "--local", "127.0.0.1", "--udp-port", tputUdp);
      if (!listening.await(30, TimeUnit.SECONDS)) {
        System.err.println("aot-training: the servers did not start listening within 30 s");
        return 1;
      }
      List<String[]> clients = new ArrayList<>();
      clients.add(new String[] {"echo-client", "--remote", "127.0.0.1", "--remote-udp-port",
          echoUdp, "--streams", "4", "--latency", "--duration", duration});
      clients.add(new String[] {"echo-client", "--remote", "127.0.0.1", "--remote-udp-port",
          echoUdp, "--size", "20000", "--count", "500"});
      clients.add(new String[] {"tput-client", "--remote", "127.0.0.1", "--remote-udp-port",
          tputUdp, "--size", "8192", "--duration", duration});
      clients.add(new String[] {"tput-client", "--remote", "127.0.0.1", "--remote-udp-port",
          tputUdp, "--size", "1024", "--duration", duration});
      int worst = 0;
      for (String[] client : clients) {
        worst = Math.max(worst, Main.run(client));
      }
      return worst;
    } finally {
      System.setOut(original);
    }
  }

  /** Runs a server tool on a daemon thread; it ends with the JVM (its shutdown hook closes it). */
  private static void startServer(String... args) {
    Thread t = new Thread(() -> Main.run(args), "aot-training-" + args[0]);
    t.setDaemon(true);
    t.start();
  }

  /** Standard output that counts down once per server line saying it listens. */
  private static final class ListeningWatch extends PrintStream {
    private final CountDownLatch listening;

    ListeningWatch(PrintStream out, CountDownLatch listening) {
      super(out, true);
      this.listening = listening;
    }

    @Override
    public void println(String line) {
      super.println(line);
      if (line != null && line.contains(LISTENING)) {
        listening.countDown();
      }
    }
  }
}
