package org.jsctp.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsctp.stats.MibCounter;
import org.junit.jupiter.api.Test;

/** Every counter is bound once, under a name in Micrometer's conventions, and documented. */
class CounterMeterTest {

  @Test
  void everyMibCounterHasExactlyOneMeter() {
    List<MibCounter> bound = CounterMeter.ALL.stream().map(CounterMeter::counter).toList();
    assertThat(bound).doesNotHaveDuplicates();
    assertThat(EnumSet.copyOf(bound)).isEqualTo(EnumSet.allOf(MibCounter.class));
  }

  @Test
  void namesAreDotSeparatedLowercaseAndNameWithTagsIsUnique() {
    Set<String> ids = new HashSet<>();
    for (CounterMeter m : CounterMeter.ALL) {
      assertThat(m.name()).matches("sctp(\\.[a-z0-9]+)+");
      for (Tag t : m.tags()) {
        assertThat(t.getKey()).matches("[a-z]+(\\.[a-z]+)*");
        assertThat(t.getValue()).matches("[a-z0-9_]+");
      }
      assertThat(ids.add(m.name() + m.tags())).as(m.name() + " " + m.tags()).isTrue();
      assertThat(m.description()).endsWith("(" + m.counter().mibName() + ")");
    }
  }

  @Test
  void observabilityGuideListsEveryMeterAndTheCounterItShows() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "observability.md"));
    for (CounterMeter m : CounterMeter.ALL) {
      String row =
          doc.lines()
              .filter(l -> l.startsWith("| `" + m.name() + "` |"))
              .filter(l -> l.contains("`" + m.counter().mibName() + "`"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no row for " + m.name() + " " + m.counter()));
      for (Tag t : m.tags()) {
        assertThat(row).contains("`" + t.getKey() + "=" + t.getValue() + "`");
      }
    }
    for (String gauge :
        List.of("sctp.associations", "sctp.send.buffer", "sctp.receive.buffer", "sctp.endpoints")) {
      assertThat(doc).contains("| `" + gauge + "` |");
    }
  }
}
