package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsctp.config.Sysctl;
import org.junit.jupiter.api.Test;

/** The documentation names every setting, option and notification the code has. */
class DocsTest {

  static String read(String name) throws Exception {
    Path p = Path.of("..", "docs", name);
    assertThat(p).exists();
    return Files.readString(p);
  }

  @Test
  void theConfigurationGuideListsEverySysctlAndEveryOption() throws Exception {
    String doc = read("configuration.md");
    for (Sysctl s : Sysctl.values()) {
      assertThat(doc).as(s.sysctlName()).contains("`" + s.sysctlName() + "`");
    }
    for (SctpSocketOption<?> o : Options.ALL) {
      assertThat(doc).as(o.name()).contains("`" + o.name() + "`");
    }
  }

  @Test
  void theConfigurationGuideListsEveryCounter() throws Exception {
    String doc = read("configuration.md");
    for (org.jsctp.stats.MibCounter c : org.jsctp.stats.MibCounter.values()) {
      assertThat(doc).as(c.mibName()).contains("`" + c.mibName() + "`");
    }
  }

  @Test
  void theUserGuideNamesEveryNotification() throws Exception {
    String doc = read("user-guide.md");
    for (Class<?> c : Notification.class.getPermittedSubclasses()) {
      assertThat(doc).contains(c.getSimpleName());
    }
  }
}
