package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.interop.CaptureReport.ABORT;
import static org.jsctp.interop.CaptureReport.DATA;
import static org.jsctp.interop.CaptureReport.FORWARD_TSN;
import static org.jsctp.interop.CaptureReport.I_DATA;
import static org.jsctp.interop.CaptureReport.I_FORWARD_TSN;
import static org.jsctp.interop.ExtensionHosts.A_UDP;
import static org.jsctp.interop.ExtensionHosts.B_UDP;
import static org.jsctp.interop.ExtensionHosts.STREAMS;
import static org.jsctp.interop.Topology.addrA;
import static org.jsctp.interop.Topology.addrB;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PR-SCTP (RFC 3758, RFC 7496) against usrsctp, each policy both ways, with 10% of the packets from
 * host a (the sender's side) to host b dropped at random, so that messages really are abandoned.
 * The sender runs in host a and sends numbered messages on 4 streams with a policy (see {@link
 * Load}); the receiver in host b echoes them reliably (the echoes travel loss-free; with I-DATA
 * both sides offer it). Every run must end with each message echoed intact at most once or reported
 * abandoned by its sender (SEND_FAILED), the sender's SCTP_PR_ASSOC_STATUS covering what the
 * receiver did not get, FORWARD-TSN (I-FORWARD-TSN over I-DATA) in the capture whenever a sent
 * message was abandoned, no ABORT, no ERROR, and a clean capture.
 *
 * <p>The jsctp sender is echo-client with {@code --pr-ttl} / {@code --pr-rtx}, and for the priority
 * policy {@link ExtensionEchoClient}, which alternates two priorities (echo-client gives every
 * message the same one, and equal priorities displace nothing). The usrsctp sender is mhpeer with a
 * per-send sctp_prinfo. Both sides run RTO 100 ms min, 200 ms initial, 400 ms max.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PartialReliabilityInteropIT {

  static final int LOSS_PERCENT = 10;

  static final List<String> JSCTP_TUNING =
      List.of(
          "--sysctl", "net.sctp.rto_min=100",
          "--sysctl", "net.sctp.rto_initial=200",
          "--sysctl", "net.sctp.rto_max=400");

  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) {
    Env.assumeNetns();
    Examples.assumeSubcommand("echo-server");
    Examples.assumeSubcommand("echo-client");
    dir = Env.testDir(info);
  }

  /**
   * What a case sends: 100 messages per second for 3 s, paced, so that the loss and not a burst
   * decides what is in flight; for the priority policy 300 smaller messages back to back into an 8
   * KiB send buffer, which they must overflow.
   */
  record Load(String policy, int value, boolean idata) {
    static final int RATE = 100;
    static final int SECONDS = 3;
    static final int PRIO_COUNT = 300;

    boolean prio() {
      return policy.equals("prio");
    }

    /** The messages a run sends at least (a paced run may fall behind on a loaded machine). */
    int atLeast() {
      return prio() ? PRIO_COUNT : RATE * SECONDS / 2;
    }

    /** Two chunks per message, so that some FORWARD-TSNs cover part of a message. */
    int size() {
      return prio() ? 1000 : 2000;
    }

    @Override
    public String toString() {
      return policy + " " + value + (idata ? " over I-DATA" : "");
    }
  }

  @ParameterizedTest(name = "policy={0} value={1} transport={2}")
  @CsvSource({"ttl, 30, data", "rtx, 0, data", "prio, 1, data", "rtx, 0, idata"})
  void ourSenderAbandonsMessagesAndUsrsctpNeverGetsThemTwice(
      String policy, int value, String transport) {
    Load load = new Load(policy, value, transport.equals("idata"));
    MhPeer.Builder server =
        MhPeer.server()
            .local(addrB(1))
            .port(Usrsctp.ECHO_PORT)
            .udpPorts(B_UDP, A_UDP)
            .rto(100, 200, 400);
    if (load.idata()) {
      server.idata();
    }
    try (Topology t = Topology.create(1);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), B_UDP, A_UDP);
        Proc usrsctp = server.start(t.b(), dir, "mhpeer-server");
        RandomLoss loss = RandomLoss.input(t.b(), Topology.iface(1), LOSS_PERCENT);
        Proc client = startJsctpSender(t, load)) {
      SenderEnd end = SenderEnd.of(client, loss);
      EchoResult r = end.result();
      PrStatusLine status = end.status();
      long delivered = MhPeer.serverEchoed(usrsctp);
      CaptureReport report = cap.stop();
      Log.record(
          dir,
          "jsctp sends with PR-SCTP "
              + load
              + " to usrsctp (mhpeer server), "
              + LOSS_PERCENT
              + "% loss ("
              + end.dropped()
              + " packets dropped): "
              + r
              + "; "
              + status
              + "; usrsctp got "
              + delivered
              + "; "
              + report.summary());
      report.assertClean();

      assertEveryMessageEchoedOrAbandoned(r, load);
      // What usrsctp did not get was abandoned: every message is echoed or abandoned, and an
      // abandoned one may still have arrived whole (its echo then comes after the client's end).
      assertThat(delivered).as("messages usrsctp got").isBetween(r.echoed(), r.sent());
      assertThat(r.sent() - delivered)
          .as("messages usrsctp did not get, all of them abandoned by jsctp")
          .isLessThanOrEqualTo(r.abandoned());
      assertThat(status.total())
          .as("jsctp's SCTP_PR_ASSOC_STATUS against the abandoned messages never echoed")
          .isGreaterThanOrEqualTo(r.abandoned());
      if (status.reported() >= 0) {
        assertThat(status.reported())
            .as("messages reported in SEND_FAILED")
            .isEqualTo(status.total());
        assertThat(status.streamsUnsent() + status.streamsSent())
            .as("SCTP_PR_STREAM_STATUS summed over the streams")
            .isEqualTo(status.total());
      }
      if (load.prio()) {
        // jsctp displaces only messages not yet sent (RFC 7496 section 3.3 lets it choose), so
        // nothing needs a FORWARD-TSN.
        assertThat(status.unsent()).as("messages displaced before they were sent").isPositive();
        assertThat(status.sent()).as("sent messages displaced").isZero();
        assertThat(client.stdoutLines())
            .as("the causes of the SEND_FAILED notifications")
            .anyMatch(l -> l.endsWith("send-failed by cause {DISPLACED=" + status.unsent() + "}"));
        assertThat(report.chunks(FORWARD_TSN) + report.chunks(I_FORWARD_TSN)).isZero();
      } else {
        assertThat(status.sent()).as("messages abandoned after they were sent").isPositive();
        assertForwardTsnFrom(report, addrA(1), load);
      }
      assertCommonCapture(report, load);
    }
  }

  @ParameterizedTest(name = "policy={0} value={1} transport={2}")
  @CsvSource({"ttl, 30, data", "rtx, 0, data", "prio, 1, data", "rtx, 0, idata"})
  void usrsctpAbandonsMessagesAndWeNeverDeliverThemTwice(
      String policy, int value, String transport) {
    Load load = new Load(policy, value, transport.equals("idata"));
    List<String> serverArgs =
        new ArrayList<>(
            List.of("--local", addrB(1), "--port", Integer.toString(Usrsctp.ECHO_PORT)));
    serverArgs.addAll(JSCTP_TUNING);
    if (load.idata()) {
      serverArgs.add("--idata");
    }
    MhPeer.Builder sender =
        MhPeer.client()
            .local(addrA(1))
            .remote(addrB(1))
            .port(Usrsctp.ECHO_PORT)
            .udpPorts(A_UDP, B_UDP)
            .size(load.size())
            .streams(STREAMS)
            .rto(100, 200, 400)
            // Once, usrsctp with a full send buffer stopped sending for 29 s with everything
            // acknowledged, until its next heartbeat (docs/interop.md); 1 s bounds that stall.
            .hbInterval(1000)
            .pr(policy, value);
    if (load.prio()) {
      sender.count(Load.PRIO_COUNT).sndbuf(8192).window(100_000);
    } else {
      sender.rate(Load.RATE, Load.SECONDS);
    }
    if (load.idata()) {
      sender.idata();
    }
    try (Topology t = Topology.create(1);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), B_UDP, A_UDP);
        Proc server = Examples.echoServer(t.b(), dir, "jsctp-echo-server", B_UDP, serverArgs);
        RandomLoss loss = RandomLoss.input(t.b(), Topology.iface(1), LOSS_PERCENT);
        Proc client = sender.start(t.a(), dir, "mhpeer-client")) {
      SenderEnd end = SenderEnd.of(client, loss);
      EchoResult r = end.result();
      PrStatusLine status = end.status();
      CaptureReport report = cap.stop();
      Log.record(
          dir,
          "usrsctp (mhpeer client) sends with PR-SCTP "
              + load
              + " to jsctp echo-server, "
              + LOSS_PERCENT
              + "% loss ("
              + end.dropped()
              + " packets dropped): "
              + r
              + "; "
              + status
              + "; "
              + report.summary());
      report.assertClean();
      assertThat(server.isAlive()).as("our echo-server survives").isTrue();

      assertEveryMessageEchoedOrAbandoned(r, load);
      assertThat(status.reported())
          .as("messages usrsctp reported in SCTP_SEND_FAILED_EVENTs")
          .isGreaterThanOrEqualTo(r.abandoned());
      if (load.idata()) {
        // usrsctp 0.9.5 with I-DATA (docs/interop.md): abandoning a message also abandons, and
        // reports, the first fragments of other streams' messages sent in between, which its
        // counters never count; so they count less than it reports, and may count less than what
        // never arrived.
        assertThat(status.reported()).isGreaterThanOrEqualTo(status.total());
      } else {
        assertThat(status.reported()).as("against its counters").isEqualTo(status.total());
        assertThat(status.total()).isGreaterThanOrEqualTo(r.abandoned());
      }
      assertThat(status.streamsUnsent() + status.streamsSent())
          .as("usrsctp's SCTP_PR_STREAM_STATUS summed over the streams")
          .isEqualTo(status.total());
      if (load.prio()) {
        // usrsctp 0.9.5 never applies its priority policy (docs/interop.md): a blocking send
        // waits for room before it would look for lower priorities to drop, and the counter that
        // gates sctp_prune_prsctp is never incremented. Every message goes through reliably.
        assertThat(status.total()).as("messages usrsctp abandoned by priority").isZero();
        assertThat(report.chunks(FORWARD_TSN) + report.chunks(I_FORWARD_TSN)).isZero();
      } else {
        assertThat(status.sent()).as("messages abandoned after they were sent").isPositive();
        assertForwardTsnFrom(report, addrA(1), load);
      }
      assertCommonCapture(report, load);
    }
  }

  /** How the sender ended: exit code 0, its RESULT and PR status lines, the packets dropped. */
  record SenderEnd(EchoResult result, PrStatusLine status, long dropped) {
    static SenderEnd of(Proc sender, RandomLoss loss) {
      assertThat(sender.awaitExit(Duration.ofSeconds(150))).as(sender.tail()).isZero();
      long dropped = loss.droppedPackets();
      loss.close();
      return new SenderEnd(EchoResult.from(sender), PrStatusLine.from(sender), dropped);
    }
  }

  private Proc startJsctpSender(Topology t, Load load) {
    List<String> args = ExtensionHosts.jsctpClient("--size", Integer.toString(load.size()));
    args.addAll(JSCTP_TUNING);
    if (load.prio()) {
      args.addAll(
          List.of(
              "--count", Integer.toString(Load.PRIO_COUNT),
              "--prio-low", Integer.toString(load.value()),
              "--sndbuf", "8192"));
      return ExtensionEchoClient.start(t.a(), dir, A_UDP, args);
    }
    args.addAll(
        List.of(
            "--rate",
            Integer.toString(Load.RATE),
            "--duration",
            Integer.toString(Load.SECONDS),
            "--pr-" + load.policy(),
            Integer.toString(load.value())));
    if (load.idata()) {
      args.add("--idata");
    }
    return Examples.echoClient(t.a(), dir, "jsctp-echo-client", A_UDP, args);
  }

  private static void assertEveryMessageEchoedOrAbandoned(EchoResult r, Load load) {
    assertThat(r.sent()).as("messages sent").isGreaterThanOrEqualTo(load.atLeast());
    assertThat(r.mismatched()).as("echoes that were not intact, or came twice").isZero();
    assertThat(r.abandoned()).as("the RESULT line's abandoned count").isNotNegative();
    assertThat(r.echoed() + r.abandoned())
        .as("messages echoed plus messages abandoned and never echoed")
        .isEqualTo(r.sent());
  }

  private static void assertForwardTsnFrom(CaptureReport report, String sender, Load load) {
    int kind = load.idata() ? I_FORWARD_TSN : FORWARD_TSN;
    int other = load.idata() ? FORWARD_TSN : I_FORWARD_TSN;
    assertThat(report.chunks(kind, f -> f.from(sender)))
        .as("%s chunks from the sender", CaptureReport.chunkName(kind))
        .isPositive();
    assertThat(report.chunks(other)).as("%s chunks", CaptureReport.chunkName(other)).isZero();
  }

  /** The data chunk kind negotiated, no ABORT, no ERROR, and the graceful end started by a. */
  private static void assertCommonCapture(CaptureReport report, Load load) {
    int used = load.idata() ? I_DATA : DATA;
    int unused = load.idata() ? DATA : I_DATA;
    assertThat(report.chunks(used, f -> f.from(addrA(1)))).isPositive();
    assertThat(report.chunks(used, f -> f.from(addrB(1)))).isPositive();
    assertThat(report.chunks(unused)).as("%s chunks", CaptureReport.chunkName(unused)).isZero();
    assertThat(report.chunks(ABORT)).as("ABORT chunks").isZero();
    assertThat(report.chunks(CaptureReport.ERROR)).as("ERROR chunks").isZero();
    EchoClientToUsrsctpIT.assertShutdownStartedBy(report, addrA(1), addrB(1));
  }
}
