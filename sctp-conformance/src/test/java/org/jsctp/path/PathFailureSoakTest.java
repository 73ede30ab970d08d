package org.jsctp.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import org.jsctp.api.AssociationChange;
import org.jsctp.config.StackConfig;
import org.jsctp.testkit.sim.LinkProfile;
import org.jsctp.testkit.sim.SeedSoak;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.MultihomedPair;
import org.jsctp.testkit.Workload;
import org.junit.jupiter.api.Test;

/**
 * Random silent failures and heals of paths while messages flow both ways, over many seeds:
 * at every moment at least one path works. No message is lost or duplicated, order holds per
 * stream, and the association survives. 100 seeds by default ({@code -Dsim.soak.count}).
 */
class PathFailureSoakTest {

  @Test
  void noMessageIsLostOrDuplicatedAndTheAssociationSurvivesWhileOnePathWorks() {
    SeedSoak.run(SeedSoak.count(100), this::scenario);
  }

  private void scenario(Simulator sim) {
    RandomGenerator r = sim.random("scenario");
    int paths = 2 + r.nextInt(2);
    sim.defaultProfile(LinkProfile.DEFAULT.withLatency(SimTime.millis(2 + r.nextInt(30)))
        .withJitter(SimTime.millis(r.nextInt(5))).withLoss(r.nextDouble() * 0.02));
    StackConfig config = StackConfig.builder().pfRetrans(r.nextInt(3))
        .set(org.jsctp.config.Sysctl.RTO_MIN, 200).set(org.jsctp.config.Sysctl.RTO_INITIAL, 500)
        .hbIntervalMillis(2000).associationMaxRetrans(10 * paths).build();
    MultihomedPair pair = new MultihomedPair(sim, config, config, paths);
    boolean[] down = new boolean[paths];
    long t = sim.now();
    for (int i = 0; i < 12; i++) {
      t += SimTime.millis(500 + r.nextInt(4000));
      int p = r.nextInt(paths);
      boolean cut = !down[p];
      int upCount = 0;
      for (boolean d : down) {
        upCount += d ? 0 : 1;
      }
      if (cut && upCount == 1) {
        continue;
      }
      down[p] = cut;
      int path = p + 1;
      sim.at(t, (cut ? "cut " : "heal ") + path, () -> pair.blackhole(path, cut));
    }
    for (int p = 0; p < paths; p++) {
      if (down[p]) {
        int path = p + 1;
        sim.at(t + SimTime.seconds(1), "heal " + path, () -> pair.blackhole(path, false));
      }
    }
    Workload up = new Workload(sim.random("up"), 40, 64 * 1024, 4, 0.3);
    Workload down2 = new Workload(sim.random("down"), 40, 64 * 1024, 4, 0.3);
    long limit = sim.now() + SimTime.seconds(900);
    while (!(up.complete(pair.server.received(pair.b.id())) && down2.complete(pair.client.received(pair.a.id())))) {
      up.pump(pair.client, pair.a, sim.now());
      down2.pump(pair.server, pair.b, sim.now());
      sim.runFor(SimTime.millis(50));
      assertThat(pair.client.hasEvent(AssociationChange.Kind.COMM_LOST)
          || pair.server.hasEvent(AssociationChange.Kind.COMM_LOST)).as("association lost").isFalse();
      assertThat(sim.now()).isLessThan(limit);
    }
    up.verify(pair.server.received(pair.b.id()));
    down2.verify(pair.client.received(pair.a.id()));
  }
}
