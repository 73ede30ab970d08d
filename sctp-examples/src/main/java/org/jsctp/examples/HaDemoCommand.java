package org.jsctp.examples;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsctp.ha.HaMode;
import org.jsctp.ha.jgroups.JGroupsReplicator;
import org.jsctp.netty.AbstractNotificationHandler;
import org.jsctp.netty.AssociationChangeNotification;
import org.jsctp.netty.HandlerResult;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.PeerAddressFilter;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpServerChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.ha.HaStatistics;
import org.jsctp.netty.ha.InMemoryReplicator;
import org.jsctp.netty.ha.StateReplicator;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ha-demo}: standby takeover in one process on loopback (docs/ha.md). An active and a
 * standby echo server share the virtual address 127.0.0.20; a peer on 127.0.0.21 streams
 * numbered requests and checks every echo. Mid-run the active is halted as a killed process would
 * be (no ABORT, its sockets closed); the standby learns it from the replicator, binds the address
 * and resumes the association. A live timeline shows replication, the kill, the takeover and the
 * peer's gap; the summary counts what was lost and repeated. Nothing leaves 127.0.0.0/8.
 */
@Command(
    name = "ha-demo",
    mixinStandardHelpOptions = true,
    description =
        "Standby takeover on loopback: an active and a standby echo server, a peer streaming"
            + " echoes, the active killed mid-run; a timeline and a summary (lost, duplicates,"
            + " gap).")
final class HaDemoCommand implements Callable<Integer> {

