package org.jsctp.interop;

import io.netty.util.ResourceLeakDetector;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jsctp.netty.AssociationChangeNotification;
import org.jsctp.netty.AssociationChangeNotification.AssocChangeEvent;
import org.jsctp.netty.HandlerResult;
import org.jsctp.netty.LeakRecorder;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.Notification;
import org.jsctp.netty.PeerAddressChangeNotification;
import org.jsctp.netty.PeerAddressFilter;
import org.jsctp.netty.RemoteErrorNotification;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.SendFailedNotification;
import org.jsctp.netty.ShutdownNotification;
import org.jsctp.netty.option.RemoteUdpEncapsPort;

/**
 * The side of the chaos soak whose every message, leak and byte of heap is accounted for: a jsctp
 * stack in this JVM (run in host a's namespace by {@link ChaosDriver}) that keeps one multihomed
 * association to the echo peer, sends seeded messages at a fixed rate with a window in flight, and
 * checks every echo and every piece of returned data with a {@link MessageLedger}. When an
 * association ends it reconnects and goes on.
 *
 * <p>Commands on stdin: {@code heap LABEL} (stop sending, wait until nothing is in flight, collect
 * garbage, print the heap in use, go on) and {@code stop} (or end of input): wait for the last
 * echoes, measure the heap, shut the association down, close the stack, then check that no
 * association, endpoint, thread or ByteBuf (Netty's leak detector at PARANOID) is left, and print
 * one REPORT line. Exit code 0 when everything held.
 *
 * <p>Output lines, with the milliseconds since start: {@code COMM_UP association=N}, {@code
 * ASSOC_END association=N end=EVENT ...}, {@code progress echoed=N sent=M}, {@code path /ADDR:PORT
 * udp UDPPORT EVENT}, {@code HEAP label=L usedKB=K threads=T}, {@code VIOLATION ...}, {@code REPORT
 * ...}.
 */
final class ChaosClient {

  static final String THREAD_PREFIX = "jsctp-chaos";
  static final String READER_PREFIX = "chaos-reader-";
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final Duration SEND_WAIT = Duration.ofSeconds(1);

  /** The command line: {@code --local A --local B --remote X --remote Y --port P ...}. */
  record Options(
      List<InetAddress> locals,
      List<InetAddress> remotes,
      int port,
      int udpPort,
      int remoteUdpPort,
      double rate,
      int window,
      long seed,
      Map<String, String> sysctl) {

    static Options parse(String[] args) throws IOException {
      List<InetAddress> locals = new ArrayList<>();
      List<InetAddress> remotes = new ArrayList<>();
      Map<String, String> o = new TreeMap<>();
      Map<String, String> sysctl = new LinkedHashMap<>();
      for (int i = 0; i + 1 < args.length; i += 2) {
        String v = args[i + 1];
        switch (args[i]) {
          case "--local" -> locals.add(InetAddress.getByName(v));
          case "--remote" -> remotes.add(InetAddress.getByName(v));
          case "--sysctl" ->
              sysctl.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
          default -> o.put(args[i], v);
        }
      }
      return new Options(
          locals,
          remotes,
          Integer.parseInt(o.getOrDefault("--port", "7")),
          Integer.parseInt(o.getOrDefault("--udp-port", "9900")),
          Integer.parseInt(o.getOrDefault("--remote-udp-port", "9899")),
          Double.parseDouble(o.getOrDefault("--rate", "100")),
          Integer.parseInt(o.getOrDefault("--window", "32")),
          Long.parseLong(o.getOrDefault("--seed", "1")),
          sysctl);
    }
  }

  private final Options opts;
  private final long start = System.nanoTime();
  private final ChaosPayload payload;
  private final MessageLedger ledger;
  private final Map<String, Long> heapKb = new LinkedHashMap<>();
  private final Map<String, Integer> endings = new TreeMap<>();
  private volatile boolean stopping;
  private volatile boolean paused;
  private int associations;
  private int connectFailures;
  private boolean drained = true;

  private ChaosClient(Options opts) {
    this.opts = opts;
    this.payload = new ChaosPayload(opts.seed());
    this.ledger = new MessageLedger(payload, opts.window(), this::line);
  }

  public static void main(String[] args) throws Exception {
    // Before anything touches a ByteBuf: the detector is created with the first buffer class.
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    LeakRecorder.install();
    int code = new ChaosClient(Options.parse(args)).run();
    System.out.flush();
    System.exit(code);
  }

  void line(String text) {
    synchronized (System.out) {
      System.out.printf("+%dms %s%n", (System.nanoTime() - start) / 1_000_000, text);
      System.out.flush();
    }
  }

