package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The INTERVAL lines of tput-client and tput-server: arithmetic, format, option checks. */
class IntervalLineTest {

  static final long SECOND = 1_000_000_000L;

  @Test
  void eachLineCoversWhatWasCountedSinceThePreviousOne() {
    long start = 5 * SECOND;
    IntervalLine line = new IntervalLine(start, " assoc=3");

    assertThat(line.next(start + SECOND, 1_250_000, 1000))
        .isEqualTo("INTERVAL t=1.00 bytes=1250000 msgs=1000 mbit_s=10.00 assoc=3");
    assertThat(line.next(start + 2 * SECOND, 3_750_000, 3000))
        .isEqualTo("INTERVAL t=2.00 bytes=2500000 msgs=2000 mbit_s=20.00 assoc=3");
  }

  @Test
  void theRateIsOverTheIntervalsMeasuredLengthNotTheNominalOne() {
    long start = 0;
    IntervalLine line = new IntervalLine(start, "");

    line.next(SECOND / 2, 100, 1);
    assertThat(line.next(SECOND / 2 + SECOND / 4, 1_000_100, 9))
        .isEqualTo("INTERVAL t=0.75 bytes=1000000 msgs=8 mbit_s=32.00");
  }

  @Test
  void anIntervalWithNothingCountedReportsZero() {
    IntervalLine line = new IntervalLine(0, "");
    line.next(SECOND, 10, 1);

    assertThat(line.next(2 * SECOND, 10, 1))
        .isEqualTo("INTERVAL t=2.00 bytes=0 msgs=0 mbit_s=0.00");
    assertThat(IntervalLine.format(0, 10, 1, 0))
        .isEqualTo("INTERVAL t=0.00 bytes=10 msgs=1 mbit_s=0.00");
  }

  @Test
  void anIntervalOutsideTheRangeIsAUsageError() {
    for (String bad : new String[] {"-1", "0.001", "3601", "NaN", "half"}) {
      assertThat(exitCode("tput-client", "--remote", "127.0.0.1", "--interval", bad)).as("tput-client --interval " + bad)
          .isEqualTo(2);
      assertThat(exitCode("tput-server", "--interval", bad)).as("tput-server --interval " + bad)
          .isEqualTo(2);
    }
    assertThat(errorOutput("tput-client", "--remote", "127.0.0.1", "--interval", "0.001"))
        .contains("--interval must be 0 (off) or 0.01..3600.0 seconds, got 0.001");
  }

  static int exitCode(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setErr(new java.io.PrintWriter(new ByteArrayOutputStream(), true));
    return cl.execute(args);
  }

  static String errorOutput(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cl = new CommandLine(new Main());
    cl.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
    cl.execute(args);
    return err.toString(StandardCharsets.UTF_8);
  }
}
