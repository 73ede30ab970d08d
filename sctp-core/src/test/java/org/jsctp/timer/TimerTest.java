package org.jsctp.timer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimerTest {

  @Test
  void aStartedTimerIsDueAtItsDeadlineAndNotBefore() {
    Timer t = new Timer(TimerKind.T3_RTX);
    t.start(1_000, 500);
    assertThat(t.deadline()).isEqualTo(1_500);
    assertThat(t.isDue(1_499)).isFalse();
    assertThat(t.isDue(1_500)).isTrue();
  }

  @Test
  void startIfStoppedKeepsARunningDeadline() {
    Timer t = new Timer(TimerKind.T3_RTX);
    t.start(0, 100);
    t.startIfStopped(50, 100);
    assertThat(t.deadline()).isEqualTo(100);
  }

  @Test
  void expiriesAreCountedUntilCleared() {
    Timer t = new Timer(TimerKind.T1);
    t.start(0, 10);
    assertThat(t.expire()).isEqualTo(1);
    assertThat(t.isRunning()).isFalse();
    t.start(10, 20);
    assertThat(t.expire()).isEqualTo(2);
    t.reset();
    assertThat(t.expirations()).isZero();
  }

  @Test
  void aHugeDurationSaturatesInsteadOfWrappingIntoThePast() {
    Timer t = new Timer(TimerKind.HEARTBEAT);
    t.start(Long.MAX_VALUE - 10, 1_000);
    assertThat(t.isRunning()).isTrue();
    assertThat(t.isDue(Long.MAX_VALUE - 5)).isFalse();
  }
}
