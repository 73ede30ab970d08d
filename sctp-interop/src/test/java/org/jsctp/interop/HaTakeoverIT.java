package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.interop.CaptureReport.ABORT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * Standby takeover with real processes (issue 13, docs/ha.md): two jsctp {@code ha-echo-server}
 * JVMs, the active (host b) and its standby (host c), joined by JGroups over TCP; a usrsctp peer
 * (mhpeer, host a) streams echoes to the virtual IP, which b holds. The test kills the active
 * with SIGKILL and moves the virtual IP to c, as keepalived would (the address, then the peer's
 * neighbour entry, which a gratuitous ARP would update). The standby learns from JGroups' view
 * that the active is gone, binds the address and resumes the association: the peer must see no
 * COMM_LOST and get every echo exactly once (SYNC mode, each echo confirming its request). The
 * peer's capture is tshark-clean and holds no ABORT.
 *
 * <p>The hosts share one Ethernet segment: a bridge in a fourth namespace with a veth to each.
 * Every address is inside the namespaces.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class HaTakeoverIT {

  static final String NET = "10.203.0.";
  static final String PEER = NET + "1";
  static final String ACTIVE = NET + "2";
  static final String STANDBY = NET + "3";
  static final String VIP = NET + "100";
  static final int SERVER_UDP = 9899;
  static final int PEER_UDP = 9900;
  static final int JGROUPS_PORT = 7800;

  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) {
    Env.assumeNetns();
    Examples.assumeSubcommand("ha-echo-server");
    dir = Env.testDir(info);
  }

  /** Three hosts on one bridge: a (peer), b (active), c (standby), each with eth0. */
  static final class Segment implements AutoCloseable {
    final NetNs sw = NetNs.create("sw");
    final NetNs a = NetNs.create("a");
    final NetNs b = NetNs.create("b");
    final NetNs c = NetNs.create("c");

    Segment() {
      sw.exec("ip", "link", "add", "br0", "type", "bridge").check();
      sw.exec("ip", "link", "set", "br0", "up").check();
      attach(a, "pa", PEER);
      attach(b, "pb", ACTIVE);
      attach(c, "pc", STANDBY);
    }

    private void attach(NetNs host, String port, String address) {
      Cmd.run("ip", "link", "add", "eth0", "netns", host.name(), "type", "veth", "peer", "name",
              port, "netns", sw.name())
          .check();
      sw.exec("ip", "link", "set", port, "master", "br0").check();
      sw.exec("ip", "link", "set", port, "up").check();
      host.exec("ip", "addr", "add", address + "/24", "dev", "eth0").check();
      host.exec("ip", "link", "set", "eth0", "up").check();
    }

    @Override
    public void close() {
      for (NetNs ns : List.of(a, b, c, sw)) {
        ns.close();
      }
    }
  }

  private Proc haServer(NetNs ns, String name, String bind) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "ha-echo-server",
                "--local", VIP,
                "--port", Integer.toString(Usrsctp.ECHO_PORT),
                "--udp-port", Integer.toString(SERVER_UDP),
                "--ha-mode", "SYNC",
                "--jgroups-bind", bind + ":" + JGROUPS_PORT,
                "--jgroups-member", ACTIVE + ":" + JGROUPS_PORT,
                "--jgroups-member", STANDBY + ":" + JGROUPS_PORT,
                "--failure-timeout", "2000",
                "--address-wait", "30000"));
    Proc p = Proc.start(name, dir, Examples.command(ns, args));
    p.awaitLine("ha-echo-server bound", Duration.ofSeconds(60));
    return p;
  }

  @Test
  void theStandbyTakesOverAndTheUsrsctpPeerGetsEveryEchoWithoutCommLost() {
    int count = 3000;
    try (Segment s = new Segment()) {
      s.b.exec("ip", "addr", "add", VIP + "/24", "dev", "eth0").check();
      try (Proc active = haServer(s.b, "jsctp-active", ACTIVE)) {
        UdpPorts.awaitBound(s.b, SERVER_UDP, active, Duration.ofSeconds(30));
        assertThat(active.stdoutLines()).contains("ha-echo-server ROLE ACTIVE");
        try (Proc standby = haServer(s.c, "jsctp-standby", STANDBY);
            Capture cap =
                Capture.start(s.a, dir.resolve("capture.pcapng"), SERVER_UDP, PEER_UDP)) {
          assertThat(standby.stdoutLines()).contains("ha-echo-server ROLE STANDBY");
          assertThat(UdpPorts.boundTo(s.c, SERVER_UDP)).as("the standby binds nothing").isEmpty();
          try (Proc peer =
              MhPeer.client()
                  .local(PEER)
                  .remote(VIP)
                  .port(Usrsctp.ECHO_PORT)
                  .udpPorts(PEER_UDP, SERVER_UDP)
                  .size(100)
                  .streams(4)
                  .count(count)
                  .window(16)
                  .progress(250)
                  .rto(100, 1000, 1000)
                  .timeout(120)
                  .start(s.a, dir, "mhpeer-client")) {
            peer.awaitLine("progress echoed=750 ", Duration.ofSeconds(60));
            active.signal("KILL");
            long killed = System.nanoTime();
            // The address moves, as keepalived would move it.
            s.b.exec("ip", "addr", "del", VIP + "/24", "dev", "eth0").check();
            s.c.exec("ip", "addr", "add", VIP + "/24", "dev", "eth0").check();
            s.a.exec("ip", "neigh", "flush", "dev", "eth0").check();
            standby.awaitLine("ha-echo-server accepted association", Duration.ofSeconds(30));
            long resumed = System.nanoTime();

            assertThat(peer.awaitExit(Duration.ofSeconds(150))).as(peer.tail()).isZero();
            EchoResult r = EchoResult.from(peer);
            assertThat(r.complete()).as(r.toString()).isTrue();
            assertThat(r.sent()).isEqualTo(count);
            assertThat(String.join("\n", peer.stdoutLines())).doesNotContain("COMM_LOST");

            CaptureReport report = cap.stop().assertClean();
            assertThat(report.chunks(ABORT, f -> true)).as("ABORT chunks").isZero();
            Log.record(
                dir,
                "HA takeover, usrsctp peer -> jsctp active (SIGKILL) -> standby over JGroups, SYNC:"
                    + " "
                    + r
                    + " (the peer's longest wait for an echo "
                    + Math.round(r.maxGapMs())
                    + " ms); standby resumed the association "
                    + (resumed - killed) / 1_000_000
                    + " ms after the kill (JGroups view change and the address move included);"
                    + " "
                    + report.summary());
          }
        }
      }
    }
  }
}
