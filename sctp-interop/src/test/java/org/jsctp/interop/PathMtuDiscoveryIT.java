package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Path MTU discovery (RFC 8899, issue 12) against usrsctp where only probing can find the MTU: our
 * echo-client on host a (interface MTU 1500) echoes through a router r to usrsctp's mhpeer on host
 * b, and the router's second hop has an MTU of 1280 and every ICMP "fragmentation needed" is
 * dropped (at the router and at a's input), so a full-sized datagram with DF just vanishes. jsctp
 * starts at BASE_PLPMTU 1200, probes upward with HEARTBEAT plus PAD, and must settle within
 * 1201..1280: its data packets grow past the base and never beyond 1280, probes beyond 1280 go
 * unanswered, nothing of jsctp's is fragmented, every message comes back, the capture is clean.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class PathMtuDiscoveryIT {

  static final int SERVER_UDP = 9899;
  static final int CLIENT_UDP = 9900;
  static final String A = "10.203.1.1";
  static final String R_A = "10.203.1.2";
  static final String R_B = "10.203.2.1";
  static final String B = "10.203.2.2";

  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) {
    Env.assumeNetns();
    Examples.assumeSubcommand("echo-client");
    dir = Env.testDir(info);
  }

  @Test
  void jsctpFindsA1280HopBehindARouterThatDropsIcmp() throws Exception {
    NetNs a = NetNs.create("a");
    NetNs r = NetNs.create("r");
    NetNs b = NetNs.create("b");
    try {
      NetNs.veth(a, A + "/24", r, R_A + "/24", "q1");
      NetNs.veth(r, R_B + "/24", b, B + "/24", "q2");
      r.exec("ip", "link", "set", "q2", "mtu", "1280").check();
      b.exec("ip", "link", "set", "q2", "mtu", "1280").check();
      r.exec("sysctl", "-q", "-w", "net.ipv4.ip_forward=1").check();
      a.exec("ip", "route", "add", "default", "via", R_A).check();
      b.exec("ip", "route", "add", "default", "via", R_B).check();
      String dropIcmp = "icmp type destination-unreachable counter drop\n";
      NftTable.add(r, "inet", "jsctp_no_icmp",
          "  chain forwarded {\n    type filter hook forward priority 0; policy accept;\n    "
              + dropIcmp + "  }\n"
              + "  chain sent {\n    type filter hook output priority 0; policy accept;\n    "
              + dropIcmp + "  }\n");
      NftTable.add(a, "inet", "jsctp_no_icmp",
          "  chain received {\n    type filter hook input priority 0; policy accept;\n    "
              + dropIcmp + "  }\n");

      Path pcap = dir.resolve("capture.pcapng");
      try (Capture cap = Capture.start(a, pcap, SERVER_UDP, CLIENT_UDP);
          Proc server = MhPeer.server().local(B).port(Usrsctp.ECHO_PORT)
              .udpPorts(SERVER_UDP, CLIENT_UDP).start(b, dir, "mhpeer-server");
          Proc client = Examples.echoClient(a, dir, "jsctp-echo-client", CLIENT_UDP, List.of(
              "--remote", B,
              "--port", Integer.toString(Usrsctp.ECHO_PORT),
              "--remote-udp-port", Integer.toString(SERVER_UDP),
              "--local", A,
              "--size", "3000",
              "--streams", "2",
              "--rate", "20",
              "--duration", "80"))) {
        assertThat(client.awaitExit(Duration.ofSeconds(200))).as(client.tail()).isZero();
        EchoResult result = EchoResult.from(client);
        assertThat(result.complete()).as(result.toString()).isTrue();

        CaptureReport report = cap.stop();
        report.assertClean();
        List<Sent> fromA = sizes(pcap, A);
        Log.record(dir, "PLPMTUD across a 1280 hop without ICMP: " + result + "; "
            + report.summary() + "; " + describe(fromA));

        assertThat(fromA).as("IP fragments from jsctp").noneMatch(Sent::fragment);
        assertThat(fromA.stream().filter(s -> s.data).mapToInt(s -> s.ipLength).max().orElse(0))
            .as("the largest DATA packet: above the base 1200, at most the 1280 hop")
            .isBetween(1201, 1280);
        assertThat(fromA).as("packets above 1280 are probes (HEARTBEAT with PAD) only")
            .filteredOn(s -> s.ipLength > 1280).isNotEmpty().allMatch(s -> s.probe && !s.data);
      }
    } finally {
      b.close();
      r.close();
      a.close();
    }
  }

  /** One datagram jsctp sent, as tshark sees it. */
  record Sent(int ipLength, boolean data, boolean probe, boolean fragment) {}

  /** Every datagram from {@code source} in the capture, with its IP length and what it carried. */
  static List<Sent> sizes(Path pcap, String source) {
    Cmd.Result r = Cmd.run(Capture.TSHARK, "-n", "-r", pcap.toString(),
        "-d", "udp.port==" + SERVER_UDP + ",sctp", "-d", "udp.port==" + CLIENT_UDP + ",sctp",
        "-Y", "ip.src==" + source + " && (udp || ip.flags.mf==1 || ip.frag_offset>0)",
        "-T", "fields", "-E", "separator=/t", "-e", "ip.len", "-e", "sctp.chunk_type",
        "-e", "ip.flags.mf", "-e", "ip.frag_offset").check();
    List<Sent> out = new ArrayList<>();
    for (String line : r.stdout().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      List<String> chunks = f.length > 1 ? List.of(f[1].split(",")) : List.of();
      boolean fragment = f.length > 3 && ("1".equals(f[2]) || "True".equalsIgnoreCase(f[2])
          || (!f[3].isBlank() && !"0".equals(f[3])));
      out.add(new Sent(Integer.parseInt(f[0].split(",")[0]), chunks.contains("0"),
          chunks.contains("4") && chunks.contains("132"), fragment));
    }
    return out;
  }

  static String describe(List<Sent> sent) {
    int maxData = sent.stream().filter(s -> s.data).mapToInt(s -> s.ipLength).max().orElse(0);
    long probes = sent.stream().filter(Sent::probe).count();
    long probesAbove = sent.stream().filter(s -> s.probe && s.ipLength > 1280).count();
    return sent.size() + " datagrams from jsctp, largest DATA packet " + maxData + " bytes, "
        + probes + " probes (" + probesAbove + " above 1280)";
  }
}
