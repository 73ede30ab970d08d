package org.jsctp.interop;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final line of jsctp's echo-client and of mhpeer's client: {@code RESULT sent=N echoed=N
 * mismatched=N bytes=B seconds=S msgs_per_s=X max_gap_ms=G}, with a PR-SCTP policy followed by
 * {@code abandoned=N}: the messages abandoned and never echoed ({@link #abandoned()} -1 without).
 */
record EchoResult(
    long sent,
    long echoed,
    long mismatched,
    long bytes,
    double seconds,
    double msgsPerSecond,
    double maxGapMs,
    long abandoned) {

  static final Pattern LINE =
      Pattern.compile(
          "RESULT sent=(\\d+) echoed=(\\d+) mismatched=(\\d+) bytes=(\\d+) seconds=([\\d.]+)"
              + " msgs_per_s=([\\d.]+) max_gap_ms=([\\d.]+)(?: abandoned=(\\d+))?");

  /** The RESULT line among {@code lines}; fails when there is none. */
  static EchoResult from(Proc proc) {
    List<String> lines = proc.stdoutLines();
    for (int i = lines.size() - 1; i >= 0; i--) {
      Matcher m = LINE.matcher(lines.get(i));
      if (m.find()) {
        return new EchoResult(
            Long.parseLong(m.group(1)),
            Long.parseLong(m.group(2)),
            Long.parseLong(m.group(3)),
            Long.parseLong(m.group(4)),
            Double.parseDouble(m.group(5)),
            Double.parseDouble(m.group(6)),
            Double.parseDouble(m.group(7)),
            m.group(8) == null ? -1 : Long.parseLong(m.group(8)));
      }
    }
    throw new AssertionError(proc.name() + " printed no RESULT line\n" + proc.tail());
  }

  boolean complete() {
    return sent > 0 && echoed == sent && mismatched == 0;
  }

  @Override
  public String toString() {
    return "sent="
        + sent
        + " echoed="
        + echoed
        + " mismatched="
        + mismatched
        + " bytes="
        + bytes
        + " seconds="
        + seconds
        + " max_gap_ms="
        + maxGapMs
        + (abandoned < 0 ? "" : " abandoned=" + abandoned);
  }
}
