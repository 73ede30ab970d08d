package org.jsctp.netty.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/netty.md shows the ported echo example that {@link EchoExampleTest} runs, unchanged. */
class DocsTest {

  @Test
  void theGuideShowsTheEchoExampleThatRuns() throws Exception {
    String source =
        Files.readString(Path.of("src/test/java/org/jsctp/netty/channel/EchoExampleTest.java"));
    int begin = source.indexOf("    // guide:begin\n");
    int end = source.indexOf("    // guide:end");
    assertThat(begin).isPositive();
    assertThat(end).isGreaterThan(begin);
    String example = source.substring(begin + "    // guide:begin\n".length(), end).stripTrailing();

    assertThat(Files.readString(Path.of("..", "docs", "netty.md"))).contains(example);
  }
}
