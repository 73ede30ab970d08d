package org.jsctp.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Silently drops UDP arriving on one interface of a namespace, with an nftables rule on the input
 * hook of the receiving side. (A drop on the output hook would make the sender's {@code sendmsg}
 * fail with EPERM, which is not silence; netem is not available.) The packets still show up in a
 * capture on that interface, since the capture taps the device before the IP layer.
 *
 * <p>{@link #path(Topology, int)} cuts a path in both directions. {@link #close()} removes the
 * rules; the counters say how many packets were dropped.
 */
final class Blackhole implements AutoCloseable {

  private static final Pattern COUNTER = Pattern.compile("counter packets (\\d+) bytes (\\d+)");

  private record Rule(NetNs ns, String table) {}

  private final List<Rule> rules;
  private final String description;
  private boolean closed;

  private Blackhole(List<Rule> rules, String description) {
    this.rules = rules;
    this.description = description;
  }

  /** Drops every UDP packet arriving on {@code iface} in {@code ns}. */
  static Blackhole input(NetNs ns, String iface) {
    Rule r = add(ns, iface);
    return new Blackhole(List.of(r), "input of " + iface + " in " + ns);
  }

  /** Cuts path {@code k} of the topology in both directions. */
  static Blackhole path(Topology t, int k) {
    List<Rule> rules = new ArrayList<>();
    String iface = Topology.iface(k);
    try {
      rules.add(add(t.a(), iface));
      rules.add(add(t.b(), iface));
    } catch (RuntimeException e) {
      new Blackhole(rules, "partial").close();
      throw e;
    }
    return new Blackhole(rules, "path " + k + " (" + iface + ", both directions)");
  }

  private static Rule add(NetNs ns, String iface) {
    String table = "jsctp_bh_" + iface;
    String script =
        "table inet "
            + table
            + " {\n"
            + "  chain input {\n"
            + "    type filter hook input priority -10; policy accept;\n"
            + "    iifname \""
            + iface
            + "\" meta l4proto udp counter drop\n"
            + "  }\n"
            + "}\n";
    Cmd.Result r = Cmd.run(ns.wrap("sh", "-c", "printf '%s' \"$0\" | nft -f -", script));
    r.check();
    return new Rule(ns, table);
  }

  /** Packets dropped so far by all rules of this blackhole. */
  long droppedPackets() {
    long total = 0;
    for (Rule r : rules) {
      Cmd.Result list = r.ns().exec("nft", "list", "table", "inet", r.table());
      if (list.ok()) {
        Matcher m = COUNTER.matcher(list.stdout());
        while (m.find()) {
          total += Long.parseLong(m.group(1));
        }
      }
    }
    return total;
  }

  /** Removes the rules (traffic flows again). Safe to call twice. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Rule r : rules) {
      r.ns().exec("nft", "delete", "table", "inet", r.table());
    }
  }

  @Override
  public String toString() {
    return "blackhole on the " + description;
  }
}
