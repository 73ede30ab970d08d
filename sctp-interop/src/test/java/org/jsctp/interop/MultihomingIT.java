package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;
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
 * Multihoming against usrsctp: two namespaces joined by two veth paths, both sides bound to both
 * addresses (mhpeer with {@code usrsctp_bindx}). 50 messages per second flow; path 1 (the primary)
 * is silently blackholed in both directions; the side under test must move its data to path 2 while
 * the association survives, and take path 1 back once it heals.
 *
 * <p>Both stacks run SCTP-PF with threshold 0 and RTO 200 ms min, 500 ms initial, 1 s max, and a 1
 * s heartbeat interval, so that a run takes seconds; nothing is judged by time.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MultihomingIT {

  static final int B_UDP = 9899;
  static final int A_UDP = 9900;

  /** The same tuning for jsctp, in the sysctl vocabulary of design.md section 4. */
  static final List<String> JSCTP_TUNING =
      List.of(
          "--sysctl",
          "net.sctp.pf_retrans=0",
          "--sysctl",
          "net.sctp.rto_min=200",
          "--sysctl",
          "net.sctp.rto_initial=500",
          "--sysctl",
          "net.sctp.rto_max=1000",
          "--sysctl",
          "net.sctp.hb_interval=1000",
          "--expose-pf",
          "--verbose");

  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) {
    Env.assumeNetns();
    dir = Env.testDir(info);
  }

  @Test
  void ourEchoClientFailsOverToPath2AndTheAssociationSurvives() {
    Examples.assumeSubcommand("echo-client");
    try (Topology t = Topology.create(2);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), B_UDP, A_UDP);
        Proc server =
            MhPeer.server()
                .local(addrB(1), addrB(2))
                .port(Usrsctp.ECHO_PORT)
                .udpPorts(B_UDP, A_UDP)
                .pf(0)
                .rto(200, 500, 1000)
                .hbInterval(1000)
                .progress(50)
                .start(t.b(), dir, "mhpeer-server")) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--remote",
                  addrB(1),
                  "--remote",
                  addrB(2),
                  "--local",
                  addrA(1),
                  "--local",
                  addrA(2),
                  "--port",
                  Integer.toString(Usrsctp.ECHO_PORT),
                  "--remote-udp-port",
                  Integer.toString(B_UDP),
                  "--rate",
                  "50",
                  "--duration",
                  "20",
                  "--size",
                  "200"));
      args.addAll(JSCTP_TUNING);
      try (Proc client = Examples.echoClient(t.a(), dir, "jsctp-echo-client", A_UDP, args)) {
        Failover.Outcome outcome =
            Failover.cutAndHealPrimary(
                t,
                server,
                "progress assoc \\d+ echoed=",
                client,
                addrB(1),
                "PF",
                "POTENTIALLY_FAILED",
                "INACTIVE");
        assertThat(client.awaitExit(Duration.ofSeconds(60))).as(client.tail()).isZero();
        EchoResult r = EchoResult.from(client);
        assertThat(r.complete()).as(r.toString()).isTrue();

        CaptureReport report = cap.stop().assertClean();
        Failover.assertDataMovedToPath2(report, outcome, addrA(1), addrB(1), addrA(2), addrB(2));
        double moved =
            Failover.assertPfFailover(report, outcome, addrA(1), addrB(1), addrA(2), addrB(2));
        Log.record(
            dir,
            "jsctp echo-client fails over (usrsctp mhpeer server): "
                + r
                + "; "
                + outcome
                + "; first retransmission on path 2 "
                + String.format("%.2f", moved)
                + " s after the cut, no new DATA into the dead primary after it; "
                + UdpCounters.describe(t)
                + "; "
                + report.summary());
      }
    }
  }

  @Test
  void usrsctpFailsOverToPath2WithOurServerAndTheAssociationSurvives() {
    Examples.assumeSubcommand("echo-server");
    List<String> args =
        new ArrayList<>(
            List.of(
                "--local",
                addrB(1),
                "--local",
                addrB(2),
                "--port",
                Integer.toString(Usrsctp.ECHO_PORT)));
    args.addAll(JSCTP_TUNING);
    try (Topology t = Topology.create(2);
        Capture cap = Capture.start(t.b(), dir.resolve("capture.pcapng"), B_UDP, A_UDP);
        Proc server = Examples.echoServer(t.b(), dir, "jsctp-echo-server", B_UDP, args);
        Proc client =
            MhPeer.client()
                .local(addrA(1), addrA(2))
                .remote(addrB(1), addrB(2))
                .port(Usrsctp.ECHO_PORT)
                .udpPorts(A_UDP, B_UDP)
                .rate(50, 20)
                .size(200)
                .pf(0)
                .rto(200, 500, 1000)
                .hbInterval(1000)
                .progress(50)
                .start(t.a(), dir, "mhpeer-client")) {
      Failover.Outcome outcome =
          Failover.cutAndHealPrimary(t, client, "progress echoed=", client, addrB(1));
      assertThat(client.awaitExit(Duration.ofSeconds(60))).as(client.tail()).isZero();
      EchoResult r = EchoResult.from(client);
      assertThat(r.complete()).as(r.toString()).isTrue();
      assertThat(server.isAlive()).isTrue();

      CaptureReport report = cap.stop().assertClean();
      Failover.assertDataMovedToPath2(report, outcome, addrA(1), addrB(1), addrA(2), addrB(2));
      double moved =
          Failover.assertPfFailover(report, outcome, addrA(1), addrB(1), addrA(2), addrB(2));
      Log.record(
          dir,
          "usrsctp (mhpeer client) fails over with the jsctp echo-server: "
              + r
              + "; "
              + outcome
              + "; first retransmission on path 2 "
              + String.format("%.2f", moved)
              + " s after the cut, no new DATA into the dead primary after it; "
              + UdpCounters.describe(t)
              + "; "
              + report.summary());
    }
  }
}
