package org.jsctp.path;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtoEstimatorTest {

  private static final long MS = 1_000_000L;

  private RtoEstimator estimator() {
    return new RtoEstimator(1000 * MS, 100 * MS, 60_000 * MS, 3, 2);
  }

  @Test
  void startsAtRtoInitialBeforeAnyMeasurement() {
    assertThat(estimator().rto()).isEqualTo(1000 * MS);
  }

  @Test
  void firstMeasurementSetsSrttAndHalfOfItAsRttvar() {
    RtoEstimator e = estimator();
    e.addSample(200 * MS);
    assertThat(e.srtt()).isEqualTo(200 * MS);
    assertThat(e.rttvar()).isEqualTo(100 * MS);
    assertThat(e.rto()).isEqualTo(600 * MS);
  }

  @Test
  void laterMeasurementsUpdateRttvarWithTheOldSrtt() {
    RtoEstimator e = estimator();
    e.addSample(200 * MS);
    e.addSample(400 * MS);
    // RTTVAR = 3/4 * 100 + 1/4 * |200 - 400| = 125; SRTT = 7/8 * 200 + 1/8 * 400 = 225
    assertThat(e.rttvar()).isEqualTo(125 * MS);
    assertThat(e.srtt()).isEqualTo(225 * MS);
    assertThat(e.rto()).isEqualTo(725 * MS);
  }

  @Test
  void rtoIsClampedToRtoMin() {
    RtoEstimator e = estimator();
    e.addSample(1 * MS);
    assertThat(e.rto()).isEqualTo(100 * MS);
  }

  @Test
  void zeroRttvarFallsBackToClockGranularity() {
    RtoEstimator e = new RtoEstimator(10 * MS, 1, 60_000 * MS, 3, 2);
    for (int i = 0; i < 200; i++) {
      e.addSample(50 * MS);
    }
    assertThat(e.rttvar()).isLessThan(RtoEstimator.GRANULARITY_NANOS / 4);
    assertThat(e.rto()).isEqualTo(e.srtt() + RtoEstimator.GRANULARITY_NANOS);
  }

  @Test
  void backoffDoublesUpToRtoMaxAndNeverOverflows() {
    RtoEstimator e = estimator();
    e.backoff();
    assertThat(e.rto()).isEqualTo(2000 * MS);
    for (int i = 0; i < 100; i++) {
      e.backoff();
    }
    assertThat(e.rto()).isEqualTo(60_000 * MS);
  }

  @Test
  void aNewMeasurementUndoesTheBackoff() {
    RtoEstimator e = estimator();
    e.addSample(200 * MS);
    e.backoff();
    e.backoff();
    assertThat(e.rto()).isEqualTo(2400 * MS);
    e.addSample(200 * MS);
    assertThat(e.rto()).isLessThan(1000 * MS);
  }
}
