package org.jsctp.interop;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The REPORT line of the chaos client ({@code key=value} pairs) and its exit code.
 *
 * @param values the pairs in the order printed
 * @param exitCode the client's exit code (0 when everything it checks itself held)
 */
record ChaosReport(Map<String, String> values, int exitCode) {

  static ChaosReport parse(String pairs, int exitCode) {
    Map<String, String> v = new LinkedHashMap<>();
    for (String p : pairs.trim().split("\\s+")) {
      int eq = p.indexOf('=');
      if (eq > 0) {
        v.put(p.substring(0, eq), p.substring(eq + 1));
      }
    }
    return new ChaosReport(Map.copyOf(v), exitCode);
  }

  long get(String key) {
    String s = values.get(key);
    if (s == null) {
      throw new AssertionError("the chaos client's REPORT has no " + key + ": " + values);
    }
    return Long.parseLong(s);
  }

  String text(String key) {
    return values.getOrDefault(key, "");
  }

  long sent() {
    return get("sent");
  }

  long echoed() {
    return get("echoed");
  }

  long returned() {
    return get("returned");
  }

  long unanswered() {
    return get("unanswered");
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
