package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.interop.CaptureReport.ABORT;
import static org.jsctp.interop.CaptureReport.DATA;
import static org.jsctp.interop.Topology.addrA;
import static org.jsctp.interop.Topology.addrB;

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
 * The telecom case of ADD-IP (RFC 5061) with real interfaces: a live association between jsctp
 * on host a ({@link RenumberingPeer}, streaming numbered messages at 50 per second and checking
 * every echo) and jsctp's echo-server on host b, over two paths. A third interface comes up on
 * host a, the client binds its address (Add IP Address), asks the server to send there
 * (SCTP_SET_PEER_PRIMARY_ADDR), moves its own primary off the first path, unbinds the address of
 * the first path (Delete IP Address), and the first path's interface is deleted. Every message
 * must come back once and in order, the association must never fail, and the capture must show
 * the ASCONFs answered, the server's data moving to the new address and nothing from the old one
 * once it is gone. Both stacks run with addip_enable and AUTH (auth_enable), as RFC 5061 section
 * 4.1.1 asks.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RenumberingIT {

  static final int B_UDP = 9899;
  static final int A_UDP = 9900;
  static final int ASCONF = 0xC1;
  static final int ASCONF_ACK = 0x80;

  static final List<String> SETTINGS = List.of(
      "net.sctp.addip_enable=1",
      "net.sctp.auth_enable=1",
      "net.sctp.pf_retrans=0",
      "net.sctp.rto_min=200",
      "net.sctp.rto_initial=500",
      "net.sctp.rto_max=1000",
      "net.sctp.hb_interval=1000");

  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) {
    Env.assumeNetns();
    Examples.assumeSubcommand("echo-server");
    dir = Env.testDir(info);
  }

  @Test
  void aLiveAssociationMovesToANewInterfaceWithoutLosingAMessage() {
    String added = addrA(3);
    try (Topology t = Topology.create(2);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), B_UDP, A_UDP)) {
      List<String> serverArgs = new ArrayList<>(List.of("--local", addrB(1), "--local", addrB(2),
          "--port", Integer.toString(Usrsctp.ECHO_PORT)));
      for (String s : SETTINGS) {
        serverArgs.addAll(List.of("--sysctl", s));
      }
      try (Proc server = Examples.echoServer(t.b(), dir, "jsctp-echo-server", B_UDP, serverArgs)) {
        UdpPorts.assertFree(t.a(), A_UDP);
        List<String> clientArgs = new ArrayList<>(List.of(addrA(1) + "," + addrA(2),
            addrB(1) + "," + addrB(2), Integer.toString(Usrsctp.ECHO_PORT),
            Integer.toString(A_UDP), Integer.toString(B_UDP), "50"));
        clientArgs.addAll(SETTINGS);
        try (Proc client = RenumberingPeer.start(t.a(), dir, "jsctp-renumbering-client",
            clientArgs)) {
          client.awaitLine("^COMM_UP$", Duration.ofSeconds(60));
          client.awaitLine("^ECHOED 100$", Duration.ofSeconds(30));

          // A third interface comes up on host a: 10.201.3.1 <-> 10.201.3.2.
          NetNs.veth(t.a(), added + "/24", t.b(), addrB(3) + "/24", Topology.iface(3));
          client.write("bind " + added + "\n");
          client.awaitLine("^BOUND " + added + "$", Duration.ofSeconds(20));
          client.write("peer-primary " + added + "\n");
          client.awaitLine("^PEER_PRIMARY " + added + "$", Duration.ofSeconds(20));
          client.write("primary " + addrB(2) + "\n");
          client.awaitLine("^PRIMARY " + addrB(2) + "$", Duration.ofSeconds(20));
          client.write("unbind " + addrA(1) + "\n");
          client.awaitLine("^UNBOUND " + addrA(1) + "$", Duration.ofSeconds(20));
          int before = client.lineCount();
          client.awaitLine("^ECHOED \\d+$", Duration.ofSeconds(20), before);

          // The old primary's interface goes away, on both hosts.
          t.a().exec("ip", "link", "del", Topology.iface(1)).check();
          before = client.lineCount();
          client.awaitLine("^ECHOED \\d+$", Duration.ofSeconds(30), before);
          before = client.lineCount();
          client.awaitLine("^ECHOED \\d+$", Duration.ofSeconds(30), before);
          client.write("stop\n");
          assertThat(client.awaitExit(Duration.ofSeconds(60))).as(client.tail()).isZero();
          EchoResult r = EchoResult.from(client);
          assertThat(r.complete()).as(r.toString()).isTrue();
          assertThat(client.stdoutLines()).noneMatch(l -> l.startsWith("ASSOC")
              && !l.equals("ASSOC COMM_UP") || l.startsWith("FAILED") || l.startsWith("MISMATCH"));
          assertThat(server.isAlive()).isTrue();

          CaptureReport report = cap.stop().assertClean();
          assertThat(report.chunks(ASCONF, f -> f.from(added) || f.from(addrA(2))
              || f.from(addrA(1)))).as("ASCONFs from the client").isGreaterThanOrEqualTo(2);
          assertThat(report.chunks(ASCONF_ACK, f -> f.to(added) || f.to(addrA(1))
              || f.to(addrA(2)))).as("ASCONF-ACKs to the client").isGreaterThanOrEqualTo(2);
          assertThat(report.chunks(DATA, f -> f.to(added)))
              .as("the server's data to the new address").isPositive();
          double deleted = report.where(f -> f.has(ASCONF_ACK)).stream()
              .mapToDouble(CaptureReport.Frame::time).max().orElseThrow();
          assertThat(report.where(f -> f.time() > deleted && f.to(addrA(1))))
              .as("nothing to the old address once the server answered its deletion").isEmpty();
          assertThat(report.chunks(ABORT)).isZero();
          Log.record(dir, "renumbering: jsctp client moved from " + addrA(1) + " to " + added
              + " with ADD-IP while streaming, interface " + Topology.iface(1) + " deleted; "
              + r + "; " + report.summary());
        }
      }
    }
  }
}
