package org.jsctp.interop;

import static org.jsctp.interop.Topology.addrB;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The echo peer of a chaos soak on host b, on both paths: jsctp's echo-server (a process of the
 * examples jar) or usrsctp's mhpeer server. It can be restarted, each incarnation with its own logs
 * ({@code peer-jsctp-1.out}, {@code peer-jsctp-2.out}, ...).
 */
final class ChaosPeer implements AutoCloseable {

  static final int UDP_PORT = 9899;

  private final ChaosPlan.PeerKind kind;
  private final Topology t;
  private final Path dir;
  private final int lifetimeSeconds;
  private int incarnation;
  private Proc proc;
  private int restarts;

  private ChaosPeer(ChaosPlan.PeerKind kind, Topology t, Path dir, int lifetimeSeconds) {
    this.kind = kind;
    this.t = t;
    this.dir = dir;
    this.lifetimeSeconds = lifetimeSeconds;
  }

  /**
   * Starts the peer and waits until it has bound its UDP port; {@code lifetimeSeconds} bounds how
   * long mhpeer runs before its own watchdog ends it.
   */
  static ChaosPeer start(ChaosPlan.PeerKind kind, Topology t, Path dir, int lifetimeSeconds) {
    ChaosPeer p = new ChaosPeer(kind, t, dir, lifetimeSeconds);
    p.launch();
    return p;
  }

  private void launch() {
    incarnation++;
    String name = "peer-" + kind.name().toLowerCase(Locale.ROOT) + "-" + incarnation;
    if (kind == ChaosPlan.PeerKind.JSCTP) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--local",
                  addrB(1),
                  "--local",
                  addrB(2),
                  "--port",
                  Integer.toString(Usrsctp.ECHO_PORT)));
      args.addAll(ChaosDriver.JSCTP_TUNING);
      proc = Examples.echoServer(t.b(), dir, name, UDP_PORT, args);
    } else {
      proc =
          MhPeer.server()
              .local(addrB(1), addrB(2))
              .port(Usrsctp.ECHO_PORT)
              .udpPorts(UDP_PORT, ChaosDriver.UDP_PORT)
              .pf(0)
              .pathMaxRetrans(3)
              .rto(200, 500, 1000)
              .hbInterval(1000)
              .timeout(Math.min(86400, lifetimeSeconds))
              .start(t.b(), dir, name);
    }
  }

  /**
   * Stops the process ({@code kill}: SIGKILL, else SIGTERM, which jsctp's echo-server answers with
   * a graceful shutdown of its associations), waits until its port is free, waits {@code downMs}
   * and starts a new incarnation.
   */
  void restart(boolean kill, int downMs) {
    assertAlive();
    proc.signal(kill ? "KILL" : "TERM");
    proc.awaitExit(Duration.ofSeconds(30));
    proc.close();
    UdpPorts.awaitFree(t.b(), UDP_PORT, Duration.ofSeconds(10));
    Env.sleep(downMs);
    restarts++;
    launch();
  }

  /** Fails when the peer's process ended by itself (a crash, an error exit, its watchdog). */
  void assertAlive() {
    if (!proc.isAlive()) {
      throw new AssertionError(kind + " peer exited by itself\n" + proc.tail());
    }
  }

  /** Whether the process runs, or how it ended, with its last output: for failure messages. */
  String status() {
    return this
        + (proc.isAlive() ? " is running" : " has exited by itself (" + proc.exitStatus() + ")")
        + "\n"
        + proc.tail();
  }

  int restarts() {
    return restarts;
  }

  /** Kills the peer (SIGKILL) and waits until its port is free. */
  @Override
  public void close() {
    proc.signal("KILL");
    proc.close();
    UdpPorts.awaitFree(t.b(), UDP_PORT, Duration.ofSeconds(10));
  }

  @Override
  public String toString() {
    return kind + " peer, incarnation " + incarnation;
  }
}
