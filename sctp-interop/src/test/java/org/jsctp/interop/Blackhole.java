package org.jsctp.interop;

import java.util.ArrayList;
import java.util.List;

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

  private final List<NftTable> tables;
  private final String description;
  private boolean closed;

  private Blackhole(List<NftTable> tables, String description) {
    this.tables = tables;
    this.description = description;
  }

  /** Drops every UDP packet arriving on {@code iface} in {@code ns}. */
  static Blackhole input(NetNs ns, String iface) {
    return new Blackhole(List.of(add(ns, iface)), "input of " + iface + " in " + ns);
  }

  /** Cuts path {@code k} of the topology in both directions. */
  static Blackhole path(Topology t, int k) {
    List<NftTable> tables = new ArrayList<>();
    String iface = Topology.iface(k);
    try {
      tables.add(add(t.a(), iface));
      tables.add(add(t.b(), iface));
    } catch (RuntimeException e) {
      new Blackhole(tables, "partial").close();
      throw e;
    }
    return new Blackhole(tables, "path " + k + " (" + iface + ", both directions)");
  }

  private static NftTable add(NetNs ns, String iface) {
    return NftTable.add(
        ns,
        "inet",
        "jsctp_bh_" + iface,
        "  chain input {\n"
            + "    type filter hook input priority -10; policy accept;\n"
            + "    iifname \""
            + iface
            + "\" meta l4proto udp counter drop\n"
            + "  }\n");
  }

  /** Packets dropped so far by all rules of this blackhole. */
  long droppedPackets() {
    long total = 0;
    for (NftTable t : tables) {
      total += t.packets();
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
    for (NftTable t : tables) {
      t.close();
    }
  }

  @Override
  public String toString() {
    return "blackhole on the " + description;
  }
}
