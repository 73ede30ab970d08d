package org.jsctp.examples;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jsctp.netty.AssociationChangeNotification;
import org.jsctp.netty.HandlerResult;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.Notification;
import org.jsctp.netty.NotificationHandler;
import org.jsctp.netty.SctpMultiChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.option.EventSubscription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tput-server}: counts what arrives, per association, and prints a RESULT line when an
 * association ends. Compatible with usrsctp's {@code tsctp} client (SCTP port 5001, which sends
 * for a while and then shuts down), and with our {@code tput-client}.
 */
@Command(
    name = "tput-server",
    mixinStandardHelpOptions = true,
    description = "Receive as fast as possible; print a RESULT line per association (tsctp-compatible).")
final class TputServerCommand implements Callable<Integer> {

  /** The SCTP port of usrsctp's tsctp, the throughput tools' default. */
  static final int DEFAULT_PORT = 5001;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin ListenOptions listen = new ListenOptions(DEFAULT_PORT);

  @Option(names = "--count", paramLabel = "ASSOCIATIONS",
      description = "Exit after this many associations ended (default: run until killed).")
  Integer count;

  @Mixin IntervalOption interval;

  @Mixin StackOptions stackOptions;

  /** Per-association counters, from its first message to its end. */
  private final Map<Integer, TputResult> results = new HashMap<>();

  /** Per-association INTERVAL reporting, when --interval is on. */
  private final Map<Integer, IntervalReporter.Run> intervals = new HashMap<>();

  @Override
  public Integer call() throws Exception {
    listen.validate();
    Usage.check(spec, count == null || count >= 1, "--count must be at least 1, got " + count);
    interval.validate();
    stackOptions.configureLogging();
    Events events = new Events(System.out, System.nanoTime());
    SctpStack stack = stackOptions.stack();
    IntervalReporter reporter = new IntervalReporter(interval.nanos(), System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "tput-server-shutdown"));
    SctpMultiChannel ch = ServerChannels.open(stack, listen.locals, listen.port, listen.udpPort,
        c -> c.setOption(SctpStandardSocketOptions.SCTP_EVENTS,
            new EventSubscription(true, false, false, true, false, false, false, false, false, false),
            null));
    int boundUdp = ch.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, null);
    System.out.println("tput-server listening on " + ch.getAllLocalAddresses() + " udp " + boundUdp);
    System.out.flush();
    int[] ended = {0};
    NotificationHandler<Void> handler = new NotificationHandler<>() {
      @Override
      public HandlerResult handleNotification(Notification n, Void attachment) {
        if (n instanceof AssociationChangeNotification c) {
          int id = c.association() == null ? 0 : c.association().associationID();
          switch (c.event()) {
            case COMM_UP -> {
              TputResult r = new TputResult();
              results.put(id, r);
              if (interval.on()) {
                intervals.put(id, reporter.start(r, " assoc=" + id));
              }
            }
            case SHUTDOWN, COMM_LOST -> {
              IntervalReporter.Run run = intervals.remove(id);
              if (run != null) {
                run.close();
              }
              TputResult r = results.remove(id);
              if (r != null) {
                System.out.println(r.line(System.nanoTime()));
                System.out.flush();
                ended[0]++;
              }
            }
            default -> {}
          }
        }
        events.handleNotification(n, null);
        return count != null && ended[0] >= count ? HandlerResult.RETURN : HandlerResult.CONTINUE;
      }
    };
    ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
    try {
      while (count == null || ended[0] < count) {
        buf.clear();
        MessageInfo info = ch.receive(buf, null, handler);
        if (info == null || info.bytes() < 0) {
          continue;
        }
        TputResult r = results.computeIfAbsent(info.association().associationID(), k -> new TputResult());
        r.add(info.isComplete() ? 1 : 0, info.bytes());
      }
    } catch (ClosedChannelException e) {
      // the stack closed under us: killed
    }
    reporter.close();
    stack.close();
    return 0;
  }
}