  static final InetAddress VIP = address("127.0.0.20");
  static final InetAddress PEER = address("127.0.0.21");
  static final int SCTP_PORT = 3868;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--replicator",
      defaultValue = "memory",
      description =
          "How the state travels: memory (an in-process link, 0.2 ms each way, the active's"
              + " death noticed after --detection) or jgroups (two JGroups members over loopback"
              + " TCP) (default: ${DEFAULT-VALUE}).")
  String replicator;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      defaultValue = "8",
      description = "How long the peer streams (default: ${DEFAULT-VALUE}); setting up takes"
          + " about a second more.")
  int durationSeconds;

  @Option(
      names = "--kill-at",
      paramLabel = "SECONDS",
      defaultValue = "3",
      description =
          "When the active is killed, after the peer started (default: ${DEFAULT-VALUE}).")
  double killAt;

  @Option(
      names = "--rate",
      paramLabel = "MSGS",
      defaultValue = "500",
      description = "Requests per second (default: ${DEFAULT-VALUE}).")
  int rate;

  @Option(
      names = "--detection",
      paramLabel = "MS",
      defaultValue = "200",
      description = "memory: when the standby learns that the active is gone (default:"
          + " ${DEFAULT-VALUE}).")
  int detectionMs;

  private PrintWriter out;
  private long start;

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private synchronized void line(String format, Object... args) {
    out.printf("%7.3f s  %s%n", (System.nanoTime() - start) / 1e9, String.format(format, args));
    out.flush();
  }

  @Override
  public Integer call() throws Exception {
    Usage.check(
        spec,
        replicator.equals("memory") || replicator.equals("jgroups"),
        "--replicator must be memory or jgroups, got " + replicator);
    Usage.checkRange(spec, "--duration", durationSeconds, 2, 60);
    Usage.checkRange(spec, "--rate", rate, 1, 10_000);
    Usage.checkRange(spec, "--detection", detectionMs, 0, 10_000);
    Usage.check(spec, killAt > 0 && killAt < durationSeconds, "--kill-at must be within the run");
    out = spec.commandLine().getOut();
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    start = System.nanoTime();
    int udpPort = freePort();
    StateReplicator[] pair = replicators();
    Map<String, String> sysctl =
        Map.of(
            "net.sctp.rto_min", "100",
            "net.sctp.rto_initial", "300",
            "net.sctp.rto_max", "1000",
            "net.sctp.plpmtud_probe_interval", "0");
    try (SctpStack active = stack("active", sysctl);
        SctpStack standby = stack("standby", sysctl);
        SctpStack peer = stack("peer", sysctl)) {
      SctpServerChannel activeServer = server(active, pair[0], udpPort);
      SctpServerChannel standbyServer = server(standby, pair[1], udpPort);
      line("active  bound %s:%d (UDP %d), %s replicator, SCTP_HA_MODE SYNC",
          VIP.getHostAddress(), SCTP_PORT, udpPort, replicator);
      line("standby waiting for the active's state; it binds nothing yet");
      HaEcho activeEcho = new HaEcho(activeServer, s -> line("active  %s", s));
      HaEcho standbyEcho = new HaEcho(standbyServer, s -> line("standby %s", s));
      activeEcho.start("active-accept");
      standbyEcho.start("standby-accept");
      Peer p = new Peer(peer, udpPort);
      p.run(active, activeServer, standbyServer);
      HaStatistics before = p.activeStats;
      HaStatistics after = standbyServer.haStatistics();
      long lost = p.sent.get() - p.echoes.size();
      long duplicates = p.duplicates.get();
      out.println();
      out.printf("summary: %d requests, %d echoed, lost %d, duplicates %d; the standby handed %d"
              + " request(s) again (flagged possibly duplicate; answered with their"
              + " confirmation, so no echo twice)%n",
          p.sent.get(), p.echoes.size(), lost, duplicates, standbyEcho.flagged());
      out.printf("peer's gap: %d ms, the longest between two echoes (the active killed at %.1f s;"
              + " takeover %d ms later; detection %s)%n",
          p.gapMillis(), killAt, p.takeoverMillis(),
          replicator.equals("memory") ? detectionMs + " ms" : "a JGroups view change");
      out.printf("replication before the kill: %d records (%d snapshots), %d bytes, latency mean"
              + " %.0f us, max %.0f us; takeovers %d, associations resumed %d; COMM_LOST at the"
              + " peer: %d%n",
          before.recordsSent(), before.snapshotsSent(), before.bytesReplicated(),
          before.meanLatencyMicros(), before.maxLatencyMicros(), after.takeovers(),
          after.associationsTakenOver(), p.commLost.get());
      out.printf("SUMMARY sent=%d echoed=%d lost=%d duplicates=%d flagged=%d gap_ms=%d"
              + " comm_lost=%d takeovers=%d%n",
          p.sent.get(), p.echoes.size(), lost, duplicates, standbyEcho.flagged(), p.gapMillis(),
          p.commLost.get(), after.takeovers());
      out.flush();
      return lost == 0 && p.commLost.get() == 0 && after.takeovers() == 1 ? 0 : 1;
    } finally {
      if (link != null) {
        link.close();
      }
      for (StateReplicator r : pair) {
        r.close();
      }
    }
  }

  private InMemoryReplicator.Link link;

  private StateReplicator[] replicators() throws Exception {
    if (replicator.equals("memory")) {
      link = InMemoryReplicator.link(Duration.ofNanos(200_000), Duration.ofMillis(detectionMs));
      return new StateReplicator[] {link.active(), link.standby()};
    }
    InetAddress lo = InetAddress.getLoopbackAddress();
    int p1 = freeTcpPort();
    int p2 = freeTcpPort();
    List<InetSocketAddress> members =
        List.of(new InetSocketAddress(lo, p1), new InetSocketAddress(lo, p2));
    JGroupsReplicator first =
        JGroupsReplicator.builder().cluster("jsctp-ha-demo-" + p1).name("active").bind(lo, p1)
            .members(members).joinTimeout(Duration.ofMillis(500)).connect();
    JGroupsReplicator second =
        JGroupsReplicator.builder().cluster("jsctp-ha-demo-" + p1).name("standby").bind(lo, p2)
            .members(members).joinTimeout(Duration.ofMillis(500)).connect();
    return new StateReplicator[] {first, second};
  }

  static int freePort() throws Exception {
    try (java.net.DatagramSocket s = new java.net.DatagramSocket(new InetSocketAddress(VIP, 0))) {
      return s.getLocalPort();
    }
  }

  private static int freeTcpPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static SctpStack stack(String name, Map<String, String> sysctl) {
    return SctpStack.builder()
        .sysctl(sysctl)
        .threadName(name)
        .allowedPeerAddresses(PeerAddressFilter.subnets("127.0.0.0/8"))
        .build();
  }

  static SctpServerChannel server(SctpStack stack, StateReplicator r, int udpPort)
      throws Exception {
    SctpServerChannel s = SctpServerChannel.open(stack);
    s.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, udpPort);
    s.setOption(SctpStandardSocketOptions.SCTP_HA_MODE, HaMode.SYNC);
    s.replicateWith(r, Duration.ofSeconds(10));
    s.bind(new InetSocketAddress(VIP, SCTP_PORT));
    return s;
  }

  /** The peer: paced numbered requests, at most 32 unanswered, every echo checked. */
  private final class Peer {
    final SctpStack stack;
    final int udpPort;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicInteger commLost = new AtomicInteger();
    final Map<Integer, Long> echoes = new ConcurrentHashMap<>();
    final Semaphore window = new Semaphore(32);
    volatile long killedAt;
    volatile long maxGap;
    volatile long tookOverAt;
    HaStatistics activeStats = HaStatistics.NONE;

    Peer(SctpStack stack, int udpPort) {
      this.stack = stack;
      this.udpPort = udpPort;
    }

    /** The longest time between two echoes the peer saw for the first time. */
    long gapMillis() {
      return maxGap / 1_000_000;
    }

    long takeoverMillis() {
      return tookOverAt == 0 ? -1 : (tookOverAt - killedAt) / 1_000_000;
    }

    void run(SctpStack active, SctpServerChannel activeServer, SctpServerChannel standbyServer)
        throws Exception {
      SctpChannel ch = SctpChannel.open(stack);
      ch.setOption(SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
          new RemoteUdpEncapsPort(null, udpPort));
      ch.bind(new InetSocketAddress(PEER, 0));
      ch.connect(new InetSocketAddress(VIP, SCTP_PORT));
      start = System.nanoTime();
      line("peer    connected from %s to %s:%d; streaming %d requests/s from now on",
          PEER.getHostAddress(), VIP.getHostAddress(), SCTP_PORT, rate);
      Thread reader = new Thread(() -> read(ch), "peer-reader");
      reader.setDaemon(true);
      reader.start();
      long end = start + durationSeconds * 1_000_000_000L;
      long kill = start + (long) (killAt * 1e9);
      long period = 1_000_000_000L / rate;
      long next = System.nanoTime();
      long nextReport = next + 1_000_000_000L;
      boolean killed = false;
      long recordsAtReport = 0;
      while (System.nanoTime() < end) {
        long now = System.nanoTime();
        if (!killed && now >= kill) {
          killed = true;
          activeStats = activeServer.haStatistics();
          killedAt = System.nanoTime();
          active.halt();
          line("KILL    the active stops as a killed process would: no ABORT, sockets closed");
          Thread watch = new Thread(() -> watchTakeover(standbyServer), "takeover-watch");
          watch.setDaemon(true);
          watch.start();
        }
        if (now >= nextReport) {
          nextReport += 1_000_000_000L;
          if (!killed) {
            HaStatistics s = activeServer.haStatistics();
            line("sync    %d records to the standby (+%d), %d acknowledged, latency mean %.0f us;"
                    + " peer: %d echoes", s.recordsSent(), s.recordsSent() - recordsAtReport,
                s.recordsAcknowledged(), s.meanLatencyMicros(), echoes.size());
            recordsAtReport = s.recordsSent();
          } else {
            line("peer    %d echoes of %d requests", echoes.size(), sent.get());
          }
        }
        if (window.tryAcquire(50, TimeUnit.MILLISECONDS)) {
          int n = (int) sent.getAndIncrement();
          ch.send(ByteBuffer.allocate(16).putInt(0, n), MessageInfo.createOutgoing(null, n % 4));
          next += period;
          long sleep = next - System.nanoTime();
          if (sleep > 0) {
            TimeUnit.NANOSECONDS.sleep(sleep);
          }
        }
      }
      line("peer    stops sending; waiting for the last echoes");
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (echoes.size() < sent.get() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      line("peer    %d echoes of %d requests; closing", echoes.size(), sent.get());
      ch.close();
    }

    private volatile long lastEcho;

    private void read(SctpChannel ch) {
      ByteBuffer buf = ByteBuffer.allocate(64);
      AbstractNotificationHandler<Void> changes =
          new AbstractNotificationHandler<>() {
            @Override
            public HandlerResult handleNotification(
                AssociationChangeNotification n, Void attachment) {
              if (n.event() == AssociationChangeNotification.AssocChangeEvent.COMM_LOST) {
                commLost.incrementAndGet();
                line("peer    COMM_LOST");
              }
              return HandlerResult.CONTINUE;
            }
          };
      try {
        while (true) {
          buf.clear();
          MessageInfo info = ch.receive(buf, null, changes);
          if (info == null) {
            continue;
          }
          if (info.bytes() < 0) {
            return;
          }
          long now = System.nanoTime();
          int n = buf.getInt(0);
          if (echoes.putIfAbsent(n, now) != null) {
            duplicates.incrementAndGet();
            continue;
          }
          window.release();
          long gap = lastEcho == 0 ? 0 : now - lastEcho;
          maxGap = Math.max(maxGap, gap);
          if (gap > 100_000_000L) {
            line("peer    echoes resume (request %d) after a gap of %d ms", n, gap / 1_000_000);
          }
          lastEcho = now;
        }
      } catch (Exception e) {
        // closed
      }
    }

    private void watchTakeover(SctpServerChannel standbyServer) {
      long deadline = System.nanoTime() + 20_000_000_000L;
      try {
        while (System.nanoTime() < deadline) {
          HaStatistics s = standbyServer.haStatistics();
          if (s.takeovers() > 0) {
            tookOverAt = System.nanoTime();
            line("TAKEOVER the standby bound %s and resumed %d association(s) (%d records"
                    + " applied before)", VIP.getHostAddress(), s.associationsTakenOver(),
                s.recordsApplied());
            return;
          }
          Thread.sleep(5);
        }
      } catch (Exception e) {
        // the demo ended
      }
    }
  }
}