  private int run() throws Exception {
    Thread commands = new Thread(this::readCommands, "chaos-commands");
    commands.setDaemon(true);
    commands.start();
    SctpStack stack =
        SctpStack.builder()
            .sysctl(opts.sysctl())
            .allowedPeerAddresses(PeerAddressFilter.subnets("10.201.0.0/16"))
            .threadName(THREAD_PREFIX)
            .build();
    line("READY seed=" + opts.seed() + " rate=" + opts.rate() + " window=" + opts.window());
    while (!stopping) {
      SctpChannel ch = connect(stack);
      if (ch != null) {
        runAssociation(ch);
      }
    }
    long associationsLeft = awaitEmpty(() -> stack.associations().size());
    long endpointsLeft = awaitEmpty(() -> stack.endpoints().size());
    stack.close();
    long threadsLeft = awaitEmpty(ChaosClient::ourThreads);
    long afterClose = usedHeapAfterGcKb();
    synchronized (heapKb) {
      heapKb.put("afterClose", afterClose);
    }
    List<String> leaks = LeakRecorder.collect();
    leaks.stream().limit(5).forEach(l -> line("LEAK " + l));
    Map<String, Long> violations = ledger.violations();
    if (!violations.isEmpty()) {
      line("VIOLATIONS " + violations);
    }
    line(
        "REPORT "
            + ledger.totals()
            + " associations="
            + associations
            + " endings="
            + endings.toString().replace(" ", "")
            + " connectFailures="
            + connectFailures
            + " drained="
            + drained
            + " associationsLeft="
            + associationsLeft
            + " endpointsLeft="
            + endpointsLeft
            + " threadsLeft="
            + threadsLeft
            + " leaks="
            + leaks.size()
            + heapFigures());
    boolean ok =
        violations.isEmpty()
            && drained
            && associationsLeft == 0
            && endpointsLeft == 0
            && threadsLeft == 0
            && leaks.isEmpty();
    return ok ? 0 : 1;
  }

  private String heapFigures() {
    StringBuilder b = new StringBuilder();
    synchronized (heapKb) {
      heapKb.forEach((label, kb) -> b.append(" heapKB.").append(label).append('=').append(kb));
    }
    return b.toString();
  }

