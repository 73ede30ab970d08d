package org.jsctp.path;

import org.jsctp.api.PathState;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.config.StackConfig;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.sim.SimulatorExtension;
import org.jsctp.testkit.MultihomedPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class FailoverSmokeTest {

  @Test
  void movesNewDataToTheAlternatePathWhenThePrimaryIsBlackholed(Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, StackConfig.defaults(), StackConfig.defaults(), 2);
    assertThat(pair.clientPathState(1)).isEqualTo(PathState.ACTIVE);
    assertThat(pair.clientPathState(2)).isEqualTo(PathState.ACTIVE);
    pair.blackhole(1, true);
    for (int i = 0; i < 20; i++) {
      pair.client.send(sim.now(), pair.a, 0, new byte[100], false);
      sim.runFor(SimTime.millis(200));
    }
    sim.runUntil("all delivered", () -> pair.server.received(pair.b.id()).size() == 20, SimTime.seconds(30));
    assertThat(pair.clientPathState(1)).isEqualTo(PathState.POTENTIALLY_FAILED);
  }
}
