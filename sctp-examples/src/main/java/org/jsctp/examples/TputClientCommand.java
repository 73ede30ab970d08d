package org.jsctp.examples;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tput-client}: sends messages as fast as the association takes them for a duration, then
 * shuts down and prints a RESULT line. Compatible with usrsctp's {@code tsctp} server (SCTP port
 * 5001) and with our {@code tput-server}.
 */
@Command(
    name = "tput-client",
    mixinStandardHelpOptions = true,
    description = "Send as fast as the association allows for a duration; print a RESULT line (tsctp-compatible).")
final class TputClientCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  ClientEndpointOptions endpoint = new ClientEndpointOptions(TputServerCommand.DEFAULT_PORT);

  @Option(names = "--size", defaultValue = "1024", description = "Bytes per message (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--streams", defaultValue = "1", description = "Streams to send on, round robin (default: ${DEFAULT-VALUE}).")
  int streams;

  @Option(names = "--unordered", description = "Send unordered messages.")
  boolean unordered;

  @Option(names = "--duration", defaultValue = "10", paramLabel = "SECONDS",
      description = "How long to send (default: ${DEFAULT-VALUE}).")
  double duration;

  @Mixin IntervalOption interval;

  @Mixin StackOptions stackOptions;

  @Override
  public Integer call() throws Exception {
    endpoint.validate();
    Usage.checkRange(spec, "--size", size, 1, 16 << 20);
    Usage.checkRange(spec, "--streams", streams, 1, 0xFFFF);
    Usage.check(spec, duration > 0, "--duration must be positive, got " + duration);
    interval.validate();
    stackOptions.configureLogging();
    Events events = new Events(System.out, System.nanoTime());
    try (SctpStack stack = stackOptions.stack();
        IntervalReporter reporter = new IntervalReporter(interval.nanos(), System.out)) {
      SctpChannel ch = ClientChannels.open(stack, endpoint, streams);
      if (!ClientChannels.connect(ch, endpoint, Duration.ofSeconds(60), events)) {
        return 1;
      }
      int outStreams = Math.min(streams, ch.association().maxOutboundStreams());
      byte[] payload = new byte[size];
      ByteBuffer buf = ByteBuffer.wrap(payload);
      MessageInfo[] infos = new MessageInfo[outStreams];
      for (int s = 0; s < outStreams; s++) {
        infos[s] = MessageInfo.createOutgoing(null, s).unordered(unordered);
      }
      TputResult result = new TputResult();
      IntervalReporter.Run intervals = interval.on() ? reporter.start(result, "") : null;
      long end = System.nanoTime() + (long) (duration * 1e9);
      long seq = 0;
      while (System.nanoTime() < end) {
        buf.clear();
        ch.send(buf, infos[(int) (seq++ % outStreams)]);
        result.add(1, size);
      }
      long stop = System.nanoTime();
      if (intervals != null) {
        intervals.close();
      }
      try {
        ch.shutdownAsync().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        events.line("shutdown did not complete: " + e);
      }
      System.out.println(result.line(stop));
      System.out.flush();
      return 0;
    }
  }
}
