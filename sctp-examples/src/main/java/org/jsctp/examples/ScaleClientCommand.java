package org.jsctp.examples;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scale-client}: opens many associations to one echo server, each from its own endpoint
 * (its own channel and SCTP port; by default its own ephemeral UDP port, or with {@code
 * --udp-sockets K} one of K UDP sockets the endpoints share, as usrsctp runs many SCTP ports over
 * one encapsulation port, so that the client needs K file descriptors rather than one per
 * association), then keeps them idle or has each echo a message at a fixed rate. For the scale
 * benchmark (bench/scale.sh), which measures the server.
 *
 * <p>Prints {@code UP associations=N failed=F seconds=S} once every association is up (or failed),
 * {@code ECHO ...} lines every 10 s when echoing, and a closing {@code RESULT} line.
 */
@Command(
    name = "scale-client",
    mixinStandardHelpOptions = true,
    description =
        "Open many associations to an echo server (one endpoint each), keep them idle or echoing.")
final class ScaleClientCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--remote", required = true, paramLabel = "ADDR", description = "The server.")
  InetAddress remote;

  @Mixin RemotePortOptions server = new RemotePortOptions(EchoServer.DEFAULT_PORT);

  @Option(
      names = "--local",
      paramLabel = "ADDR",
      description = "Local addresses, used round robin (default: the one the system picks).")
  List<InetAddress> locals = new ArrayList<>();

  @Option(
      names = "--udp-sockets",
      defaultValue = "0",
      paramLabel = "K",
      description =
          "UDP sockets the associations share, socket s = i %% K on UDP port --first-udp-port + s"
              + " and local address s %% (number of --local); 0 = an ephemeral UDP port per"
              + " association (default: ${DEFAULT-VALUE}).")
  int udpSockets;

  @Option(
      names = "--first-udp-port",
      defaultValue = "30000",
      description = "The first local UDP port with --udp-sockets (default: ${DEFAULT-VALUE}).")
  int firstUdpPort;

  @Option(
      names = "--associations",
      defaultValue = "1000",
      description = "Associations to open (default: ${DEFAULT-VALUE}).")
  int associations;

  @Option(
      names = "--concurrency",
      defaultValue = "64",
      description = "Association setups in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--rate",
      defaultValue = "0",
      paramLabel = "MSGS_PER_S",
      description = "Messages per second per association, 0 = idle (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--size",
      defaultValue = "100",
      description = "Bytes per message when echoing (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(
      names = "--duration",
      defaultValue = "0",
      paramLabel = "SECONDS",
      description =
          "How long to keep the associations once up, 0 = until the process is killed"
              + " (default: ${DEFAULT-VALUE}).")
  double duration;

  @Mixin StackOptions stackOptions;

  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong echoed = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private long[] samples = new long[1 << 16];
  private int sampleCount;

  @Override
  public Integer call() throws Exception {
    server.validate();
    Usage.check(spec, associations >= 1, "--associations must be at least 1");
    Usage.check(spec, concurrency >= 1, "--concurrency must be at least 1");
    Usage.check(spec, rate >= 0 && rate <= 1000, "--rate must be 0..1000");
    Usage.check(spec, size >= 8 && size <= 65536, "--size must be 8..65536");
    Usage.check(spec, duration >= 0, "--duration must be at least 0");
    Usage.check(spec, udpSockets >= 0, "--udp-sockets must be at least 0");
    Usage.check(
        spec,
        udpSockets == 0 || firstUdpPort >= 1 && firstUdpPort + udpSockets - 1 <= 0xFFFF,
        "--first-udp-port + --udp-sockets must stay within 1..65535");
    stackOptions.configureLogging();
    long start = System.nanoTime();
    Events events = new Events(System.out, start);
    List<SctpChannel> up = new ArrayList<>();
    try (SctpStack stack = stackOptions.stack("scale")) {
      Semaphore inFlight = new Semaphore(concurrency);
      List<CompletableFuture<SctpChannel>> setups = new ArrayList<>();
      InetSocketAddress peer = server.at(remote);
      for (int i = 0; i < associations; i++) {
        inFlight.acquire();
        int socket = udpSockets == 0 ? i : i % udpSockets;
        SctpChannel ch =
            ClientChannels.open(stack, udpSockets == 0 ? 0 : firstUdpPort + socket, server);
        ch.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true);
        if (!locals.isEmpty()) {
          ch.bind(new InetSocketAddress(locals.get(socket % locals.size()), 0));
        }
        setups.add(
            ch.connectAsync(List.of(peer))
                .handle(
                    (v, e) -> {
                      inFlight.release();
                      if (e != null) {
                        failures.incrementAndGet();
                        try {
                          ch.close();
                        } catch (Exception ignored) {
                          // already broken
                        }
                        return null;
                      }
                      return ch;
                    }));
        if ((i + 1) % 1000 == 0) {
          events.line("opened " + (i + 1));
        }
      }
      for (CompletableFuture<SctpChannel> f : setups) {
        SctpChannel ch = f.get(180, TimeUnit.SECONDS);
        if (ch != null) {
          up.add(ch);
        }
      }
      double setupSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "UP associations=%d failed=%d seconds=%.1f%n",
          up.size(),
          failures.get(),
          setupSeconds);
      System.out.flush();

      ExecutorService readers = Executors.newSingleThreadExecutor(r -> daemon(r, "scale-reader"));
      Thread sender = null;
      if (rate > 0) {
        for (SctpChannel ch : up) {
          receiveLoop(ch, ByteBuffer.allocate(Math.max(size, 2048)), readers);
        }
        sender = daemon(() -> sendLoop(up), "scale-sender");
        sender.start();
      }
      long holdStart = System.nanoTime();
      long nextReport = holdStart + TimeUnit.SECONDS.toNanos(10);
      while (duration == 0 || System.nanoTime() - holdStart < duration * 1e9) {
        Thread.sleep(200);
        if (rate > 0 && System.nanoTime() >= nextReport) {
          nextReport += TimeUnit.SECONDS.toNanos(10);
          events.line(echoLine());
        }
      }
      if (sender != null) {
        sender.interrupt();
      }
      double held = (System.nanoTime() - holdStart) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "RESULT associations=%d up=%d failed=%d held_s=%.1f %s cpu_s=%.1f%n",
          associations,
          up.size(),
          failures.get(),
          held,
          echoLine(),
          TputResult.processCpuNanos() / 1e9);
      System.out.flush();
      readers.shutdownNow();
      return failures.get() == 0 ? 0 : 1;
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Every association sends one message per 1/rate seconds, their phases spread evenly. */
  private void sendLoop(List<SctpChannel> up) {
    long period = (long) (1e9 / rate);
    long start = System.nanoTime();
    long slot = Math.max(1, period / up.size());
    MessageInfo info = MessageInfo.createOutgoing(null, 0);
    byte[] pad = Payload.build(0, size);
    try {
      for (long k = 0; ; k++) {
        int i = (int) (k % up.size());
        long due = start + k * slot;
        long now;
        while ((now = System.nanoTime()) < due) {
          TimeUnit.NANOSECONDS.sleep(Math.min(due - now, 1_000_000));
        }
        byte[] msg = pad.clone();
        ByteBuffer.wrap(msg).putLong(0, System.nanoTime());
        up.get(i)
            .sendAsync(ByteBuffer.wrap(msg), info)
            .whenComplete(
                (n, e) -> {
                  if (e == null) {
                    sent.incrementAndGet();
                  } else {
                    failures.incrementAndGet();
                  }
                });
      }
    } catch (InterruptedException e) {
      // done
    }
  }

  private void receiveLoop(SctpChannel ch, ByteBuffer buf, ExecutorService readers) {
    buf.clear();
    ch.receiveAsync(buf, null, null)
        .whenCompleteAsync(
            (info, e) -> {
              if (e != null || info == null || info.bytes() < 0) {
                return;
              }
              if (info.isComplete() && info.bytes() >= 8) {
                long rtt = System.nanoTime() - buf.getLong(0);
                echoed.incrementAndGet();
                synchronized (this) {
                  if (sampleCount == samples.length) {
                    samples = Arrays.copyOf(samples, samples.length * 2);
                  }
                  samples[sampleCount++] = rtt;
                }
              }
              receiveLoop(ch, buf, readers);
            },
            readers);
  }

  private synchronized String echoLine() {
    long[] sorted = Arrays.copyOf(samples, sampleCount);
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "sent=%d echoed=%d p50_us=%d p99_us=%d",
        sent.get(),
        echoed.get(),
        EchoStats.percentile(sorted, 50) / 1000,
        EchoStats.percentile(sorted, 99) / 1000);
  }
}
