package org.jsctp.interop;

import java.util.HashMap;
import java.util.Map;

/**
 * The UDP counters of a namespace ({@code /proc/net/snmp} read from inside it). A namespace is
 * fresh for every test, so the values count that test only. {@code RcvbufErrors} are datagrams the
 * kernel dropped because the receiving socket's buffer was full: loss that happens inside the
 * receiving host, invisible to a capture on the interface.
 */
record UdpCounters(long inDatagrams, long outDatagrams, long rcvbufErrors, long inErrors) {

  static UdpCounters of(NetNs ns) {
    Cmd.Result r = ns.exec("cat", "/proc/net/snmp");
    r.check();
    String[] names = null;
    for (String line : r.stdout().split("\n")) {
      if (!line.startsWith("Udp: ")) {
        continue;
      }
      String[] f = line.substring(5).trim().split("\\s+");
      if (names == null) {
        names = f;
        continue;
      }
      Map<String, Long> v = new HashMap<>();
      for (int i = 0; i < names.length && i < f.length; i++) {
        v.put(names[i], Long.parseLong(f[i]));
      }
      return new UdpCounters(
          v.getOrDefault("InDatagrams", 0L),
          v.getOrDefault("OutDatagrams", 0L),
          v.getOrDefault("RcvbufErrors", 0L),
          v.getOrDefault("InErrors", 0L));
    }
    throw new AssertionError("no Udp counters in /proc/net/snmp of " + ns);
  }

  /** "a: ... b: ..." for both hosts of a topology, for the result line. */
  static String describe(Topology t) {
    UdpCounters a = of(t.a());
    UdpCounters b = of(t.b());
    return "UDP receive-buffer drops a="
        + a.rcvbufErrors()
        + " b="
        + b.rcvbufErrors()
        + " (datagrams in a="
        + a.inDatagrams()
        + " b="
        + b.inDatagrams()
        + ")";
  }
}
