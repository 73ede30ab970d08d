package org.jsctp.testkit.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The test kit guide in docs/testing.md shows the example a test runs, unchanged. */
class TestKitGuideTest {

  @Test
  void theGuideShowsTheExampleThatRuns() throws Exception {
    String source = Files.readString(
        Path.of("src/test/java/org/jsctp/testkit/guide/DiameterWatchdogExampleTest.java"));
    int begin = source.indexOf("  // guide:begin\n");
    int end = source.indexOf("  // guide:end");
    assertThat(begin).isPositive();
    assertThat(end).isGreaterThan(begin);
    String example = source.substring(begin + "  // guide:begin\n".length(), end).stripTrailing();

    String guide = Files.readString(Path.of("..", "docs", "testing.md"));

    assertThat(guide).contains(example);
  }
}
