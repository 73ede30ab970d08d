package org.jsctp.path;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.api.PlpmtudState;
import org.junit.jupiter.api.Test;

/**
 * The PLPMTUD state machine and search of RFC 8899 on its own, in numeric time: a path is a
 * number, its MTU, which acknowledges every probe not larger and loses every larger one.
 */
class PlpmtudTest {

  static final long MS = 1_000_000L;
  static final long INTERVAL = 5_000 * MS;

  /** The outcome of a search against a path: where it ended and what it cost. */
  record Search(int plpmtu, PlpmtudState state, long probes, long lost, long nanos) {}

  /** Runs discovery on a path of {@code linkMtu} until it stops probing. */
  static Search search(Plpmtud pl, int linkMtu, long start) {
    long now = start;
    long rtt = 10 * MS;
    int probe = pl.start(now);
    for (int rounds = 0; rounds < 10_000; rounds++) {
      if (probe == 0) {
        return new Search(pl.plpmtu(), pl.state(), pl.probesSent(), pl.probesLost(), now - start);
      }
      pl.probeSent(rounds, now);
      if (probe <= linkMtu) {
        now += rtt;
        probe = pl.onProbeAck(rounds, probe, now);
      } else {
        now = pl.timer().deadline();
        probe = pl.onTimer(now, true);
      }
    }
    throw new AssertionError("the search does not end: " + pl);
  }

  /** 1 + MAX_PROBES * ceil(log2(N + 1)) with N = (max - BASE) / 4 candidate sizes. */
  static int bound(int max) {
    int candidates = (max - max % 4 - Plpmtud.BASE_PLPMTU) / Plpmtud.STEP;
    int sizes = 32 - Integer.numberOfLeadingZeros(candidates);
    return 1 + Plpmtud.MAX_PROBES * sizes;
  }

  @Test
  void theSearchFindsEveryMtuBetweenBaseAnd1500WithinItsBoundOf22Probes() {
    assertThat(bound(1500)).isEqualTo(22);
    for (int mtu = 1200; mtu <= 1600; mtu++) {
      Search s = search(new Plpmtud(1500, INTERVAL), mtu, 0);
      assertThat(s.state()).as("link MTU %d", mtu).isEqualTo(PlpmtudState.SEARCH_COMPLETE);
      assertThat(s.plpmtu()).as("link MTU %d", mtu).isEqualTo(Math.min(1500, mtu - mtu % 4));
      assertThat(s.probes()).as("probes for link MTU %d", mtu).isLessThanOrEqualTo(22);
    }
  }

  @Test
  void theSearchFindsEveryMtuUpTo9000WithinItsBoundOf34Probes() {
    assertThat(bound(9000)).isEqualTo(34);
    for (int mtu = 1200; mtu <= 9000; mtu += 7) {
      Search s = search(new Plpmtud(9000, INTERVAL), mtu, 0);
      assertThat(s.plpmtu()).as("link MTU %d", mtu).isEqualTo(mtu - mtu % 4);
      assertThat(s.probes()).as("probes for link MTU %d", mtu).isLessThanOrEqualTo(34);
    }
  }

  @Test
  void aPathTakingTheMaximumIsFoundWithoutALostProbe() {
    Search s = search(new Plpmtud(1500, INTERVAL), 1500, 0);
    assertThat(s.plpmtu()).isEqualTo(1500);
    assertThat(s.lost()).isZero();
    // BASE, then 1352, 1428, 1464, 1484, 1492, 1496, 1500.
    assertThat(s.probes()).isEqualTo(8);
  }

  @Test
  void startsAtBaseAndReportsTheConfiguredMtuWhileOff() {
    assertThat(new Plpmtud(1500, INTERVAL).plpmtu()).isEqualTo(1200);
    assertThat(new Plpmtud(1500, INTERVAL).state()).isEqualTo(PlpmtudState.BASE);
    Plpmtud off = new Plpmtud(1450, 0);
    assertThat(off.state()).isEqualTo(PlpmtudState.DISABLED);
    assertThat(off.plpmtu()).isEqualTo(1450);
    assertThat(off.start(0)).isZero();
    assertThat(off.timer().isRunning()).isFalse();
  }

  @Test
  void aConfiguredMtuBelowBaseIsTheBase() {
    Plpmtud pl = new Plpmtud(1000, INTERVAL);
    assertThat(pl.plpmtu()).isEqualTo(1000);
    Search s = search(pl, 1500, 0);
    assertThat(s.plpmtu()).isEqualTo(1000);
    assertThat(s.probes()).isEqualTo(1);
  }

