package org.jsctp.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jsctp.api.StreamSchedulerKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The short names of the stream schedulers on the command line (RFC 8260 section 3): {@code
 * fcfs}, {@code rr}, {@code rr-packet}, {@code prio}, {@code fb}, {@code wfq}. A picocli converter
 * (an unknown name is a usage error, exit code 2) and the list of names for the help text.
 */
final class SchedulerNames implements ITypeConverter<StreamSchedulerKind>, Iterable<String> {

  private static final Map<String, StreamSchedulerKind> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put("fcfs", StreamSchedulerKind.FIRST_COME_FIRST_SERVED);
    NAMES.put("rr", StreamSchedulerKind.ROUND_ROBIN);
    NAMES.put("rr-packet", StreamSchedulerKind.ROUND_ROBIN_PER_PACKET);
    NAMES.put("prio", StreamSchedulerKind.PRIORITY);
    NAMES.put("fb", StreamSchedulerKind.FAIR_BANDWIDTH);
    NAMES.put("wfq", StreamSchedulerKind.WEIGHTED_FAIR_QUEUEING);
  }

  /** The scheduler called {@code name}, or null when there is none of that name. */
  static StreamSchedulerKind find(String name) {
    return NAMES.get(name);
  }

  /** The short name of {@code kind}. */
  static String nameOf(StreamSchedulerKind kind) {
    for (Map.Entry<String, StreamSchedulerKind> e : NAMES.entrySet()) {
      if (e.getValue() == kind) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("no short name for " + kind);
  }

  /** The names, comma-separated, in the order of RFC 8260 section 3. */
  static String list() {
    return String.join(", ", NAMES.keySet());
  }

  @Override
  public StreamSchedulerKind convert(String value) {
    StreamSchedulerKind kind = find(value);
    if (kind == null) {
      throw new TypeConversionException("expected one of " + list() + ", got '" + value + "'");
    }
    return kind;
  }

  @Override
  public java.util.Iterator<String> iterator() {
    return NAMES.keySet().iterator();
  }
}
