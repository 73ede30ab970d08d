package org.jsctp.interop;

/**
 * Two hosts in two fresh network namespaces, {@code a} (usually the client) and {@code b} (usually
 * the server), joined by one or more veth pairs. Path {@code k} (from 1) is interface {@code pk} on
 * both sides with the subnet 10.201.k.0/24: host a has 10.201.k.1, host b 10.201.k.2. Each peer
 * address is reachable over exactly one path, so a path can be cut by dropping on one interface.
 *
 * <p>These addresses exist only inside the two namespaces; nothing of the test can reach the host's
 * own interfaces from there.
 */
final class Topology implements AutoCloseable {

  private final NetNs a;
  private final NetNs b;
  private final int paths;

  private Topology(NetNs a, NetNs b, int paths) {
    this.a = a;
    this.b = b;
    this.paths = paths;
  }

  static Topology create(int paths) {
    if (paths < 1 || paths > 9) {
      throw new IllegalArgumentException("paths must be 1..9");
    }
    NetNs a = NetNs.create("a");
    NetNs b = null;
    try {
      b = NetNs.create("b");
      for (int k = 1; k <= paths; k++) {
        NetNs.veth(a, addrA(k) + "/24", b, addrB(k) + "/24", iface(k));
      }
      return new Topology(a, b, paths);
    } catch (RuntimeException e) {
      if (b != null) {
        b.close();
      }
      a.close();
      throw e;
    }
  }

  NetNs a() {
    return a;
  }

  NetNs b() {
    return b;
  }

  int paths() {
    return paths;
  }

  static String addrA(int path) {
    return "10.201." + path + ".1";
  }

  static String addrB(int path) {
    return "10.201." + path + ".2";
  }

  static String iface(int path) {
    return "p" + path;
  }

  @Override
  public void close() {
    try {
      a.close();
    } finally {
      b.close();
    }
  }

  @Override
  public String toString() {
    return "topology " + a + " <-" + paths + "-> " + b;
  }
}
