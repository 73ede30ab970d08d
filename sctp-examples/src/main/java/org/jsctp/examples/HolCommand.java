package org.jsctp.examples;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jsctp.config.StackConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hol}: head-of-line blocking between streams (issue 11) over loopback, in this process.
 * Measures the latency of small messages on stream 1 while stream 0 carries large messages back
 * to back, for each mode (DATA or I-DATA, and a stream scheduler), in rounds that interleave the
 * modes (A B C A B C ...), since a shared machine drifts. Prints a line per run and a table of
 * medians over the rounds, with each mode's median latency as a ratio to the first mode's in the
 * same round.
 */
@Command(
    name = "hol",
    mixinStandardHelpOptions = true,
    description =
        "Head-of-line benchmark over loopback: latency of small messages on stream 1 while"
            + " stream 0 sends large messages back to back, per mode (DATA or I-DATA, scheduler).")
final class HolCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--modes",
      split = ",",
      paramLabel = "MODE",
      converter = HolMode.Converter.class,
      defaultValue = "data-fcfs,data-rr,idata-rr",
      description =
          "Modes, data-NAME or idata-NAME with a scheduler name (fcfs, rr, rr-packet, prio, fb,"
              + " wfq); the first is the baseline of the ratios (default: ${DEFAULT-VALUE}).")
  List<HolMode> modes;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "Runs per mode, interleaved (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--warmup",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "Warm-up of each run, not measured (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      defaultValue = "20",
      description = "Measurement of each run (default: ${DEFAULT-VALUE}).")
  int duration;

  @Option(
      names = "--interval",
      paramLabel = "MS",
      defaultValue = "20",
      description = "Time between small messages (default: ${DEFAULT-VALUE}).")
  int intervalMs;

  @Option(
      names = "--bulk-size",
      paramLabel = "BYTES",
      defaultValue = "1048576",
      description = "Bytes per bulk message on stream 0 (default: ${DEFAULT-VALUE}).")
  int bulkSize;

  @Option(
      names = "--size",
      paramLabel = "BYTES",
      defaultValue = "100",
      description = "Bytes per small message on stream 1, at least 16 (default: ${DEFAULT-VALUE}).")
  int size;

  @Mixin StackOptions stackOptions;

  @Override
  public Integer call() throws Exception {
    Usage.checkRange(spec, "--rounds", rounds, 1, 100);
    Usage.checkRange(spec, "--warmup", warmup, 0, 3600);
    Usage.checkRange(spec, "--duration", duration, 1, 3600);
    Usage.checkRange(spec, "--interval", intervalMs, 1, 60_000);
    Usage.checkRange(spec, "--bulk-size", bulkSize, 1, HolRun.BUFFER / 2);
    Usage.checkRange(spec, "--size", size, 16, 65536);
    StackConfig config = stackOptions.config();
    stackOptions.configureLogging();
    HolRun.Settings settings =
        new HolRun.Settings(
            bulkSize,
            size,
            TimeUnit.MILLISECONDS.toNanos(intervalMs),
            TimeUnit.SECONDS.toNanos(warmup),
            TimeUnit.SECONDS.toNanos(duration));
    System.out.printf(
        Locale.ROOT,
        "hol: %d B every %d ms on stream 1, %d B messages back to back on stream 0; %d s warm-up"
            + " and %d s measured per run, %d rounds; %d cores, load %.2f, Java %s%n",
        size,
        intervalMs,
        bulkSize,
        warmup,
        duration,
        rounds,
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.version());
    List<HolResult> results = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      for (HolMode mode : modes) {
        HolResult r = new HolRun(mode, round, settings, config).run();
        System.out.println(r.line());
        System.out.flush();
        results.add(r);
      }
    }
    System.out.println();
    System.out.print(new HolSummary(modes, rounds, results).table());
    return 0;
  }
}
