package org.jsctp.examples;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jsctp.api.PrStatus;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code echo-client}: sends messages to an echo server over one association and checks every
 * echoed byte. Prints one line per association or path event and ends with a RESULT line; exit code
 * 0 only when every message came back intact, or, with a PR-SCTP policy, was abandoned while the
 * association lived on.
 */
@Command(
    name = "echo-client",
    mixinStandardHelpOptions = true,
    description = "Send messages to an echo server, check every echoed byte, print a RESULT line.")
final class EchoClientCommand implements Callable<Integer> {

  /** Messages in flight when no rate is given. */
  static final int WINDOW = 32;

  /** How long the client waits for the last echoes after a timed run. */
  static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(10);

  /** How long a count run waits without any echo before giving up. */
  static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(60);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ClientEndpointOptions endpoint = new ClientEndpointOptions(EchoServer.DEFAULT_PORT);

  @Option(
      names = "--count",
      defaultValue = "100",
      description = "Messages to send without --duration (default: ${DEFAULT-VALUE}).")
  long count;

  @Option(
      names = "--size",
      defaultValue = "1000",
      description = "Bytes per message (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(
      names = "--streams",
      defaultValue = "1",
      description = "Streams to spread messages over (default: ${DEFAULT-VALUE}).")
  int streams;

  @Option(names = "--unordered", description = "Send unordered messages.")
  boolean unordered;

