package org.jsctp.examples;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jsctp.ha.HaMode;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpServerChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.ha.InMemoryReplicator;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ha-bench}: what SYNC mode costs (docs/benchmarks.md, docs/ha.md). Runs alternate between
 * HA off and SYNC (a standby attached through the in-memory link with no added latency, so that
 * the figures are the stack's own cost): echo latency of one 16-byte request at a time, and echo
 * throughput with 64 requests of 1 KiB in flight. Prints each run and the medians with their
 * spread. On loopback (127.0.0.20 and .21); a benchmark, not a test.
 */
@Command(
    name = "ha-bench",
    mixinStandardHelpOptions = true,
    description = "Echo latency and throughput with SCTP_HA_MODE SYNC against HA off, on loopback.")
final class HaBenchCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--runs", defaultValue = "5", description = "Runs per mode (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--echoes", defaultValue = "2000",
      description = "Latency: echoes per run, after 500 to warm up (default: ${DEFAULT-VALUE}).")
  int echoes;

  @Option(names = "--seconds", defaultValue = "3",
      description = "Throughput: seconds per run (default: ${DEFAULT-VALUE}).")
  int seconds;

  private PrintWriter out;

  @Override
  public Integer call() throws Exception {
    Usage.checkRange(spec, "--runs", runs, 1, 100);
    Usage.checkRange(spec, "--echoes", echoes, 10, 1_000_000);
    Usage.checkRange(spec, "--seconds", seconds, 1, 600);
    out = spec.commandLine().getOut();
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Map<HaMode, List<double[]>> results = Map.of(HaMode.OFF, new ArrayList<>(), HaMode.SYNC,
        new ArrayList<>());
    for (int run = 1; run <= runs; run++) {
      for (HaMode mode : List.of(HaMode.OFF, HaMode.SYNC)) {
        double[] r = once(mode);
        results.get(mode).add(r);
        out.printf("run %d %-4s latency median %.1f us, p99 %.1f us; throughput %.0f echoes/s%n",
            run, mode, r[0], r[1], r[2]);
        out.flush();
      }
    }
    out.println();
    for (HaMode mode : List.of(HaMode.OFF, HaMode.SYNC)) {
      out.printf("%-4s latency median of medians %s us, p99 %s us; throughput %s echoes/s%n",
          mode, spread(results.get(mode), 0), spread(results.get(mode), 1),
          spread(results.get(mode), 2));
    }
    double offLat = median(results.get(HaMode.OFF), 0);
    double syncLat = median(results.get(HaMode.SYNC), 0);
    double offTput = median(results.get(HaMode.OFF), 2);
    double syncTput = median(results.get(HaMode.SYNC), 2);
    out.printf("SYNC/OFF: latency x%.2f (+%.1f us), throughput x%.2f%n", syncLat / offLat,
        syncLat - offLat, syncTput / offTput);
    out.flush();
    return 0;
  }

  /** Median, with the lowest and highest run: "m (lo..hi)". */
  private static String spread(List<double[]> rows, int col) {
    double[] v = rows.stream().mapToDouble(r -> r[col]).sorted().toArray();
    return String.format("%.1f (%.1f..%.1f)", median(rows, col), v[0], v[v.length - 1]);
  }

  private static double median(List<double[]> rows, int col) {
    double[] v = rows.stream().mapToDouble(r -> r[col]).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** One run: {latency median us, latency p99 us, echoes per second}. */
  private double[] once(HaMode mode) throws Exception {
    int udpPort = HaDemoCommand.freePort();
    Map<String, String> sysctl = Map.of("net.sctp.plpmtud_probe_interval", "0");
    try (InMemoryReplicator.Link link = InMemoryReplicator.link(Duration.ZERO, Duration.ZERO);
        SctpStack server = HaDemoCommand.stack("bench-server", sysctl);
        SctpStack standby = HaDemoCommand.stack("bench-standby", sysctl);
        SctpStack peer = HaDemoCommand.stack("bench-peer", sysctl)) {
      SctpServerChannel s;
      if (mode == HaMode.OFF) {
        s = SctpServerChannel.open(server);
        s.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, udpPort);
        s.bind(new InetSocketAddress(HaDemoCommand.VIP, HaDemoCommand.SCTP_PORT));
      } else {
        s = HaDemoCommand.server(server, link.active(), udpPort);
        HaDemoCommand.server(standby, link.standby(), udpPort);
      }
      new HaEcho(s, line -> {}).start("bench-accept");
      SctpChannel ch = SctpChannel.open(peer);
      ch.setOption(SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
          new RemoteUdpEncapsPort(null, udpPort));
      ch.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true);
      ch.connect(new InetSocketAddress(HaDemoCommand.VIP, HaDemoCommand.SCTP_PORT));
      ByteBuffer in = ByteBuffer.allocate(4096);
      long[] rtt = new long[echoes];
      for (int i = -500; i < echoes; i++) {
        long t0 = System.nanoTime();
        ch.send(ByteBuffer.allocate(16), MessageInfo.createOutgoing(null, 0));
        in.clear();
        ch.receive(in, null, null, Duration.ofSeconds(10));
        if (i >= 0) {
          rtt[i] = System.nanoTime() - t0;
        }
      }
      Arrays.sort(rtt);
      double median = rtt[echoes / 2] / 1000.0;
      double p99 = rtt[(int) (echoes * 0.99)] / 1000.0;
      int window = 64;
      for (int i = 0; i < window; i++) {
        ch.send(ByteBuffer.allocate(1024), MessageInfo.createOutgoing(null, 0));
      }
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      long n = 0;
      long t0 = System.nanoTime();
      while (System.nanoTime() < end) {
        in.clear();
        ch.receive(in, null, null, Duration.ofSeconds(10));
        n++;
        ch.send(ByteBuffer.allocate(1024), MessageInfo.createOutgoing(null, 0));
      }
      double tput = n / ((System.nanoTime() - t0) / 1e9);
      ch.close();
      return new double[] {median, p99, tput};
    }
  }
}
