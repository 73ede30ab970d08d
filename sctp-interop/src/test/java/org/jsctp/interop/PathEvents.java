package org.jsctp.interop;

import java.util.regex.Pattern;

/**
 * Path event lines in the common style of jsctp's echo tools and mhpeer: {@code +1234ms path
 * ADDR[:UDPPORT] OLD -> NEW ...}.
 */
final class PathEvents {

  private PathEvents() {}

  /** A regex for a change of the path to {@code addr} into one of {@code states}. */
  static String to(String addr, String... states) {
    return "path "
        + Pattern.quote(addr)
        + "(:\\d+)? (\\S+) -> ("
        + String.join("|", states)
        + ")\\b";
  }
}
