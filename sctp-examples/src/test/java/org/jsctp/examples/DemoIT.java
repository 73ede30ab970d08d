package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's main command: the demo runs with no setup, shows the failover and exits 0. */
class DemoIT {

  static final Pattern ROW = Pattern.compile("\\s+(pf_retrans 0 .*?|PF disabled .*?)\\s+(\\d+) ms\\s+.*\\s+(\\d+)/(\\d+)");

  @Test
  @Timeout(60)
  void theDemoShowsQuickFailoverBeatingPlainRfcFailoverWithNoMessageLost() throws Exception {
    EchoProcessesIT.Run run = EchoProcessesIT.run("demo");
    String out = String.join("\n", run.out());
    assertThat(run.exitCode()).as(out + run.err()).isZero();
    assertThat(out).contains("silent blackhole of 127.0.0.1").contains("ACTIVE -> POTENTIALLY_FAILED")
        .contains("progress:").contains("SUMMARY");
    long quickGap = -1;
    long plainGap = -1;
    for (String line : run.out()) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        assertThat(m.group(3)).as("echoed equals sent: " + line).isEqualTo(m.group(4));
        if (m.group(1).startsWith("pf_retrans 0")) {
          quickGap = Long.parseLong(m.group(2));
        } else {
          plainGap = Long.parseLong(m.group(2));
        }
      }
    }
    assertThat(quickGap).as("pf 0 row in\n" + out).isPositive();
    assertThat(plainGap).as("PF off row in\n" + out).isGreaterThan(quickGap);
  }
}
