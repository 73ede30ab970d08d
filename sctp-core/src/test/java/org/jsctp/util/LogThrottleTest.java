package org.jsctp.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A log line a peer can cause is written at most once per interval, with the count of the others. */
class LogThrottleTest {

  static final long S = 1_000_000_000L;

  @Test
  void writesTheFirstLineAndCountsTheOthersUntilTheIntervalIsOver() {
    LogThrottle throttle = new LogThrottle(60 * S);
    long t = 5 * S;
    assertThat(throttle.allow(t)).isTrue();
    assertThat(throttle.takeSuppressed()).isZero();
    for (int i = 1; i <= 1000; i++) {
      assertThat(throttle.allow(t + i * 10_000_000L)).isFalse();
    }
    assertThat(throttle.allow(t + 60 * S)).isTrue();
    assertThat(throttle.takeSuppressed()).isEqualTo(1000);
    assertThat(throttle.takeSuppressed()).isZero();
  }

  @Test
  void theFirstLineIsWrittenWhateverTheTime() {
    assertThat(new LogThrottle(60 * S).allow(Long.MIN_VALUE + 1)).isTrue();
  }
}
