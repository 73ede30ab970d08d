package org.jsctp.examples;

import org.jsctp.api.StreamSchedulerKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One way of sending that the {@code hol} benchmark measures: DATA or I-DATA chunks (RFC 8260),
 * and the stream scheduler of the sender. Written {@code data-NAME} or {@code idata-NAME}, with a
 * scheduler name of {@link SchedulerNames}: {@code data-fcfs}, {@code idata-rr}.
 *
 * @param idata whether both sides offer I-DATA
 * @param scheduler the sender's stream scheduler
 */
record HolMode(boolean idata, StreamSchedulerKind scheduler) {

  /** The mode written as on the command line. */
  String label() {
    return (idata ? "idata-" : "data-") + SchedulerNames.nameOf(scheduler);
  }

  /** The extensions to set on both channels. */
  ExtensionSettings extensions() {
    return new ExtensionSettings(false, null, idata, scheduler);
  }

  /** Reads a mode from the command line; an unknown one is a usage error (exit code 2). */
  static final class Converter implements ITypeConverter<HolMode> {
    @Override
    public HolMode convert(String value) {
      int dash = value.indexOf('-');
      String chunk = dash < 0 ? "" : value.substring(0, dash);
      StreamSchedulerKind kind = dash < 0 ? null : SchedulerNames.find(value.substring(dash + 1));
      if (!(chunk.equals("data") || chunk.equals("idata")) || kind == null) {
        throw new TypeConversionException(
            "expected data-NAME or idata-NAME with NAME one of " + SchedulerNames.list()
                + ", got '" + value + "'");
      }
      return new HolMode(chunk.equals("idata"), kind);
    }
  }
}