  /** Opens, binds and connects a channel; null (after a short pause) when that failed. */
  private SctpChannel connect(SctpStack stack) throws IOException {
    SctpChannel ch = SctpChannel.open(stack);
    try {
      ch.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, opts.udpPort());
      ch.setOption(
          SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
          new RemoteUdpEncapsPort(null, opts.remoteUdpPort()));
      ch.setOption(
          SctpStandardSocketOptions.SCTP_INIT_MAXSTREAMS,
          SctpStandardSocketOptions.InitMaxStreams.create(8, 8));
      ch.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true);
      ch.setOption(SctpStandardSocketOptions.SCTP_EXPOSE_POTENTIALLY_FAILED_STATE, true);
      ch.bind(new InetSocketAddress(opts.locals().get(0), 0));
      for (InetAddress extra : opts.locals().subList(1, opts.locals().size())) {
        ch.bindAddress(extra);
      }
      List<SocketAddress> peers = new ArrayList<>();
      for (InetAddress r : opts.remotes()) {
        peers.add(new InetSocketAddress(r, opts.port()));
      }
      ch.connect(peers, Duration.ofSeconds(30));
      return ch;
    } catch (IOException e) {
      ch.close();
      if (!(e instanceof BindException)) {
        // A bind can fail for a moment while the last association's endpoint is released.
        connectFailures++;
        line("CONNECT_FAILED " + e);
      }
      sleepMillis(200);
      return null;
    }
  }

  /** Sends over one association until it ends or the run stops; then accounts for its messages. */
  private void runAssociation(SctpChannel ch) throws Exception {
    associations++;
    ledger.begin(associations);
    int streams = ch.association().maxOutboundStreams();
    line(
        "COMM_UP association="
            + associations
            + " id="
            + ch.association().associationID()
            + " streams="
            + streams
            + " paths="
            + ch.getRemoteAddresses());
    AssociationWatch watch = new AssociationWatch();
    Thread reader = new Thread(() -> read(ch, watch), READER_PREFIX + associations);
    reader.start();
    send(ch, streams, reader);
    if (stopping && reader.isAlive()) {
      finish(ch);
    }
    reader.join(TimeUnit.SECONDS.toMillis(30));
    MessageLedger.Tally tally = ledger.end(watch.end != null);
    String end = watch.end == null ? "NONE" : watch.end.toString();
    endings.merge(end, 1, Integer::sum);
    line(
        "ASSOC_END association="
            + associations
            + " end="
            + end
            + " "
            + tally
            + " returnedPieces="
            + watch.returnedPieces
            + (watch.causes.isEmpty() ? "" : " causes=" + watch.causes));
    ch.close();
  }

  private void send(SctpChannel ch, int streams, Thread reader) throws InterruptedException {
    long interval = (long) (1e9 / opts.rate());
    long due = System.nanoTime();
    boolean refusalShown = false;
    while (!stopping && reader.isAlive()) {
      long now = System.nanoTime();
      if (paused) {
        sleepMillis(10);
        due = now;
        continue;
      }
      if (now < due) {
        LockSupport.parkNanos(Math.min(due - now, 10_000_000L));
        continue;
      }
      // After a stall (an outage, a full window) the rate resumes; it does not catch up.
      due = Math.max(due, now - 1_000_000_000L) + interval;
      if (!ledger.awaitRoom(100_000_000L)) {
        continue;
      }
      long id = ledger.nextId();
      ChaosPayload.Spec spec = payload.spec(id);
      int stream = spec.stream(streams);
      ledger.sending(id, stream, spec.unordered());
      try {
        ch.send(
            ByteBuffer.wrap(payload.bytes(id)),
            MessageInfo.createOutgoing(null, stream)
                .unordered(spec.unordered())
                .payloadProtocolID(spec.ppid()),
            SEND_WAIT);
      } catch (SocketTimeoutException e) {
        ledger.notTaken(id);
      } catch (ClosedChannelException e) {
        ledger.notTaken(id);
        return;
      } catch (IOException | RuntimeException e) {
        ledger.notTaken(id);
        if (!refusalShown) {
          refusalShown = true;
          line("SEND_REFUSED " + e);
        }
        sleepMillis(10);
      }
    }
  }

  /** The run stops while the association is up: the last echoes, the heap, a graceful end. */
  private void finish(SctpChannel ch) throws Exception {
    drained = ledger.awaitEmpty(DRAIN_NANOS);
    line(drained ? "DRAINED" : "STUCK inFlight=" + ledger.inFlight());
    measureHeap("end");
    try {
      ch.shutdownAsync().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      line("SHUTDOWN_FAILED " + e);
    }
  }

  /** What ended an association, and what it handed back on the way. */
  private static final class AssociationWatch {
    volatile AssocChangeEvent end;
    volatile List<?> causes = List.of();
    long returnedPieces;
  }

  private void read(SctpChannel ch, AssociationWatch watch) {
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      buf.clear();
      MessageInfo info;
      try {
        info = ch.receive(buf, null, (n, a) -> onNotification(n, watch));
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException | RuntimeException e) {
        line("RECEIVE_FAILED " + e);
        return;
      }
      if (info == null) {
        continue;
      }
      if (info.bytes() < 0) {
        return;
      }
      message.write(buf.array(), 0, info.bytes());
      if (info.isComplete()) {
        byte[] data = message.toByteArray();
        message.reset();
        ledger.echo(
            info.payloadProtocolID(), info.streamNumber(), info.isUnordered(), data, data.length);
      }
    }
  }

  private HandlerResult onNotification(Notification n, AssociationWatch watch) {
    if (n instanceof AssociationChangeNotification c) {
      if (c.event() != AssocChangeEvent.COMM_UP) {
        watch.end = c.event();
        watch.causes = c.causes();
        line("event " + c.event() + (c.causes().isEmpty() ? "" : " causes=" + c.causes()));
      }
    } else if (n instanceof SendFailedNotification f) {
      ByteBuffer b = f.buffer();
      byte[] piece = new byte[b.remaining()];
      b.get(piece);
      watch.returnedPieces++;
      ledger.returned(f.payloadProtocolID(), f.streamNumber(), f.dataSent(), piece);
    } else if (n instanceof PeerAddressChangeNotification p) {
      line("path " + p.address() + " udp " + p.udpPort() + " " + p.event());
    } else if (n instanceof ShutdownNotification) {
      line("event SHUTDOWN received");
    } else if (n instanceof RemoteErrorNotification e) {
      line("event remote error " + e.causes());
    }
    return HandlerResult.CONTINUE;
  }

  private void readCommands() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String cmd;
      while ((cmd = in.readLine()) != null) {
        if (cmd.startsWith("heap ")) {
          measureHeap(cmd.substring(5).trim());
        } else if (cmd.equals("stop")) {
          break;
        }
      }
    } catch (IOException e) {
      line("stdin: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopping = true;
  }

  /**
   * Pauses sending until nothing is in flight, so that every measurement sees the same state (one
   * idle association), and prints the heap in use after a full collection.
   */
  private void measureHeap(String label) throws InterruptedException {
    paused = true;
    try {
      boolean idle = ledger.awaitEmpty(TimeUnit.SECONDS.toNanos(30));
      long kb = usedHeapAfterGcKb();
      synchronized (heapKb) {
        heapKb.put(label, kb);
      }
      line(
          "HEAP label="
              + label
              + " usedKB="
              + kb
              + " threads="
              + Thread.getAllStackTraces().size()
              + (idle ? "" : " inFlight=" + ledger.inFlight()));
    } finally {
      paused = false;
    }
  }

  static long usedHeapAfterGcKb() throws InterruptedException {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
      least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return least / 1024;
  }

  /** Live threads of the stack (event loops) and of this client (receivers). */
  static long ourThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(
            t ->
                t.isAlive()
                    && (t.getName().startsWith(THREAD_PREFIX)
                        || t.getName().startsWith(READER_PREFIX)))
        .count();
  }

  /** Polls {@code count} until it is 0 or 10 s passed; returns the last value. */
  private static long awaitEmpty(java.util.function.LongSupplier count)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long n;
    while ((n = count.getAsLong()) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return n;
  }

  private static void sleepMillis(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
