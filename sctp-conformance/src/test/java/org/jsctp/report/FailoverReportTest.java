package org.jsctp.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The failover report's numbers, checked for what they must show (quicker failover with a lower
 * PF threshold, all far quicker than plain RFC 9260) and written to target/failover-report (or
 * to {@code -Dfailover.report.dir}, which scripts/failover-report.sh points at docs/).
 */
class FailoverReportTest {

  @Test
  void quickFailoverBeatsPlainRfcFailoverUnderBothRtoProfiles() throws Exception {
    List<FailoverExperiment.Result> results = FailoverReport.runAll();
    for (int profile = 0; profile < 2; profile++) {
      List<FailoverExperiment.Result> r = results.subList(profile * 4, profile * 4 + 4);
      long pf0 = r.get(0).maxGap();
      long pf1 = r.get(1).maxGap();
      long pf2 = r.get(2).maxGap();
      long plain = r.get(3).maxGap();
      assertThat(pf0).isLessThanOrEqualTo(pf1);
      assertThat(pf1).isLessThanOrEqualTo(pf2);
      assertThat(pf2).isLessThan(plain);
      assertThat(plain).isGreaterThan(5 * pf0);
      for (FailoverExperiment.Result x : r) {
        assertThat(x.delivered()).as(x.experiment().label()).isEqualTo(x.sent());
      }
    }
    Path dir = Path.of(System.getProperty("failover.report.dir", "target/failover-report"));
    FailoverReport.write(dir);
    assertThat(Files.readString(dir.resolve("failover-table.md"))).contains("pf_retrans 0");
  }
}
