package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerBudgetTest {

  static final long MS = 1_000_000L;

  private static int taken(AnswerBudget budget, long now, int tries) {
    int n = 0;
    for (int i = 0; i < tries; i++) {
      if (budget.take(now)) {
        n++;
      }
    }
    return n;
  }

  @Test
  void allowsABurstOfOneSecondsWorthThenRefillsWithTime() {
    AnswerBudget budget = new AnswerBudget(100);
    assertThat(taken(budget, 5_000 * MS, 150)).isEqualTo(100);
    assertThat(taken(budget, 5_000 * MS + 100 * MS, 50)).isEqualTo(10);
    assertThat(taken(budget, 60_000 * MS, 500)).isEqualTo(100);
  }

  @Test
  void ignoresTimeGoingBackwards() {
    AnswerBudget budget = new AnswerBudget(10);
    assertThat(taken(budget, 1_000 * MS, 10)).isEqualTo(10);
    assertThat(taken(budget, 0, 10)).isZero();
    assertThat(taken(budget, 1_000 * MS + 200 * MS, 10)).isEqualTo(2);
  }
}
