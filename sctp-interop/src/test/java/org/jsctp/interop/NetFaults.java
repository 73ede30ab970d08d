package org.jsctp.interop;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The network faults of the chaos soak, without netem (not in this kernel): loss and duplication
 * with nftables {@code numgen random}, reordering with an htb traffic class that a random share of
 * the packets is steered into ({@code meta priority set}), so that they queue behind its low rate
 * while the others pass; blackholes with {@link Blackhole}; link flaps with {@code ip link set}.
 * Only UDP on the paths' interfaces is touched, in the two namespaces of the topology.
 *
 * <p>Every fault is an {@link Injected} that heals on {@link Injected#close()} and counts the
 * packets it affected; deleting the namespaces removes whatever a failed test left.
 */
final class NetFaults {

  /** An active fault. */
  interface Injected extends AutoCloseable {
    /** Packets dropped, delayed or duplicated so far (link flaps: 0). */
    long packets();

    /** Heals the fault. Safe to call twice. */
    @Override
    void close();
  }

  private static final String PATHS = "{ \"p1\", \"p2\" }";

  private NetFaults() {}

  /** Drops {@code permille} of the UDP packets arriving on either path, on both hosts. */
  static Injected loss(Topology t, int permille) {
    String body =
        "  chain input {\n"
            + "    type filter hook input priority -10; policy accept;\n"
            + "    iifname "
            + PATHS
            + " meta l4proto udp numgen random mod 1000 < "
            + permille
            + " counter drop\n"
            + "  }\n";
    return tables(t, "inet", "jsctp_chaos_loss", host -> body);
  }

  /** Duplicates {@code percent} of the UDP packets leaving either host on either path. */
  static Injected duplicate(Topology t, int percent) {
    return tables(
        t,
        "ip",
        "jsctp_chaos_dup",
        host -> {
          StringBuilder rules = new StringBuilder();
          for (int k = 1; k <= t.paths(); k++) {
            String to = host == t.a() ? Topology.addrB(k) : Topology.addrA(k);
            rules
                .append("    oifname \"")
                .append(Topology.iface(k))
                .append("\" meta l4proto udp numgen random mod 100 < ")
                .append(percent)
                .append(" counter dup to ")
                .append(to)
                .append(" device \"")
                .append(Topology.iface(k))
                .append("\"\n");
          }
          return "  chain output {\n"
              + "    type filter hook output priority 0; policy accept;\n"
              + rules
              + "  }\n";
        });
  }

  /**
   * Delays {@code percent} of the UDP packets leaving either host: they go through an htb class of
   * {@code slowKbit} kbit/s (a full-size packet waits about 1.5 / rate-in-Mbit/s ms, more behind
   * others) while the rest pass a class of 10 Gbit/s, so they arrive after packets sent later.
   */
  static Injected reorder(Topology t, int percent, int slowKbit) {
    List<Runnable> undo = new ArrayList<>();
    try {
      for (NetNs ns : List.of(t.a(), t.b())) {
        for (int k = 1; k <= t.paths(); k++) {
          String dev = Topology.iface(k);
          tc(ns, "qdisc add dev " + dev + " root handle 1: htb default 1");
          undo.add(() -> ns.exec("tc", "qdisc", "del", "dev", dev, "root"));
          tc(ns, "class add dev " + dev + " parent 1: classid 1:1 htb rate 10gbit quantum 60000");
          tc(
              ns,
              "class add dev "
                  + dev
                  + " parent 1: classid 1:2 htb rate "
                  + slowKbit
                  + "kbit ceil "
                  + slowKbit
                  + "kbit quantum 1514");
        }
      }
      Injected marks =
          tables(
              t,
              "inet",
              "jsctp_chaos_reorder",
              host ->
                  "  chain output {\n"
                      + "    type filter hook output priority 0; policy accept;\n"
                      + "    oifname "
                      + PATHS
                      + " meta l4proto udp numgen random mod 100 < "
                      + percent
                      + " counter meta priority set 1:2\n"
                      + "  }\n");
      return injected(
          marks::packets,
          () -> {
            marks.close();
            undo.forEach(Runnable::run);
          });
    } catch (RuntimeException e) {
      undo.forEach(Runnable::run);
      throw e;
    }
  }

  private static void tc(NetNs ns, String args) {
    List<String> c = new ArrayList<>(List.of("tc"));
    c.addAll(List.of(args.split(" ")));
    ns.exec(c.toArray(String[]::new)).check();
  }

  /** Cuts the given paths in both directions. */
  static Injected blackhole(Topology t, int... paths) {
    List<Blackhole> holes = new ArrayList<>();
    try {
      for (int k : paths) {
        holes.add(Blackhole.path(t, k));
      }
    } catch (RuntimeException e) {
      holes.forEach(Blackhole::close);
      throw e;
    }
    return injected(
        () -> holes.stream().mapToLong(Blackhole::droppedPackets).sum(),
        () -> holes.forEach(Blackhole::close));
  }

  /** Sets the links of the given paths down in {@code ns}; they come up again on close. */
  static Injected linksDown(NetNs ns, int... paths) {
    List<String> down = new ArrayList<>();
    Injected up =
        injected(
            () -> 0,
            () -> {
              for (String dev : down) {
                ns.exec("ip", "link", "set", dev, "up").check();
              }
            });
    try {
      for (int k : paths) {
        String dev = Topology.iface(k);
        ns.exec("ip", "link", "set", dev, "down").check();
        down.add(dev);
      }
    } catch (RuntimeException e) {
      up.close();
      throw e;
    }
    return up;
  }

  /** The same table, with a body per host, in both namespaces. */
  private static Injected tables(
      Topology t, String family, String name, Function<NetNs, String> body) {
    List<NftTable> added = new ArrayList<>();
    try {
      for (NetNs ns : List.of(t.a(), t.b())) {
        added.add(NftTable.add(ns, family, name, body.apply(ns)));
      }
    } catch (RuntimeException e) {
      added.forEach(NftTable::close);
      throw e;
    }
    return injected(
        () -> added.stream().mapToLong(NftTable::packets).sum(),
        () -> added.forEach(NftTable::close));
  }

  /** A fault that counts with {@code packets} and heals once with {@code heal}. */
  private static Injected injected(LongSupplier packets, Runnable heal) {
    return new Injected() {
      private boolean healed;

      @Override
      public long packets() {
        return packets.getAsLong();
      }

      @Override
      public void close() {
        if (!healed) {
          healed = true;
          heal.run();
        }
      }
    };
  }
}
