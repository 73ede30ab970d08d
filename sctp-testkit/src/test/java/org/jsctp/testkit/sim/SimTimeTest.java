package org.jsctp.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimTimeTest {

  @Test
  void virtualTimeStartsAtAnOriginThatIsNotZero() {
    assertThat(SimTime.ORIGIN).isNotZero();
    assertThat(Simulator.withSeed(1).now()).isEqualTo(SimTime.ORIGIN);
  }

  @Test
  void formatsVirtualTimeAsSecondsSinceTheOrigin() {
    assertThat(SimTime.format(SimTime.ORIGIN + SimTime.millis(1250))).isEqualTo("+1.250000000s");
    assertThat(SimTime.format(SimTime.ORIGIN - 1)).isEqualTo("-0.000000001s");
    assertThat(SimTime.formatDuration(SimTime.micros(3))).isEqualTo("0.000003000s");
  }

  @Test
  void convertsUnits() {
    assertThat(SimTime.seconds(2)).isEqualTo(2_000_000_000L);
    assertThat(SimTime.of(Duration.ofMillis(7))).isEqualTo(SimTime.millis(7));
    assertThat(SimTime.fromOrigin(5)).isEqualTo(SimTime.ORIGIN + 5);
  }
}
