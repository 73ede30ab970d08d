package org.jsctp.interop;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PR-SCTP counters a sender printed before its RESULT line: mhpeer's and {@link
 * ExtensionEchoClient}'s {@code PR-STATUS abandoned_unsent=U abandoned_sent=S streams_unsent=U
 * streams_sent=S reported=R} (SCTP_PR_ASSOC_STATUS, the sum of SCTP_PR_STREAM_STATUS over the
 * streams, and the messages SEND_FAILED notifications reported), or echo-client's {@code PR-SCTP
 * abandoned_unsent=U abandoned_sent=S}, where the other three are -1.
 */
record PrStatusLine(long unsent, long sent, long streamsUnsent, long streamsSent, long reported) {

  private static final Pattern FULL =
      Pattern.compile(
          "PR-STATUS abandoned_unsent=(\\d+) abandoned_sent=(\\d+) streams_unsent=(\\d+)"
              + " streams_sent=(\\d+) reported=(\\d+)");
  private static final Pattern ECHO_CLIENT =
      Pattern.compile("PR-SCTP abandoned_unsent=(\\d+) abandoned_sent=(\\d+)");

  /** The counters {@code proc} printed; fails when it printed none. */
  static PrStatusLine from(Proc proc) {
    List<String> lines = proc.stdoutLines();
    for (int i = lines.size() - 1; i >= 0; i--) {
      Matcher m = FULL.matcher(lines.get(i));
      if (m.find()) {
        return new PrStatusLine(
            Long.parseLong(m.group(1)),
            Long.parseLong(m.group(2)),
            Long.parseLong(m.group(3)),
            Long.parseLong(m.group(4)),
            Long.parseLong(m.group(5)));
      }
      m = ECHO_CLIENT.matcher(lines.get(i));
      if (m.find()) {
        return new PrStatusLine(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), -1, -1, -1);
      }
    }
    throw new AssertionError(proc.name() + " printed no PR-SCTP status\n" + proc.tail());
  }

  /** Messages abandoned, sent or not. */
  long total() {
    return unsent + sent;
  }

  @Override
  public String toString() {
    return "abandoned_unsent="
        + unsent
        + " abandoned_sent="
        + sent
        + (reported < 0
            ? ""
            : " (per stream "
                + streamsUnsent
                + " + "
                + streamsSent
                + ", reported "
                + reported
                + ")");
  }
}
