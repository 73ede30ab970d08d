package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.interop.CaptureReport.DATA;
import static org.jsctp.interop.CaptureReport.SACK;
import static org.jsctp.interop.Topology.addrA;
import static org.jsctp.interop.Topology.addrB;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AUTH (RFC 4895) between jsctp ({@link AuthEchoPeer}) and usrsctp ({@code authpeer.c}), each
 * side as client and as server: both list DATA and SACK, share keys 1 and 2 and ask for HMAC-SHA-1
 * or HMAC-SHA-256 first, so that each sends with the first HMAC of the other's list it has. Midway
 * both rotate to key 2 (jsctp also deactivates and deletes key 1 once usrsctp uses key 2). Every
 * message comes back, each side reports the other's chunk list and the new key, and tshark finds
 * every DATA and SACK behind an AUTH chunk with the expected HMAC identifier and both key numbers,
 * and nothing wrong.
 *
 * <p>usrsctp has HMAC-SHA-256 only when built with a crypto library; Debian's libusrsctp2 0.9.5.0
 * is not, so there usrsctp answers jsctp's SHA-256 preference with SHA-1, and the runs where
 * usrsctp itself asks for SHA-256 are skipped (an assumption, reported as skipped).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AuthInteropIT {

  static final int A_UDP = 9900;
  static final int B_UDP = 9899;
  static final int PORT = 7;
  static final int COUNT = 300;
  static final int AUTH = 15;

  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) {
    Env.assumeNetns();
    dir = Env.testDir(info);
  }

  private static List<String> usrsctpArgs(String mode, String local, String remote, int udp,
      int remoteUdp, int hmac) {
    List<String> args = new ArrayList<>(List.of(mode, "--local", local, "--port",
        Integer.toString(PORT), "--udp-port", Integer.toString(udp), "--remote-udp-port",
        Integer.toString(remoteUdp), "--auth-chunk", "0", "--auth-chunk", "3",
        "--key", "1:" + AuthEchoPeer.KEY_1, "--key", "2:" + AuthEchoPeer.KEY_2, "--active", "1",
        "--rotate-at", Integer.toString(COUNT / 2), "--rotate-to", "2", "--timeout", "120"));
    args.addAll(hmac == 3 ? List.of("--hmac", "3", "--hmac", "1") : List.of("--hmac", "1"));
    if (remote != null) {
      args.addAll(List.of("--remote", remote, "--count", Integer.toString(COUNT), "--size",
          "600"));
    }
    return args;
  }

  private static List<String> jsctpArgs(String mode, String local, int udp, int remoteUdp,
      int hmac, String remote) {
    List<String> args = new ArrayList<>(List.of(mode, local, Integer.toString(PORT),
        Integer.toString(udp), Integer.toString(remoteUdp), hmac == 3 ? "3,1" : "1", "0,3",
        Integer.toString(COUNT / 2)));
    if (remote != null) {
      args.addAll(List.of(remote, Integer.toString(COUNT), "600"));
    }
    return args;
  }

  @ParameterizedTest(name = "jsctp {0}, jsctp asks for HMAC {1}, usrsctp for HMAC {2}")
  @CsvSource({"client, 3, 1", "client, 1, 3", "server, 3, 1", "server, 1, 3"})
  void authenticatedEchoesWithAKeyRotationBothWays(String jsctpRole, int jsctpHmac,
      int usrsctpHmac) {
    Set<Integer> usrsctpHas = UsrsctpAuthPeer.supportedHmacs();
    assumeTrue(usrsctpHas.contains(usrsctpHmac),
        "this usrsctp build has no HMAC " + usrsctpHmac + " (it has " + usrsctpHas + ")");
    int usrsctpSends = usrsctpHas.contains(jsctpHmac) ? jsctpHmac : 1;
    boolean jsctpClient = jsctpRole.equals("client");
    String a = addrA(1);
    String b = addrB(1);
    String jsctpAddr = jsctpClient ? a : b;
    String usrsctpAddr = jsctpClient ? b : a;
    try (Topology t = Topology.create(1);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), B_UDP, A_UDP)) {
      Proc server;
      Proc client;
      Proc jsctp;
      Proc usrsctp;
      if (jsctpClient) {
        server = UsrsctpAuthPeer.start(t.b(), dir, "usrsctp-authpeer", B_UDP,
            usrsctpArgs("server", b, null, B_UDP, A_UDP, usrsctpHmac));
        client = AuthEchoPeer.start(t.a(), dir, "jsctp-auth-client",
            jsctpArgs("client", a, A_UDP, B_UDP, jsctpHmac, b));
        jsctp = client;
        usrsctp = server;
      } else {
        UdpPorts.assertFree(t.b(), B_UDP);
        server = AuthEchoPeer.start(t.b(), dir, "jsctp-auth-server",
            jsctpArgs("server", b, B_UDP, A_UDP, jsctpHmac, null));
        server.awaitLine("READY", Duration.ofSeconds(30));
        UdpPorts.awaitBound(t.b(), B_UDP, server, Duration.ofSeconds(30));
        client = UsrsctpAuthPeer.start(t.a(), dir, "usrsctp-authpeer", A_UDP,
            usrsctpArgs("client", a, b, A_UDP, B_UDP, usrsctpHmac));
        jsctp = server;
        usrsctp = client;
      }
      try (server; client) {
        assertThat(client.awaitExit(Duration.ofSeconds(150))).as(client.tail()).isZero();
        client.awaitLine("RESULT sent=" + COUNT + " echoed=" + COUNT + " mismatched=0",
            Duration.ofSeconds(1));
        if (!jsctpClient) {
          jsctp.awaitLine("SERVER echoed=" + COUNT, Duration.ofSeconds(30));
        }
        jsctp.awaitLine("AUTH_SUPPORTED true", Duration.ofSeconds(1));
        jsctp.awaitLine("PEER_AUTH_CHUNKS .*\\b0,3\\b", Duration.ofSeconds(1));
        usrsctp.awaitLine("PEER_AUTH_CHUNKS 0,3,128,193", Duration.ofSeconds(1));
        jsctp.awaitLine("AUTH_EVENT NEW_KEY key=2", Duration.ofSeconds(30));
        jsctp.awaitLine("AUTH_EVENT FREE_KEY key=1", Duration.ofSeconds(1));
        jsctp.awaitLine("DELETED_KEY 1", Duration.ofSeconds(30));
        usrsctp.awaitLine("AUTH_EVENT NEW_KEY key=2", Duration.ofSeconds(30));
        assertThat(usrsctp.stdoutLines()).noneMatch(l -> l.contains("ERROR")
            || l.contains("REMOTE_ERROR") || l.contains("NO_AUTH"));
        assertThat(jsctp.stdoutLines()).noneMatch(l -> l.contains("NO_AUTH"));
      }
      CaptureReport report = cap.stop().assertClean();
      for (String from : List.of(a, b)) {
        assertThat(report.where(f -> f.from(from) && (f.has(DATA) || f.has(SACK))))
            .as("DATA and SACK from %s", from)
            .isNotEmpty()
            .allSatisfy(f -> assertThat(f.chunks().indexOf(AUTH))
                .as("%s", f.describe())
                .isNotNegative()
                .isLessThan(Math.max(f.chunks().indexOf(DATA), f.chunks().indexOf(SACK))));
      }
      List<String[]> auth = authChunks(dir.resolve("capture.pcapng"));
      assertThat(hmacIds(auth, jsctpAddr)).as("HMACs jsctp sent with").containsExactly(usrsctpHmac);
      assertThat(hmacIds(auth, usrsctpAddr)).as("HMACs usrsctp sent with")
          .containsExactly(usrsctpSends);
      assertThat(keyIds(auth, jsctpAddr)).as("keys jsctp used").containsExactly(1, 2);
      assertThat(keyIds(auth, usrsctpAddr)).as("keys usrsctp used").containsExactly(1, 2);
      Log.record(dir, "AUTH jsctp " + jsctpRole + " (asks HMAC " + jsctpHmac + ", sends "
          + usrsctpHmac + ") <-> usrsctp (asks HMAC " + usrsctpHmac + ", sends " + usrsctpSends
          + "): " + COUNT + " messages echoed, keys 1 -> 2; " + auth.size() + " packets with AUTH; "
          + report.summary());
    }
  }

  /** Source address, HMAC identifier and key number of every packet with an AUTH chunk. */
  private static List<String[]> authChunks(Path pcap) {
    Cmd.Result r = Cmd.run(Duration.ofSeconds(60), List.of(Capture.TSHARK, "-r", pcap.toString(),
        "-n", "-d", "udp.port==" + B_UDP + ",sctp", "-d", "udp.port==" + A_UDP + ",sctp",
        "-Y", "sctp.chunk_type == 15", "-T", "fields", "-e", "ip.src", "-e", "sctp.hmac_id",
        "-e", "sctp.shared_key_id"));
    assertThat(r.ok()).as(r.describe()).isTrue();
    List<String[]> out = new ArrayList<>();
    for (String line : r.stdout().split("\n")) {
      if (!line.isBlank()) {
        out.add(line.split("\t"));
      }
    }
    return out;
  }

  private static Set<Integer> hmacIds(List<String[]> auth, String from) {
    return field(auth, from, 1);
  }

  private static Set<Integer> keyIds(List<String[]> auth, String from) {
    return field(auth, from, 2);
  }

  private static Set<Integer> field(List<String[]> auth, String from, int index) {
    Set<Integer> out = new TreeSet<>();
    for (String[] f : auth) {
      if (f[0].equals(from) && f.length > index) {
        out.add(Integer.decode(f[index].split(",")[0].trim()));
      }
    }
    return out;
  }
}