  @Option(
      names = "--rate",
      paramLabel = "MSGS_PER_S",
      description = "Messages per second; default: a window of " + WINDOW + " in flight.")
  Double rate;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      description =
          "Send until this many seconds have passed, then wait up to 10 s for the last echoes.")
  Double duration;

  @Option(
      names = "--latency",
      description =
          "Also print LATENCY samples=N p50_us=X p90_us=Y p99_us=Z max_us=W (round trips of the"
              + " messages echoed intact) before the RESULT line.")
  boolean latency;

  @Mixin ExtensionFlags extensionFlags;

  @Mixin StackOptions stackOptions;

  @Override
  public Integer call() throws Exception {
    endpoint.validate();
    Usage.check(spec, count >= 1, "--count must be at least 1, got " + count);
    Usage.checkRange(spec, "--size", size, 1, 16 << 20);
    Usage.checkRange(spec, "--streams", streams, 1, 0xFFFF);
    Usage.check(spec, rate == null || rate > 0, "--rate must be positive, got " + rate);
    Usage.check(
        spec, duration == null || duration > 0, "--duration must be positive, got " + duration);
    ExtensionSettings extensions = extensionFlags.settings();
    stackOptions.configureLogging();

    long start = System.nanoTime();
    Events events = new Events(System.out, start);
    EchoStats stats = new EchoStats(size, unordered, latency, extensions.prPolicy());
    try (SctpStack stack = stackOptions.stack()) {
      SctpChannel ch = ClientChannels.open(stack, endpoint, streams);
      ch.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true);
      if (stackOptions.exposePf) {
        ch.setOption(SctpStandardSocketOptions.SCTP_EXPOSE_POTENTIALLY_FAILED_STATE, true);
      }
      extensions.apply(ch::setOption);
      if (!ClientChannels.connect(ch, endpoint, Duration.ofSeconds(120), events)) {
        if (latency) {
          System.out.println(stats.secondHalfLatencyLine());
          System.out.println(stats.latencyLine());
        }
        System.out.println(stats.result(System.nanoTime()));
        return 1;
      }
      if (stackOptions.verbose) {
        events.line(
            "association "
                + ch.association().associationID()
                + " paths "
                + ch.getRemoteAddresses());
      }
      if (extensions.any()) {
        events.line(negotiated(ch));
      }
      int outStreams = Math.min(streams, ch.association().maxOutboundStreams());
      Semaphore window = new Semaphore(rate == null ? WINDOW : Integer.MAX_VALUE);
      EchoReader reader = new EchoReader(ch, stats, events, window, size, outStreams);
      reader.start();

      boolean finished = send(ch, stats, window, outStreams, reader);
      if (!finished) {
        events.line("stopped sending: the association takes no more messages");
      }
      waitForEchoes(stats, reader);
      long end = System.nanoTime();
      // With a policy, what the stack handed back was abandoned only if the association lived on:
      // its end hands back what was outstanding too.
      boolean upToTheEnd = !extensions.prPolicy() || printAbandoned(ch, events);
      try {
        ch.shutdownAsync().get(2, TimeUnit.SECONDS);
      } catch (Exception e) {
        // the result is known; a slow goodbye does not change it
      }
      if (latency) {
        System.out.println(stats.secondHalfLatencyLine());
        System.out.println(stats.latencyLine());
      }
      System.out.println(stats.result(end));
      System.out.flush();
      return finished && upToTheEnd && stats.allAccountedFor() ? 0 : 1;
    }
  }

  /**
   * Sends until the count or the time is reached (true), or until the association takes no more
   * messages (false: shut down or ended). A message counts as sent only when the send call took it.
   */
  private boolean send(
      SctpChannel ch, EchoStats stats, Semaphore window, int outStreams, EchoReader reader)
      throws Exception {
    long first = System.nanoTime();
    long end = duration == null ? Long.MAX_VALUE : first + (long) (duration * 1e9);
    long interval = rate == null ? 0 : (long) (1e9 / rate);
    for (long seq = 0; duration != null || seq < count; seq++) {
      long now = System.nanoTime();
      if (now >= end) {
        return true;
      }
      if (interval > 0) {
        long due = first + seq * interval;
        while ((now = System.nanoTime()) < due) {
          LockSupport.parkNanos(Math.min(due - now, end - now));
          if (System.nanoTime() >= end) {
            return true;
          }
        }
      }
      while (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        if (System.nanoTime() >= end) {
          return true;
        }
        if (!reader.isAlive()) {
          return false;
        }
      }
      int stream = (int) (seq % outStreams);
      // Counted before the call, so that an echo arriving at once finds it; taken back on failure.
      stats.sent(seq, stream, System.nanoTime());
      try {
        ch.send(
            ByteBuffer.wrap(Payload.build(seq, size)),
            MessageInfo.createOutgoing(null, stream).unordered(unordered));
      } catch (Exception e) {
        stats.unsent(seq, stream);
        window.release();
        if (e instanceof ClosedChannelException) {
          return false;
        }
        throw e;
      }
    }
    return true;
  }

  /** What the association uses of the extensions, e.g. "PR-SCTP yes, I-DATA yes, scheduler rr". */
  static String negotiated(SctpChannel ch) throws java.io.IOException {
    return "association "
        + ch.association().associationID()
        + " PR-SCTP "
        + yesNo(ch.getOption(SctpStandardSocketOptions.SCTP_PR_SUPPORTED))
        + ", I-DATA "
        + yesNo(ch.getOption(SctpStandardSocketOptions.SCTP_INTERLEAVING_SUPPORTED))
        + ", scheduler "
        + SchedulerNames.nameOf(ch.getOption(SctpStandardSocketOptions.SCTP_STREAM_SCHEDULER));
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }

  /**
   * Prints {@code PR-SCTP abandoned_unsent=N abandoned_sent=M}, the association's
   * SCTP_PR_ASSOC_STATUS (RFC 7496 section 4.3.1), and answers true; when the association has
   * ended, a line saying so instead, and false.
   */
  private static boolean printAbandoned(SctpChannel ch, Events events) {
    PrStatus status;
    try {
      status = ch.getOption(SctpStandardSocketOptions.SCTP_PR_ASSOC_STATUS);
    } catch (Exception e) {
      events.line(
          "PR-SCTP status unknown, the association has ended: what its end handed back counts"
              + " as abandoned");
      return false;
    }
    System.out.println(
        "PR-SCTP abandoned_unsent="
            + status.abandonedUnsent()
            + " abandoned_sent="
            + status.abandonedSent());
    return true;
  }

  private void waitForEchoes(EchoStats stats, EchoReader reader) throws InterruptedException {
    long drainEnd = System.nanoTime() + DRAIN_NANOS;
    while (stats.outstanding() > 0 && reader.isAlive()) {
      long now = System.nanoTime();
      if (duration != null && now >= drainEnd) {
        return;
      }
      if (duration == null && now - stats.lastProgress() >= STALL_NANOS) {
        return;
      }
      Thread.sleep(5);
    }
  }

}
