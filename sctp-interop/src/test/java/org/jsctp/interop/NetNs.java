package org.jsctp.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network namespace created by the test, removed on {@link #close()}, by a shutdown hook when the
 * JVM exits early, or by the next run when the JVM was killed.
 *
 * <p>Names are {@code jsctp-it-<jvm pid>-<n>-<role>}. At first use, namespaces with this prefix
 * whose JVM no longer runs are removed together with the processes inside them; namespaces of a JVM
 * that still runs (a parallel run) are left alone. Nothing here touches a namespace or an interface
 * that the test did not create: veth pairs are created directly inside the two namespaces and
 * vanish with them.
 */
final class NetNs implements AutoCloseable {

  static final String PREFIX = "jsctp-it-";
  private static final Pattern OURS = Pattern.compile("^" + PREFIX + "(\\d+)-\\S+$");
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Set<NetNs> LIVE = ConcurrentHashMap.newKeySet();
  private static volatile boolean initialized;

  private final String name;
  private boolean closed;

  private NetNs(String name) {
    this.name = name;
  }

  /** Creates a namespace with {@code lo} up; {@code role} is a short tag for the name. */
  static NetNs create(String role) {
    init();
    String name =
        PREFIX + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet() + "-" + role;
    Cmd.run("ip", "netns", "add", name).check();
    NetNs ns = new NetNs(name);
    LIVE.add(ns);
    try {
      ns.exec("ip", "link", "set", "lo", "up").check();
    } catch (RuntimeException e) {
      ns.close();
      throw e;
    }
    return ns;
  }

  private static synchronized void init() {
    if (initialized) {
      return;
    }
    initialized = true;
    removeLeftovers();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  Proc.closeAll();
                  for (NetNs ns : List.copyOf(LIVE)) {
                    ns.close();
                  }
                },
                "netns-cleanup"));
  }

  /** Removes namespaces of earlier runs whose JVM is gone (for example killed with SIGKILL). */
  static void removeLeftovers() {
    Cmd.Result list = Cmd.run("ip", "netns", "list");
    if (!list.ok()) {
      return;
    }
    for (String line : list.stdout().split("\n")) {
      String nsName = line.trim().split("\\s+")[0];
      Matcher m = OURS.matcher(nsName);
      if (!m.matches()) {
        continue;
      }
      long owner = Long.parseLong(m.group(1));
      boolean ownerAlive =
          owner == ProcessHandle.current().pid()
              || ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
      if (!ownerAlive) {
        new NetNs(nsName).close();
      }
    }
  }

  String name() {
    return name;
  }

  /** {@code ip netns exec NAME} followed by {@code command}, for {@link Proc#start}. */
  List<String> wrap(String... command) {
    return wrap(List.of(command));
  }

  List<String> wrap(List<String> command) {
    List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", name));
    c.addAll(command);
    return c;
  }

  /** Runs a short command inside the namespace. */
  Cmd.Result exec(String... command) {
    return Cmd.run(wrap(command));
  }

  /** The pids of all processes inside the namespace. */
  List<Long> pids() {
    Cmd.Result r = Cmd.run("ip", "netns", "pids", name);
    List<Long> pids = new ArrayList<>();
    if (r.ok()) {
      for (String s : r.stdout().split("\\s+")) {
        if (!s.isBlank()) {
          pids.add(Long.parseLong(s.trim()));
        }
      }
    }
    return pids;
  }

  /**
   * Creates a veth pair with one end in {@code a} and the other in {@code b}, both named {@code
   * ifname}, brings them up and gives them the addresses (CIDR notation).
   */
  static void veth(NetNs a, String cidrA, NetNs b, String cidrB, String ifname) {
    // Both ends are created directly inside the namespaces: nothing appears in the host's own.
    Cmd.run(
            "ip", "link", "add", ifname, "netns", a.name, "type", "veth", "peer", "name", ifname,
            "netns", b.name)
        .check();
    a.exec("ip", "addr", "add", cidrA, "dev", ifname).check();
    b.exec("ip", "addr", "add", cidrB, "dev", ifname).check();
    a.exec("ip", "link", "set", ifname, "up").check();
    b.exec("ip", "link", "set", ifname, "up").check();
  }

  /**
   * Kills every process inside the namespace (by pid: they were all started by this test) and
   * deletes it. Safe to call twice.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      // Only processes that are still inside this namespace when they are signalled: a pid
      // that ended in between and was reused elsewhere is left alone.
      List<ProcessHandle> inside = new ArrayList<>();
      String ns = netnsId(Paths.get("/var/run/netns", name));
      for (long pid : pids()) {
        ProcessHandle.of(pid)
            .filter(h -> ns != null && ns.equals(netnsId(procNetns(pid))))
            .ifPresent(
                h -> {
                  h.destroy();
                  inside.add(h);
                });
      }
      long deadline = System.nanoTime() + 3_000_000_000L;
      for (ProcessHandle h : inside) {
        while (h.isAlive() && System.nanoTime() < deadline) {
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
        if (h.isAlive()) {
          h.destroyForcibly();
        }
      }
      Cmd.Result del = Cmd.run("ip", "netns", "del", name);
      if (!del.ok() && !del.stderr().contains("No such file")) {
        System.err.println("cannot delete namespace " + name + ": " + del.describe());
      }
    } finally {
      LIVE.remove(this);
    }
  }

  private static Path procNetns(long pid) {
    return Paths.get("/proc", Long.toString(pid), "ns", "net");
  }

  /** The inode of a namespace file ({@code /var/run/netns/X} or {@code /proc/PID/ns/net}). */
  private static String netnsId(Path p) {
    try {
      return String.valueOf(Files.readAttributes(p, "unix:ino").get("ino"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
