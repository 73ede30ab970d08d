package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** aot-training as a process on loopback: every client phase runs and ends cleanly. */
class AotTrainingIT {

  static final Pattern TPUT_RESULT = Pattern.compile("RESULT messages=(\\d+) bytes=(\\d+) .*");

  @Test
  @Timeout(120)
  void bothEchoPhasesGetEveryMessageBackAndBothThroughputPhasesSendData() throws Exception {
    int udp = EchoProcessesIT.freeUdpPort();
    EchoProcessesIT.Run run = EchoProcessesIT.run(
        "aot-training", "--seconds", "1", "--udp-port", Integer.toString(udp));

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<Matcher> echoes = matches(run.out(), EchoProcessesIT.RESULT);
    assertThat(echoes).hasSize(2);
    for (Matcher echo : echoes) {
      assertThat(Long.parseLong(echo.group(1))).isPositive();
      assertThat(echo.group(2)).isEqualTo(echo.group(1));
      assertThat(echo.group(3)).isEqualTo("0");
    }
    List<Matcher> tputs = matches(run.out(), TPUT_RESULT);
    assertThat(tputs).hasSizeGreaterThanOrEqualTo(2);
    for (Matcher tput : tputs) {
      assertThat(Long.parseLong(tput.group(2))).isPositive();
    }
  }

  @Test
  void aDurationOutOfRangeIsAUsageError() {
    assertThat(Main.run("aot-training", "--seconds", "0")).isEqualTo(2);
  }

  private static List<Matcher> matches(List<String> lines, Pattern p) {
    return lines.stream().map(p::matcher).filter(Matcher::matches).toList();
  }
}
