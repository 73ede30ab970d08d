package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.interop.CaptureReport.ABORT;
import static org.jsctp.interop.CaptureReport.INIT;
import static org.jsctp.interop.CaptureReport.INIT_ACK;
import static org.jsctp.interop.Topology.addrA;
import static org.jsctp.interop.Topology.addrB;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * ADD-IP (RFC 5061) without AUTH (RFC 4895) against usrsctp 0.9.5: jsctp with {@code
 * addip_enable} and {@code addip_noauth_enable} on and AUTH off. usrsctp, as FreeBSD, takes ASCONF
 * only together with AUTH: it has no {@code sctp_asconf_auth_nochk} and aborts an association
 * whose INIT or INIT ACK lists ASCONF without AUTH ({@link AsconfUsrsctpIT} runs ADD-IP with AUTH).
 * What is checked here is that jsctp does no harm where it can help it: as the listening side it
 * leaves ASCONF out of its INIT ACK to a peer that announces AUTH, and the association works
 * without ADD-IP; as the initiator it cannot know, and usrsctp refuses the association, which
 * this test records so that a change on either side shows.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AddIpWithoutAuthIT {

  static final int B_UDP = 9899;
  static final int A_UDP = 9900;
  static final int ASCONF = 0xC1;
  static final List<String> ADD_IP = List.of("--sysctl", "net.sctp.addip_enable=1",
      "--sysctl", "net.sctp.addip_noauth_enable=1");

  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) {
    Env.assumeNetns();
    dir = Env.testDir(info);
  }

  /** The chunk types the Supported Extensions parameter of each INIT or INIT ACK lists. */
  private static Set<Integer> supportedExtensions(Path pcap, String from, int chunkType) {
    Cmd.Result r = Cmd.run(Duration.ofSeconds(60), List.of(Capture.TSHARK, "-r", pcap.toString(),
        "-n", "-d", "udp.port==" + B_UDP + ",sctp", "-d", "udp.port==" + A_UDP + ",sctp",
        "-Y", "ip.src == " + from + " && sctp.chunk_type == " + chunkType, "-T", "fields",
        "-e", "sctp.supported_chunk_type"));
    assertThat(r.ok()).as(r.describe()).isTrue();
    Set<Integer> types = new TreeSet<>();
    for (String line : r.stdout().split("\n")) {
      for (String t : line.split(",")) {
        if (!t.isBlank()) {
          types.add(Integer.decode(t.trim()));
        }
      }
    }
    return types;
  }

  @Test
  void usrsctpGetsAnAssociationWithoutAddIpFromOurListeningSide() {
    Examples.assumeSubcommand("echo-server");
    int lines = 10;
    try (Topology t = Topology.create(1);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), B_UDP, A_UDP)) {
      List<String> args = new ArrayList<>(List.of("--local", addrB(1), "--port",
          Integer.toString(Usrsctp.ECHO_PORT)));
      args.addAll(ADD_IP);
      try (Proc server = Examples.echoServer(t.b(), dir, "jsctp-echo-server", B_UDP, args);
          Proc client = Usrsctp.client(t.a(), dir, addrB(1), A_UDP, B_UDP)) {
        Usrsctp.echoLines(client, lines);
      }
      CaptureReport report = cap.stop().assertClean();
      Path pcap = dir.resolve("capture.pcapng");
      assertThat(supportedExtensions(pcap, addrA(1), INIT))
          .as("usrsctp announces AUTH and ADD-IP").contains(15, ASCONF, 0x80);
      assertThat(supportedExtensions(pcap, addrB(1), INIT_ACK))
          .as("jsctp, with AUTH off, does not offer ASCONF back").doesNotContain(ASCONF, 0x80);
      assertThat(report.chunks(ABORT)).isZero();
      Log.record(dir, "usrsctp client -> jsctp echo-server with addip_enable and"
          + " addip_noauth_enable: no ASCONF offered back, " + lines + " lines echoed, graceful"
          + " shutdown; " + report.summary());
    }
  }

  @Test
  void usrsctpRefusesAnInitThatListsAsconfWithoutAuth() {
    Examples.assumeSubcommand("echo-client");
    try (Topology t = Topology.create(1);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), B_UDP, A_UDP);
        Proc server = Usrsctp.echoServer(t.b(), dir, B_UDP, A_UDP)) {
      List<String> args = new ArrayList<>(List.of("--remote", addrB(1), "--local", addrA(1),
          "--port", Integer.toString(Usrsctp.ECHO_PORT), "--remote-udp-port",
          Integer.toString(B_UDP), "--count", "5"));
      args.addAll(ADD_IP);
      try (Proc client = Examples.echoClient(t.a(), dir, "jsctp-echo-client", A_UDP, args)) {
        client.awaitExit(Duration.ofSeconds(60));
        assertThat(client.stdoutLines()).anyMatch(l -> l.contains("could not be set up"));
      }
      CaptureReport report = cap.stop().assertClean();
      Path pcap = dir.resolve("capture.pcapng");
      assertThat(supportedExtensions(pcap, addrA(1), INIT)).contains(ASCONF, 0x80)
          .doesNotContain(15);
      assertThat(report.chunks(INIT_ACK)).as("usrsctp does not answer it").isZero();
      assertThat(report.chunks(ABORT, f -> f.from(addrB(1)))).as("usrsctp aborts").isPositive();
      Log.record(dir, "jsctp echo-client with addip_enable and addip_noauth_enable -> usrsctp"
          + " echo_server: INIT listing ASCONF without AUTH answered with ABORT; "
          + report.summary());
    }
  }
}
