package org.jsctp.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.testkit.StandbyLink;
import org.jsctp.testkit.sim.LinkProfile;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.wire.Bytes;
import org.junit.jupiter.api.Test;

/**
 * What an echo waits for in SYNC mode (docs/ha.md), in virtual time: the network, the standby's
 * acknowledgements and the application, never a timer. The peer streams small numbered requests
 * as {@code ha-demo} does (paced, a window of unanswered ones, Nagle on at both ends as by
 * default); the active echoes each with a reply that confirms it.
 */
class SyncEchoLatencyTest {

  static final InetAddress SERVER = SimAddresses.v4("10.0.0.1");
  static final InetAddress PEER = SimAddresses.v4("10.0.0.2");

  static final long LATENCY = SimTime.millis(1);
  static final long STANDBY_LATENCY = SimTime.micros(100);
  static final long REPLY_TIME = SimTime.micros(50);
  static final long PACE = SimTime.millis(2);
  static final int WINDOW = 32;
  static final int REQUESTS = 400;
  /** Echoes judged: the peer is still sending when they arrive (the last ones may wait for Nagle). */
  static final int JUDGED = 300;

  /**
   * One exchange: the request's flight, its record to the standby and back, the reply, the
   * reply's record to the standby and back, the reply's flight.
   */
  static final long EXCHANGE = 2 * LATENCY + 4 * STANDBY_LATENCY + REPLY_TIME;

  private static StackConfig config(int haMode) {
    return StackConfig.builder().set(Sysctl.RTO_MIN, 100).set(Sysctl.RTO_INITIAL, 300)
        .set(Sysctl.RTO_MAX, 1000).set(Sysctl.PLPMTUD_PROBE_INTERVAL, 0)
        .set(Sysctl.HA_MODE, haMode).build();
  }

  @Test
  void pipelinedEchoesWaitForTheNetworkAndTheStandbyNeverForATimer() {
    Simulator sim = Simulator.withSeed(13);
    sim.defaultProfile(LinkProfile.DEFAULT.withLatency(LATENCY));
    SimEndpoint peer = new SimEndpoint(config(0), sim.random("peer"), 9899, PEER);
    SimEndpoint active = new SimEndpoint(config(HaMode.SYNC.sysctlValue()), sim.random("active"),
        9899, SERVER);
    active.endpoint().listen(true);
    StandbyLink link = new StandbyLink(sim, active, STANDBY_LATENCY);
    sim.attach("peer", peer);
    sim.attach("active", active);
    SctpAssociation a = peer.connect(sim.now(), 9899, SERVER);
    sim.runUntil("up", () -> active.firstAssociation() != null
        && peer.hasEvent(AssociationChange.Kind.COMM_UP), SimTime.seconds(10));
    SctpAssociation b = active.firstAssociation();
    active.onEvent(e -> {
      if (e instanceof MessageReceived m) {
        sim.after(REPLY_TIME, "reply to " + number(m), () -> b.send(sim.now(),
            new OutgoingMessage(m.streamId(), 0, false, false, m.data(), 0, Long.MAX_VALUE), m));
      }
    });
    sim.runFor(SimTime.millis(500));
    long[] t3Before = {expiries(peer, MibCounter.SCTP_T3_RTX_EXPIREDS),
        expiries(active, MibCounter.SCTP_T3_RTX_EXPIREDS)};
    long recordsBefore = link.records();

    RequestStream requests = new RequestStream(sim, peer, a);
    sim.runUntil("judged echoes", () -> requests.roundTrips.size() >= JUDGED, SimTime.seconds(30));

    List<Long> judged = requests.roundTrips.subList(0, JUDGED);
    assertThat(requests.sent).as("the peer is still sending").isLessThan(REQUESTS);
    assertThat(link.records() - recordsBefore).as("replication ran").isPositive();
    assertThat(expiries(peer, MibCounter.SCTP_T3_RTX_EXPIREDS)).as("retransmission timeouts at"
        + " the peer").isEqualTo(t3Before[0]);
    assertThat(expiries(active, MibCounter.SCTP_T3_RTX_EXPIREDS)).as("retransmission timeouts at"
        + " the active").isEqualTo(t3Before[1]);
    assertThat(expiries(peer, MibCounter.SCTP_DELAY_SACK_EXPIREDS)
        + expiries(active, MibCounter.SCTP_DELAY_SACK_EXPIREDS))
        .as("delayed SACKs sent by their timer").isZero();
    // The exchange itself, plus Nagle at each end (SCTP_NODELAY off, as by default): a small
    // message may wait until the one before it is acknowledged, which the next exchange brings.
    assertThat(judged).as("round trips (ns) within three exchanges of %d ns", EXCHANGE)
        .allSatisfy(rtt -> assertThat(rtt).isBetween(EXCHANGE, 3 * EXCHANGE));
  }

  private static long expiries(SimEndpoint e, MibCounter counter) {
    return e.endpoint().counters().get(counter);
  }

  private static int number(MessageReceived m) {
    return (m.data().get(0) << 8) | m.data().get(1);
  }

  /**
   * The peer's application: a numbered request every {@link #PACE}, at most {@link #WINDOW}
   * unanswered, each echo's round trip noted in the order they arrive.
   */
  private static final class RequestStream {
    final Simulator sim;
    final SctpAssociation a;
    final long[] sentAt = new long[REQUESTS];
    final List<Long> roundTrips = new ArrayList<>();
    int sent;
    int unanswered;
    boolean waitingForWindow;

    RequestStream(Simulator sim, SimEndpoint peer, SctpAssociation a) {
      this.sim = sim;
      this.a = a;
      peer.onEvent(e -> {
        if (e instanceof MessageReceived m) {
          roundTrips.add(sim.now() - sentAt[number(m)]);
          unanswered--;
          if (waitingForWindow) {
            waitingForWindow = false;
            sim.after(0, "window open", this::next);
          }
        }
      });
      sim.after(0, "first request", this::next);
    }

    void next() {
      if (sent == REQUESTS) {
        return;
      }
      if (unanswered == WINDOW) {
        waitingForWindow = true;
        return;
      }
      int n = sent++;
      unanswered++;
      sentAt[n] = sim.now();
      a.send(sim.now(), new OutgoingMessage(n % 4, 0, false, false,
          Bytes.wrap(new byte[] {(byte) (n >> 8), (byte) n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
          0, Long.MAX_VALUE));
      sim.after(PACE, "request " + (n + 1), this::next);
    }
  }
}
