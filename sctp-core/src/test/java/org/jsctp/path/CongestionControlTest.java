package org.jsctp.path;

import org.jsctp.api.PathState;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CongestionControlTest {

  private static final int PMDCS = 1444;

  @Test
  void initialCwndIs4404BytesOnIpv4WithA1500ByteMtu() {
    assertThat(new CongestionControl(PMDCS, false, 100_000).cwnd()).isEqualTo(4404);
    assertThat(new CongestionControl(PMDCS, true, 100_000).cwnd()).isEqualTo(4344);
  }

  @Test
  void initialCwndIsAtMostFourChunksOnSmallPaths() {
    assertThat(new CongestionControl(500, false, 100_000).cwnd()).isEqualTo(2000);
  }

  @Test
  void slowStartGrowsByAtMostOnePmdcsPerSackWhenTheWindowWasFull() {
    CongestionControl cc = new CongestionControl(PMDCS, false, 100_000);
    cc.onAcked(3 * 1460, 4404, false, false);
    assertThat(cc.cwnd()).isEqualTo(4404 + PMDCS);
  }

  @Test
  void slowStartDoesNotGrowAnUnderusedWindow() {
    CongestionControl cc = new CongestionControl(PMDCS, false, 100_000);
    cc.onAcked(1460, 1460, false, false);
    assertThat(cc.cwnd()).isEqualTo(4404);
  }

  @Test
  void slowStartDoesNotGrowDuringFastRecovery() {
    CongestionControl cc = new CongestionControl(PMDCS, false, 100_000);
    cc.onAcked(1460, 4404, true, false);
    assertThat(cc.cwnd()).isEqualTo(4404);
  }

  @Test
  void congestionAvoidanceAddsOnePmdcsPerWindowOfAckedBytes() {
    CongestionControl cc = new CongestionControl(PMDCS, false, 1000);
    long cwnd = cc.cwnd();
    cc.onAcked(cwnd - 1, cwnd, false, false);
    assertThat(cc.cwnd()).isEqualTo(cwnd);
    assertThat(cc.partialBytesAcked()).isEqualTo(cwnd - 1);
    cc.onAcked(10, cwnd, false, false);
    assertThat(cc.cwnd()).isEqualTo(cwnd + PMDCS);
    assertThat(cc.partialBytesAcked()).isEqualTo(9);
  }

  @Test
  void partialBytesAckedResetsWhenEverythingIsAcked() {
    CongestionControl cc = new CongestionControl(PMDCS, false, 1000);
    cc.onAcked(100, cc.cwnd(), false, true);
    assertThat(cc.partialBytesAcked()).isZero();
  }

  @Test
  void fastRetransmitHalvesCwndIntoSsthreshWithAFloorOfFourPmdcs() {
    CongestionControl cc = new CongestionControl(PMDCS, false, 1_000_000);
    for (int i = 0; i < 20; i++) {
      cc.onAcked(PMDCS, cc.cwnd(), false, false);
    }
    long before = cc.cwnd();
    cc.onFastRetransmit();
    assertThat(cc.ssthresh()).isEqualTo(Math.max(before / 2, 4L * PMDCS));
    assertThat(cc.cwnd()).isEqualTo(cc.ssthresh());
  }

  @Test
  void retransmissionTimeoutCollapsesCwndToOnePmdcs() {
    CongestionControl cc = new CongestionControl(PMDCS, false, 1_000_000);
    cc.onRetransmissionTimeout();
    assertThat(cc.cwnd()).isEqualTo(PMDCS);
    assertThat(cc.ssthresh()).isEqualTo(4L * PMDCS);
  }

  @Test
  void idleRtosHalveCwndDownToFourPmdcs() {
    CongestionControl cc = new CongestionControl(PMDCS, false, 1_000_000);
    for (int i = 0; i < 40; i++) {
      cc.onAcked(PMDCS, cc.cwnd(), false, false);
    }
    long before = cc.cwnd();
    cc.onIdleRto(true);
    assertThat(cc.ssthresh()).isEqualTo(before);
    assertThat(cc.cwnd()).isEqualTo(Math.max(before / 2, 4L * PMDCS));
    for (int i = 0; i < 10; i++) {
      cc.onIdleRto(false);
    }
    assertThat(cc.cwnd()).isEqualTo(4L * PMDCS);
  }

  @Test
  void sendingIsAllowedUntilCwndPlusPmdcsMinusOneIsOutstanding() {
    CongestionControl cc = new CongestionControl(PMDCS, false, 100_000);
    assertThat(cc.allowsSending(4404 + PMDCS - 2)).isTrue();
    assertThat(cc.allowsSending(4404 + PMDCS - 1)).isFalse();
  }

  @Test
  void aPathIdleForThreeRtosHalvesItsCwndThreeTimesBeforeSendingAgain() {
    Path p = PathStateMachineTest.path(0, org.jsctp.TestAddresses.v4("10.0.0.2"), PathState.ACTIVE,
        new PathThresholds(5, 0, true));
    CongestionControl cc = p.congestion();
    for (int i = 0; i < 40; i++) {
      cc.onAcked(PMDCS, cc.cwnd(), false, false);
    }
    long big = cc.cwnd();
    p.dataSent(0);
    long rto = p.rto().rto();
    p.decayIdleWindow(rto - 1);
    assertThat(cc.cwnd()).isEqualTo(big);
    p.decayIdleWindow(3 * rto);
    assertThat(cc.cwnd()).isEqualTo(Math.max(big / 8, 4L * PMDCS));
    p.decayIdleWindow(3 * rto + 1);
    assertThat(cc.cwnd()).as("each RTO counts once").isEqualTo(Math.max(big / 8, 4L * PMDCS));
  }
}
