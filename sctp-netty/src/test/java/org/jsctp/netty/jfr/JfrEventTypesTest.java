package org.jsctp.netty.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import org.junit.jupiter.api.Test;

/** The event types keep their contract: stable names, a category, no stack trace, documented. */
class JfrEventTypesTest {

  /** Every concrete event class of the package, found among the compiled classes. */
  static List<Class<? extends Event>> eventClasses() throws Exception {
    List<Class<? extends Event>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("target", "classes", "org", "jsctp", "netty", "jfr"))) {
      for (Path f : files.toList()) {
        String file = f.getFileName().toString();
        if (file.endsWith(".class") && !file.contains("$")) {
          Class<?> c = Class.forName("org.jsctp.netty.jfr." + file.replace(".class", ""));
          if (Event.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
            out.add(c.asSubclass(Event.class));
          }
        }
      }
    }
    return out;
  }

  @Test
  void everyEventHasAStableNameACategoryNoStackTraceAndARowInTheGuide() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "observability.md"));
    List<Class<? extends Event>> events = eventClasses();
    assertThat(events).as("event classes found").isNotEmpty();
    for (Class<? extends Event> c : events) {
      EventType type = EventType.getEventType(c);
      assertThat(type.getName()).as(c.getName()).startsWith("org.jsctp.");
      assertThat(c.getAnnotation(Category.class).value()).startsWith("jsctp");
      assertThat(type.getSettingDescriptors())
          .as("%s records no stack trace", type.getName())
          .anyMatch(d -> d.getName().equals("stackTrace") && d.getDefaultValue().equals("false"));
      assertThat(doc).contains("| `" + type.getName() + "` |");
      for (var field : type.getFields()) {
        if (!field.getName().startsWith("start") && !field.getName().equals("duration")
            && !field.getName().equals("eventThread") && !field.getName().equals("stackTrace")
            && !List.of("associationId", "localPort", "peerPort").contains(field.getName())) {
          assertThat(doc).as("%s.%s", type.getName(), field.getName())
              .contains("`" + field.getName() + "`");
        }
      }
    }
  }
}
