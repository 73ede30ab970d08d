package org.jsctp.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SeedSoakTest {

  private final String savedSeed = System.getProperty(SimSeed.PROPERTY);
  private final String savedBase = System.getProperty(SeedSoak.BASE_PROPERTY);
  private final String savedCount = System.getProperty(SeedSoak.COUNT_PROPERTY);

  @AfterEach
  void restoreProperties() {
    restore(SimSeed.PROPERTY, savedSeed);
    restore(SeedSoak.BASE_PROPERTY, savedBase);
    restore(SeedSoak.COUNT_PROPERTY, savedCount);
  }

  @Test
  void runsEachDerivedSeedOnceInAFreshSimulator() {
    System.clearProperty(SimSeed.PROPERTY);
    System.setProperty(SeedSoak.BASE_PROPERTY, "5");
    List<Long> seen = new ArrayList<>();
    List<Simulator> simulators = new ArrayList<>();

    SeedSoak.run(8, sim -> {
      seen.add(sim.seed());
      simulators.add(sim);
    });

    assertThat(seen).isEqualTo(SeedSoak.seeds(5, 8)).doesNotHaveDuplicates();
    assertThat(new HashSet<>(simulators)).hasSize(8);
  }

  @Test
  void stopsAtTheFirstFailingSeedAndReportsIt() {
    System.clearProperty(SimSeed.PROPERTY);
    System.setProperty(SeedSoak.BASE_PROPERTY, "5");
    List<Long> seeds = SeedSoak.seeds(5, 10);
    List<Long> seen = new ArrayList<>();

    assertThatThrownBy(() -> SeedSoak.run(10, sim -> {
      seen.add(sim.seed());
      if (sim.seed() == seeds.get(3) || sim.seed() == seeds.get(6)) {
        throw new AssertionError("broken invariant");
      }
    }))
        .isInstanceOf(SoakFailure.class)
        .hasMessageContaining("seed " + seeds.get(3) + " on run 4 of 10")
        .hasMessageContaining("broken invariant")
        .hasMessageContaining("-Dsim.seed=" + seeds.get(3))
        .satisfies(f -> assertThat(((SoakFailure) f).seed()).isEqualTo(seeds.get(3)));
    assertThat(seen).hasSize(4);
  }

  @Test
  void withAFixedSeedOnlyThatSeedRuns() {
    System.setProperty(SimSeed.PROPERTY, "0x10");
    List<Long> seen = new ArrayList<>();

    SeedSoak.run(50, sim -> seen.add(sim.seed()));

    assertThat(seen).containsExactly(16L);
  }

  @Test
  void theCountComesFromTheSystemPropertyWithADefault() {
    System.clearProperty(SeedSoak.COUNT_PROPERTY);
    assertThat(SeedSoak.count()).isEqualTo(SeedSoak.DEFAULT_COUNT);
    System.setProperty(SeedSoak.COUNT_PROPERTY, "500");
    assertThat(SeedSoak.count()).isEqualTo(500);
  }

  @Test
  void aBadSeedPropertyIsRejectedWithItsName() {
    System.setProperty(SimSeed.PROPERTY, "twelve");
    assertThatThrownBy(SimSeed::resolve).hasMessageContaining("-Dsim.seed is not a number: twelve");
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
