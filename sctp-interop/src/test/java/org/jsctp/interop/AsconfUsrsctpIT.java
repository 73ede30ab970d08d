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
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * ADD-IP (RFC 5061) between jsctp and usrsctp 0.9.5, with AUTH (RFC 4895) as both require
 * ({@code addip_noauth_enable} stays 0 in jsctp; usrsctp has no way around AUTH). In each test
 * the client on host a moves a live association that streams numbered messages at 50 per second
 * from its first address to a third one: it binds the new address (Add IP Address), asks the peer
 * to make it its primary (Set Primary Address), moves its own primary to the second path, unbinds
 * the first address (Delete IP Address), and the first path's interface is deleted. Every message
 * must come back once and in order, the association must never fail, the other side must report
 * the address added, made primary and removed, and the capture must show every ASCONF and
 * ASCONF-ACK behind an AUTH chunk and the other side's data going to the new address.
 *
 * <p>Two things of usrsctp shape the runs. With UDP encapsulation it sends from whatever source
 * address the kernel picks, and it takes packets only to addresses it found when it started: so
 * when jsctp moves, host b's route to the new subnet prefers b2 as its source (else jsctp's answer
 * to a heartbeat from b3 would come back as out of the blue), and when usrsctp moves, its third
 * interface exists from the start. And usrsctp takes an address off its endpoint as soon as it is
 * unbound, before its peer has heard of it, answering what still comes to it with an ABORT that
 * ends the association (RFC 5061 has the sender go on receiving there until the deletion is
 * acknowledged, as jsctp does): so usrsctp moves step by step, its own primary first, and the
 * interface goes as soon as jsctp removed the address. jsctp moves with the three calls in a row.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class AsconfUsrsctpIT {

  static final int B_UDP = 9899;
  static final int A_UDP = 9900;
  static final int PORT = 7;
  static final int ASCONF = 0xC1;
  static final int ASCONF_ACK = 0x80;
  static final int AUTH = 15;

  static final List<String> JSCTP_SETTINGS = List.of(
      "net.sctp.auth_enable=1",
      "net.sctp.addip_enable=1",
      "net.sctp.pf_retrans=0",
      "net.sctp.rto_min=200",
      "net.sctp.rto_initial=500",
      "net.sctp.rto_max=1000",
      "net.sctp.hb_interval=1000");

  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) {
    Env.assumeNetns();
    dir = Env.testDir(info);
  }

  /** Sends {@code command} to {@code peer} and waits for its acknowledgement {@code line}. */
  private static void command(Proc peer, String command, String line) {
    peer.write(command + "\n");
    peer.awaitLine(line + "$", Duration.ofSeconds(20));
  }

  /** Waits for two more ECHOED lines of {@code client}: the association still carries data. */
  private static void awaitEchoes(Proc client) {
    for (int i = 0; i < 2; i++) {
      int before = client.lineCount();
      client.awaitLine("ECHOED \\d+$", Duration.ofSeconds(30), before);
    }
  }

  private static boolean hostA(CaptureReport.Frame f, boolean from) {
    for (int k = 1; k <= 3; k++) {
      if (from ? f.from(addrA(k)) : f.to(addrA(k))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every ASCONF and ASCONF-ACK behind an AUTH chunk; at least two ASCONFs from the mover (on
   * host a) and two answers to it.
   */
  private static void assertAsconfs(CaptureReport report) {
    assertThat(report.where(f -> f.has(ASCONF) || f.has(ASCONF_ACK)))
        .allSatisfy(f -> assertThat(f.chunks().indexOf(AUTH)).as("%s", f.describe())
            .isNotNegative()
            .isLessThan(Math.max(f.chunks().indexOf(ASCONF), f.chunks().indexOf(ASCONF_ACK))));
    assertThat(report.chunks(ASCONF, f -> hostA(f, true)))
        .as("ASCONFs from the mover").isGreaterThanOrEqualTo(2);
    assertThat(report.chunks(ASCONF_ACK, f -> hostA(f, false)))
        .as("ASCONF-ACKs to the mover").isGreaterThanOrEqualTo(2);
    assertThat(report.chunks(ABORT)).isZero();
  }

  @Test
  void jsctpMovesItsAssociationWithUsrsctpAsThePeer() {
    String added = addrA(3);
    try (Topology t = Topology.create(2);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), B_UDP, A_UDP)) {
      try (Proc server = UsrsctpAsconfPeer.start(t.b(), dir, "usrsctp-asconfpeer", B_UDP,
          List.of("server", "--local", "0.0.0.0", "--port", Integer.toString(PORT),
              "--udp-port", Integer.toString(B_UDP), "--remote-udp-port",
              Integer.toString(A_UDP), "--timeout", "220"))) {
        UdpPorts.assertFree(t.a(), A_UDP);
        List<String> clientArgs = new ArrayList<>(List.of(addrA(1) + "," + addrA(2),
            addrB(1) + "," + addrB(2), Integer.toString(PORT), Integer.toString(A_UDP),
            Integer.toString(B_UDP), "50"));
        clientArgs.addAll(JSCTP_SETTINGS);
        try (Proc client = RenumberingPeer.start(t.a(), dir, "jsctp-renumbering-client",
            clientArgs)) {
          client.awaitLine("^COMM_UP$", Duration.ofSeconds(60));
          client.awaitLine("^ECHOED 100$", Duration.ofSeconds(30));
          // A third interface comes up on host a: 10.201.3.1 <-> 10.201.3.2. usrsctp knows only
          // the addresses it found when it started, so host b sends to the new subnet from b2.
          NetNs.veth(t.a(), added + "/24", t.b(), addrB(3) + "/24", Topology.iface(3));
          t.b().exec("ip", "route", "replace", "10.201.3.0/24", "dev", Topology.iface(3),
              "src", addrB(2)).check();
          // The three calls in a row, without waiting for the peer.
          command(client, "bind " + added, "BOUND " + added);
          command(client, "peer-primary " + added, "PEER_PRIMARY " + added);
          command(client, "primary " + addrB(2), "PRIMARY " + addrB(2));
          command(client, "unbind " + addrA(1), "UNBOUND " + addrA(1));
          server.awaitLine("PEER_ADDR ADDED " + added + "$", Duration.ofSeconds(20));
          server.awaitLine("PEER_ADDR MADE_PRIM " + added + "$", Duration.ofSeconds(20));
          server.awaitLine("PEER_ADDR REMOVED " + addrA(1) + "$", Duration.ofSeconds(20));
          awaitEchoes(client);

          t.a().exec("ip", "link", "del", Topology.iface(1)).check();
          awaitEchoes(client);
          client.write("stop\n");
          assertThat(client.awaitExit(Duration.ofSeconds(60))).as(client.tail()).isZero();
          EchoResult r = EchoResult.from(client);
          assertThat(r.complete()).as(r.toString()).isTrue();
          assertThat(client.stdoutLines()).noneMatch(l -> l.startsWith("ASSOC")
              && !l.equals("ASSOC COMM_UP") || l.startsWith("FAILED") || l.startsWith("MISMATCH"));
          server.awaitLine("SERVER echoed=\\d+ end=shutdown", Duration.ofSeconds(30));
          assertThat(server.stdoutLines()).noneMatch(l -> l.contains("ERROR"));

          CaptureReport report = cap.stop().assertClean();
          assertAsconfs(report);
          assertThat(report.chunks(DATA, f -> f.to(added)))
              .as("usrsctp's data to the new address").isPositive();
          double deleted = report.where(f -> f.has(ASCONF_ACK)).stream()
              .mapToDouble(CaptureReport.Frame::time).max().orElseThrow();
          assertThat(report.where(f -> f.time() > deleted && f.from(addrA(1))))
              .as("nothing from the old address once usrsctp answered its deletion").isEmpty();
          Log.record(dir, "ADD-IP with AUTH: jsctp client moved from " + addrA(1) + " to " + added
              + " with usrsctp as the peer while streaming, interface " + Topology.iface(1)
              + " deleted; " + r + "; " + report.summary());
        }
      }
    }
  }

  @Test
  void usrsctpMovesItsAssociationWithJsctpAsThePeer() {
    Examples.assumeSubcommand("echo-server");
    String added = addrA(3);
    try (Topology t = Topology.create(3);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), B_UDP, A_UDP)) {
      List<String> serverArgs = new ArrayList<>(List.of("--local", addrB(1), "--local", addrB(2),
          "--port", Integer.toString(PORT)));
      for (String s : JSCTP_SETTINGS) {
        serverArgs.addAll(List.of("--sysctl", s));
      }
      try (Proc server = Examples.echoServer(t.b(), dir, "jsctp-echo-server", B_UDP, serverArgs);
          Proc client = UsrsctpAsconfPeer.start(t.a(), dir, "usrsctp-asconfpeer", A_UDP,
              List.of("client", "--local", addrA(1), "--local", addrA(2), "--remote", addrB(1),
                  "--remote", addrB(2), "--port", Integer.toString(PORT), "--udp-port",
                  Integer.toString(A_UDP), "--remote-udp-port", Integer.toString(B_UDP),
                  "--rate", "50", "--timeout", "220"))) {
        client.awaitLine("COMM_UP", Duration.ofSeconds(60));
        client.awaitLine("ECHOED 100$", Duration.ofSeconds(30));
        // Step by step: usrsctp takes an address off its endpoint as soon as it is unbound and
        // answers a packet to it as out of the blue, with an ABORT that ends the association. So
        // nothing of jsctp's may still be on its way to 10.201.1.1 then: the Delete IP Address
        // leaves from a2 (usrsctp's primary is b2 by then) and jsctp's data goes to a3.
        command(client, "bind " + added, "BOUND " + added);
        server.awaitLine(PathEvents.to(added, "UNCONFIRMED"), Duration.ofSeconds(20));
        server.awaitLine(PathEvents.to(added, "ACTIVE"), Duration.ofSeconds(20));
        command(client, "primary " + addrB(2), "PRIMARY " + addrB(2));
        command(client, "peer-primary " + added, "PEER_PRIMARY " + added);
        server.awaitLine("path " + Pattern.quote(added) + "(:\\d+)? made primary",
            Duration.ofSeconds(20));
        awaitEchoes(client);
        command(client, "unbind " + addrA(1), "UNBOUND " + addrA(1));
        server.awaitLine(PathEvents.to(addrA(1), "REMOVED"), Duration.ofSeconds(20));
        // The kernel would still send usrsctp's packets to b1 from a1: the interface goes now.
        t.a().exec("ip", "link", "del", Topology.iface(1)).check();
        awaitEchoes(client);
        client.write("stop\n");
        assertThat(client.awaitExit(Duration.ofSeconds(60))).as(client.tail()).isZero();
        EchoResult r = EchoResult.from(client);
        assertThat(r.complete()).as(r.toString()).isTrue();
        assertThat(client.stdoutLines()).noneMatch(l -> l.contains("ASSOC_CHANGE")
            || l.contains("FAILED") || l.contains("MISMATCH") || l.contains("ERROR"));
        assertThat(server.isAlive()).isTrue();

        CaptureReport report = cap.stop().assertClean();
        assertAsconfs(report);
        assertThat(report.chunks(DATA, f -> f.to(added)))
            .as("jsctp's data to the new address").isPositive();
        Log.record(dir, "ADD-IP with AUTH: usrsctp client moved from " + addrA(1) + " to " + added
            + " with jsctp's echo-server as the peer while streaming, interface "
            + Topology.iface(1) + " deleted; " + r + "; " + report.summary());
      }
    }
  }
}
