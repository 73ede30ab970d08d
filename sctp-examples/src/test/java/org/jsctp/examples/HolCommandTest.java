package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsctp.api.StreamSchedulerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** The {@code hol} benchmark command: its modes, its usage errors, and a short run's output. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HolCommandTest {

  static HolCommand parse(String... args) {
    HolCommand hol = new HolCommand();
    new CommandLine(hol).parseArgs(args);
    return hol;
  }

  @Test
  void theDefaultModesAreDataFcfsDataRoundRobinAndIDataRoundRobin() {
    assertThat(parse().modes)
        .containsExactly(
            new HolMode(false, StreamSchedulerKind.FIRST_COME_FIRST_SERVED),
            new HolMode(false, StreamSchedulerKind.ROUND_ROBIN),
            new HolMode(true, StreamSchedulerKind.ROUND_ROBIN));
  }

  @Test
  void aModeNamesTheChunkAndAnyScheduler() {
    List<HolMode> modes = parse("--modes", "idata-wfq,data-rr-packet").modes;

    assertThat(modes)
        .containsExactly(
            new HolMode(true, StreamSchedulerKind.WEIGHTED_FAIR_QUEUEING),
            new HolMode(false, StreamSchedulerKind.ROUND_ROBIN_PER_PACKET));
    assertThat(modes.get(1).label()).isEqualTo("data-rr-packet");
  }

  @Test
  void badModesAndValuesAreUsageErrors() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Main()).setErr(new PrintWriter(err, true));

    int mode = cl.execute("hol", "--modes", "data-fcfs,sctp-rr");
    int size = cl.execute("hol", "--size", "8");

    assertThat(mode).isEqualTo(2);
    assertThat(size).isEqualTo(2);
    assertThat(err.toString())
        .contains("expected data-NAME or idata-NAME with NAME one of fcfs, rr, rr-packet, prio, fb, wfq, got 'sctp-rr'")
        .contains("--size must be 16..65536, got 8");
  }

  @Test
  void aShortRunPrintsALinePerRunAndATableWithEveryMode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int code;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      code =
          new CommandLine(new Main())
              .execute("hol", "--modes", "data-fcfs,idata-rr", "--rounds", "1", "--warmup", "0",
                  "--duration", "1", "--bulk-size", "100000");
    } finally {
      System.setOut(original);
    }
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();

    assertThat(code).as("exit code; output %s", lines).isZero();
    assertThat(lines)
        .anyMatch(l -> l.matches("HOL round=1 mode=data-fcfs probes=\\d+ undelivered=0 p50_ms=.*"))
        .anyMatch(l -> l.matches("HOL round=1 mode=idata-rr probes=\\d+ undelivered=0 p50_ms=.*"))
        .anyMatch(l -> l.startsWith("| data-fcfs | ") && l.contains(" | 1.000 [1.000, 1.000] | "))
        .anyMatch(l -> l.startsWith("| idata-rr | "));
  }
}