  @Test
  void maxProbesLostProbesOfOneSizeMoveTheUpperBoundBelowIt() {
    Plpmtud pl = new Plpmtud(1500, INTERVAL);
    long now = 0;
    assertThat(pl.start(now)).isEqualTo(1200);
    pl.probeSent(1, now);
    assertThat(pl.onProbeAck(1, 1200, now)).isEqualTo(1352);
    for (int i = 0; i < Plpmtud.MAX_PROBES; i++) {
      pl.probeSent(10 + i, now);
      assertThat(pl.timer().deadline()).isEqualTo(now + INTERVAL);
      now = pl.timer().deadline();
      int next = pl.onTimer(now, true);
      assertThat(next).isEqualTo(i < Plpmtud.MAX_PROBES - 1 ? 1352 : 1276);
    }
    assertThat(pl.probesLost()).isEqualTo(3);
    assertThat(pl.plpmtu()).isEqualTo(1200);
    assertThat(pl.state()).isEqualTo(PlpmtudState.SEARCHING);
  }

  @Test
  void aProbeUnansweredWhileThePathCannotBeProbedIsNotCountedAndWaits() {
    Plpmtud pl = new Plpmtud(1500, INTERVAL);
    pl.start(0);
    pl.probeSent(1, 0);
    assertThat(pl.onTimer(INTERVAL, false)).isZero();
    assertThat(pl.probesLost()).isZero();
    assertThat(pl.timer().deadline()).isEqualTo(2 * INTERVAL);
    assertThat(pl.onTimer(2 * INTERVAL, true)).isEqualTo(1200);
  }

  @Test
  void anAckWithAnotherNonceOrSizeChangesNothing() {
    Plpmtud pl = new Plpmtud(1500, INTERVAL);
    pl.start(0);
    pl.probeSent(7, 0);
    assertThat(pl.onProbeAck(8, 1200, 0)).isEqualTo(-1);
    assertThat(pl.onProbeAck(7, 1500, 0)).isEqualTo(-1);
    assertThat(pl.state()).isEqualTo(PlpmtudState.BASE);
    assertThat(pl.onProbeAck(7, 1200, 0)).isEqualTo(1352);
    assertThat(pl.onProbeAck(7, 1200, 0)).as("a duplicate").isEqualTo(-1);
  }

  @Test
  void theRaiseTimerProbesOneStepAboveAndSearchesOnWhenItGetsThrough() {
    Plpmtud pl = new Plpmtud(1500, INTERVAL);
    Search first = search(pl, 1280, 0);
    assertThat(first.plpmtu()).isEqualTo(1280);
    long done = first.nanos();
    assertThat(pl.timer().deadline()).isEqualTo(done + Plpmtud.PMTU_RAISE_TIMER_NANOS);

    long now = pl.timer().deadline();
    assertThat(pl.onTimer(now, true)).isEqualTo(1284);
    pl.probeSent(100, now);
    // The path now takes 1400: the step is confirmed and the search goes on upwards.
    int next = pl.onProbeAck(100, 1284, now);
    assertThat(next).isGreaterThan(1284);
    assertThat(pl.state()).isEqualTo(PlpmtudState.SEARCHING);
  }

  @Test
  void theRaiseProbeFailingEndsTheSearchAgainAtTheSameSize() {
    Plpmtud pl = new Plpmtud(1500, INTERVAL);
    Search first = search(pl, 1280, 0);
    long now = pl.timer().deadline();
    int probe = pl.onTimer(now, true);
    for (int i = 0; i < Plpmtud.MAX_PROBES; i++) {
      assertThat(probe).isEqualTo(1284);
      pl.probeSent(200 + i, now);
      now = pl.timer().deadline();
      probe = pl.onTimer(now, true);
    }
    assertThat(probe).isZero();
    assertThat(pl.state()).isEqualTo(PlpmtudState.SEARCH_COMPLETE);
    assertThat(pl.plpmtu()).isEqualTo(first.plpmtu());
    assertThat(pl.timer().deadline()).isEqualTo(now + Plpmtud.PMTU_RAISE_TIMER_NANOS);
  }

