package org.jsctp.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsctp.api.PathState;
import org.jsctp.testkit.FailoverRun;

/**
 * Writes the failover report data of docs/failover.md from simulator runs: a Markdown table of
 * the delivery gaps and an SVG timeline (path 1 state band and message deliveries over time) per
 * RTO profile. Run through {@code scripts/failover-report.sh}.
 */
public final class FailoverReport {

  public static final long SEED = 2026_11_21L;

  /** The configurations of the report, default RTO first, then the tuned profile. */
  public static List<FailoverExperiment> experiments() {
    List<FailoverExperiment> list = new ArrayList<>();
    long[][] profiles = {{1000, 1000}, {200, 500}};
    for (long[] p : profiles) {
      String rto = "rto_min " + p[0] + " ms, rto_initial " + p[1] + " ms";
      list.add(new FailoverExperiment("pf_retrans 0 (" + rto + ")", 0, p[0], p[1]));
      list.add(new FailoverExperiment("pf_retrans 1 (" + rto + ")", 1, p[0], p[1]));
      list.add(new FailoverExperiment("pf_retrans 2 (" + rto + ")", 2, p[0], p[1]));
      list.add(new FailoverExperiment("PF disabled, plain RFC 9260 (" + rto + ")", -1, p[0], p[1]));
    }
    return list;
  }

  public static List<FailoverExperiment.Result> runAll() {
    List<FailoverExperiment.Result> results = new ArrayList<>();
    for (FailoverExperiment e : experiments()) {
      results.add(e.run(SEED));
    }
    return results;
  }

  static String ms(long nanos) {
    return nanos < 0 ? "never" : String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
  }

  public static String table(List<FailoverExperiment.Result> results) {
    StringBuilder sb = new StringBuilder();
    sb.append("| configuration | longest delivery gap | primary PF after | primary INACTIVE after | delivered / sent |\n");
    sb.append("| --- | ---: | ---: | ---: | ---: |\n");
    for (FailoverExperiment.Result r : results) {
      sb.append("| ").append(r.experiment().label())
          .append(" | ").append(ms(r.maxGap()))
          .append(" | ").append(ms(r.firstPf()))
          .append(" | ").append(ms(r.firstInactive()))
          .append(" | ").append(r.delivered()).append(" / ").append(r.sent())
          .append(" |\n");
    }
    return sb.toString();
  }

  /** An SVG timeline: per configuration, path 1's state as a colour band and each delivery as a tick. */
  public static String svg(List<FailoverExperiment.Result> results, long windowNanos, String title) {
    int rowHeight = 46;
    int left = 230;
    int width = 1000;
    int plot = width - left - 20;
    int height = 60 + rowHeight * results.size() + 40;
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
        width, height));
    sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"15\">%s</text>%n", 10, title));
    sb.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"38\" fill=\"#555\">band: primary path state (green ACTIVE, orange PF, red INACTIVE); ticks: message deliveries; t=0: silent blackhole of the primary</text>%n", 10));
    for (int i = 0; i < results.size(); i++) {
      FailoverExperiment.Result r = results.get(i);
      int y = 55 + i * rowHeight;
      sb.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">%s</text>%n", y + 20, r.experiment().shortLabel()));
      sb.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" fill=\"#555\">gap %s</text>%n", y + 35, ms(r.maxGap())));
      PathState state = PathState.ACTIVE;
      long from = 0;
      for (FailoverRun.Transition t : r.transitions()) {
        if (t.path() != 1) {
          continue;
        }
        long at = t.at() - r.t0();
        band(sb, from, Math.min(at, windowNanos), state, left, plot, windowNanos, y);
        from = Math.max(0, at);
        state = t.to();
      }
      band(sb, from, windowNanos, state, left, plot, windowNanos, y);
      for (long d : r.deliveries()) {
        long at = d - r.t0();
        if (at < 0 || at > windowNanos) {
          continue;
        }
        double x = left + plot * (double) at / windowNanos;
        sb.append(String.format(Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#1f3a93\" stroke-width=\"0.6\"/>%n",
            x, y + 14, x, y + 38));
      }
    }
    int axisY = 55 + rowHeight * results.size() + 5;
    sb.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n", left, axisY, left + plot, axisY));
    int ticks = 10;
    for (int k = 0; k <= ticks; k++) {
      long at = windowNanos * k / ticks;
      double x = left + plot * (double) k / ticks;
      sb.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.1f s</text>%n",
          x, axisY, x, axisY + 5, x, axisY + 18, at / 1e9));
    }
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static void band(StringBuilder sb, long from, long to, PathState state, int left, int plot,
      long window, int y) {
    if (to <= from) {
      return;
    }
    String color = switch (state) {
      case ACTIVE -> "#4caf50";
      case POTENTIALLY_FAILED -> "#ff9800";
      case INACTIVE -> "#e53935";
      case UNCONFIRMED -> "#9e9e9e";
    };
    double x1 = left + plot * (double) from / window;
    double x2 = left + plot * (double) to / window;
    sb.append(String.format(Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"10\" fill=\"%s\"/>%n", x1, y + 2, x2 - x1, color));
  }

  /** Writes failover-table.md and the two timeline SVGs into {@code dir}. */
  public static void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<FailoverExperiment.Result> results = runAll();
    Files.writeString(dir.resolve("failover-table.md"), table(results));
    Files.writeString(dir.resolve("failover-timeline-default.svg"),
        svg(results.subList(0, 4), 70_000_000_000L, "Silent blackhole of the primary, default RTO (rto_min = rto_initial = 1 s)"));
    Files.writeString(dir.resolve("failover-timeline-tuned.svg"),
        svg(results.subList(4, 8), 15_000_000_000L, "Silent blackhole of the primary, tuned RTO (rto_min 200 ms, rto_initial 500 ms)"));
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/failover-report");
    write(dir);
    System.out.println(Files.readString(dir.resolve("failover-table.md")));
  }
}
