package org.jsctp.examples;

import java.io.PrintStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: quick failover with your own eyes, in one process and with no setup. Two
 * associations run side by side over loopback, each between a client and an echo server that
 * are both multihomed on 127.0.0.1 (primary) and 127.0.0.2: one with SCTP-PF ({@code
 * pf_retrans} 0, the default), one with PF disabled (plain RFC 9260). Mid-run the primary is
 * blackholed in-process, silently; the timeline shows the path states and the delivery gap the
 * application sees, and the summary compares the two.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Show multihoming and quick failover over loopback (about 20 s, no setup).")
final class DemoCommand implements Callable<Integer> {

  private static final long S = 1_000_000_000L;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--outage", defaultValue = "9", paramLabel = "SECONDS",
      description = "How long the primary stays blackholed (default: ${DEFAULT-VALUE}).")
  int outage;

  @Option(names = "--rate", defaultValue = "100", paramLabel = "MSGS_PER_S",
      description = "Messages per second on each association (default: ${DEFAULT-VALUE}).")
  int rate;

  private final PrintStream out = System.out;
  private long origin;

  @Override
  public Integer call() throws Exception {
    Usage.checkRange(spec, "--outage", outage, 1, 60);
    Usage.checkRange(spec, "--rate", rate, 1, 10_000);
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    InetAddress primary = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    InetAddress secondary = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
    Map<String, String> common = Map.of(
        "net.sctp.rto_min", "100", "net.sctp.rto_initial", "300", "net.sctp.rto_max", "2000",
        "net.sctp.hb_interval", "1000");
    Map<String, String> pf = with(common, "net.sctp.pf_retrans", "0", "net.sctp.pf_expose", "2");
    Map<String, String> plain = with(common, "net.sctp.pf_enable", "0", "net.sctp.pf_expose", "0");
    out.println("jsctp failover demo: two associations over loopback, each between a client and an");
    out.println("echo server multihomed on 127.0.0.1 (primary) and 127.0.0.2, " + rate
        + " messages/s each way.");
    out.println("  [pf 0  ] SCTP-PF quick failover (RFC 7829, net.sctp.pf_retrans=0, the default)");
    out.println("  [PF off] plain RFC 9260 failover (net.sctp.pf_enable=0)");
    out.println("  both: net.sctp.rto_min=100 rto_initial=300 rto_max=2000 hb_interval=1000 (ms)");
    origin = System.nanoTime();
    try (DemoScenario quick = new DemoScenario("pf 0  ", pf, primary, secondary);
        DemoScenario slow = new DemoScenario("PF off", plain, primary, secondary)) {
      List<DemoScenario> both = List.of(quick, slow);
      for (DemoScenario s : both) {
        s.start(origin);
        line(s, "association up, both paths confirmed ACTIVE");
      }
      long blackholeAt = System.nanoTime() + 3 * S;
      long healAt = blackholeAt + outage * S;
      long end = healAt + 5 * S;
      long interval = S / rate;
      long nextSend = System.nanoTime();
      long nextProgress = System.nanoTime() + S;
      boolean cut = false;
      boolean healed = false;
      long[] lastReportedGap = new long[2];
      while (System.nanoTime() < end) {
        long now = System.nanoTime();
        if (!cut && now >= blackholeAt) {
          cut = true;
          for (DemoScenario s : both) {
            s.measureFrom(now);
            s.blackhole.cut(primary);
          }
          banner("silent blackhole of 127.0.0.1: every datagram to or from it now vanishes");
        }
        if (cut && !healed && now >= healAt) {
          healed = true;
          for (DemoScenario s : both) {
            s.blackhole.heal();
          }
          banner("127.0.0.1 healed");
        }
        while (nextSend <= now) {
          for (DemoScenario s : both) {
            s.sendOne();
          }
          nextSend += interval;
        }
        for (int i = 0; i < 2; i++) {
          DemoScenario s = both.get(i);
          for (String change : s.changes(now, cut ? blackholeAt : 0)) {
            line(s, change);
          }
          if (cut && s.maxGap() > lastReportedGap[i] + 50_000_000L && s.currentWait(now) < 20_000_000L) {
            lastReportedGap[i] = s.maxGap();
            line(s, String.format(Locale.ROOT, "echoes flowing again; longest gap so far %d ms",
                s.maxGap() / 1_000_000));
          }
        }
        if (now >= nextProgress) {
          nextProgress += S;
          out.printf(Locale.ROOT, "%s progress: %s | %s%n", stamp(now), progress(quick, now), progress(slow, now));
        }
        Thread.sleep(2);
      }
      long drain = System.nanoTime() + 5 * S;
      while ((quick.echoed() < quick.sent() || slow.echoed() < slow.sent()) && System.nanoTime() < drain) {
        Thread.sleep(10);
      }
      return summary(quick, slow);
    }
  }

  private int summary(DemoScenario quick, DemoScenario slow) {
    out.println();
    out.println("SUMMARY (silent blackhole of the primary for " + outage + " s)");
    out.printf(Locale.ROOT, "  %-34s %13s %18s %24s %14s%n", "configuration", "longest gap",
        "primary PF after", "primary INACTIVE after", "echoed/sent");
    row("pf_retrans 0 (SCTP-PF, default)", quick);
    row("PF disabled (plain RFC 9260)", slow);
    long q = Math.max(1, quick.maxGap());
    out.printf(Locale.ROOT, "  quick failover: the application waited at most %d ms instead of %d ms (%.0f times shorter)%n",
        quick.maxGap() / 1_000_000, slow.maxGap() / 1_000_000, slow.maxGap() / (double) q);
    boolean complete = quick.echoed() == quick.sent() && slow.echoed() == slow.sent();
    out.println(complete ? "  every message was echoed on both associations: none lost"
        : "  NOT every message was echoed in time");
    return complete ? 0 : 1;
  }

  private void row(String name, DemoScenario s) {
    out.printf(Locale.ROOT, "  %-34s %10d ms %18s %24s %8d/%d%n", name, s.maxGap() / 1_000_000,
        ms(s.firstPf()), ms(s.firstInactive()), s.echoed(), s.sent());
  }

  private static String ms(long nanos) {
    return nanos < 0 ? "never" : (nanos / 1_000_000) + " ms";
  }

  private String progress(DemoScenario s, long now) {
    long wait = s.currentWait(now);
    String status = wait > 200_000_000L
        ? String.format(Locale.ROOT, "STALLED %.1f s", wait / 1e9)
        : "flowing";
    return String.format(Locale.ROOT, "[%s] %d/%d echoed, %s", s.label, s.echoed(), s.sent(), status);
  }

  private void line(DemoScenario s, String text) {
    out.println(stamp(System.nanoTime()) + " [" + s.label + "] " + text);
  }

  private void banner(String text) {
    out.println(stamp(System.nanoTime()) + " *** " + text + " ***");
  }

  private String stamp(long now) {
    return String.format(Locale.ROOT, "%+7.2fs", (now - origin) / 1e9);
  }

  private static Map<String, String> with(Map<String, String> base, String... kv) {
    java.util.HashMap<String, String> m = new java.util.HashMap<>(base);
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