  @Test
  void aRetransmissionTimeoutAfterTheSearchConfirmsThePlpmtuAndABlackHoleFallsBackToBase() {
    Plpmtud pl = new Plpmtud(1500, INTERVAL);
    search(pl, 1500, 0);
    long now = 1_000 * MS;
    assertThat(pl.onRetransmissionTimeout(now)).isEqualTo(1500);
    assertThat(pl.onRetransmissionTimeout(now)).as("one confirmation at a time").isZero();
    int probe = 1500;
    for (int i = 0; i < Plpmtud.MAX_PROBES; i++) {
      assertThat(probe).isEqualTo(1500);
      pl.probeSent(300 + i, now);
      now = pl.timer().deadline();
      probe = pl.onTimer(now, true);
    }
    assertThat(pl.blackHoles()).isEqualTo(1);
    assertThat(pl.state()).isEqualTo(PlpmtudState.BASE);
    assertThat(pl.plpmtu()).isEqualTo(1200);
    assertThat(probe).isEqualTo(1200);
  }

  @Test
  void aConfirmedPlpmtuAfterARetransmissionTimeoutStaysAndTheSearchGoesOn() {
    Plpmtud pl = new Plpmtud(1500, INTERVAL);
    pl.start(0);
    pl.probeSent(1, 0);
    assertThat(pl.onProbeAck(1, 1200, 0)).isEqualTo(1352);
    pl.probeSent(2, 0);
    assertThat(pl.onProbeAck(2, 1352, 0)).isEqualTo(1428);
    pl.probeSent(3, 0);
    assertThat(pl.onRetransmissionTimeout(0)).isEqualTo(1352);
    pl.probeSent(4, 0);
    assertThat(pl.onProbeAck(3, 1428, 0)).as("the interrupted probe").isEqualTo(-1);
    assertThat(pl.onProbeAck(4, 1352, 0)).isEqualTo(1428);
    assertThat(pl.plpmtu()).isEqualTo(1352);
    assertThat(pl.blackHoles()).isZero();
  }

  @Test
  void evenBaseFailingIsErrorWhichProbesBaseEveryIntervalAndLeavesOnAnAck() {
    Plpmtud pl = new Plpmtud(1500, INTERVAL);
    long now = 0;
    int probe = pl.start(now);
    for (int i = 0; i < Plpmtud.MAX_PROBES; i++) {
      assertThat(probe).isEqualTo(1200);
      pl.probeSent(i, now);
      now = pl.timer().deadline();
      probe = pl.onTimer(now, true);
    }
    assertThat(probe).isZero();
    assertThat(pl.state()).isEqualTo(PlpmtudState.ERROR);
    assertThat(pl.allowsFragmentation()).isTrue();
    assertThat(pl.plpmtu()).isEqualTo(1200);
    assertThat(pl.timer().deadline()).isEqualTo(now + INTERVAL);
    now = pl.timer().deadline();
    assertThat(pl.onTimer(now, true)).isEqualTo(1200);
    pl.probeSent(50, now);
    assertThat(pl.onProbeAck(50, 1200, now)).isEqualTo(1352);
    assertThat(pl.state()).isEqualTo(PlpmtudState.SEARCHING);
    assertThat(pl.allowsFragmentation()).isFalse();
  }

  @Test
  void turningItOffRestoresTheConfiguredMtuAndOnAgainStartsAtBase() {
    Plpmtud pl = new Plpmtud(1500, INTERVAL);
    search(pl, 1400, 0);
    assertThat(pl.plpmtu()).isEqualTo(1400);
    assertThat(pl.setInterval(0)).isFalse();
    assertThat(pl.state()).isEqualTo(PlpmtudState.DISABLED);
    assertThat(pl.plpmtu()).isEqualTo(1500);
    assertThat(pl.timer().isRunning()).isFalse();
    assertThat(pl.setInterval(INTERVAL)).isTrue();
    assertThat(pl.state()).isEqualTo(PlpmtudState.BASE);
    assertThat(pl.plpmtu()).isEqualTo(1200);
  }

  @Test
  void aNewMaximumStartsTheDiscoveryOverUnderIt() {
    Plpmtud pl = new Plpmtud(1500, INTERVAL);
    search(pl, 1500, 0);
    assertThat(pl.setConfiguredMtu(1400)).isTrue();
    assertThat(pl.plpmtu()).isEqualTo(1200);
    Search s = search(pl, 1500, 0);
    assertThat(s.plpmtu()).isEqualTo(1400);
  }
}
