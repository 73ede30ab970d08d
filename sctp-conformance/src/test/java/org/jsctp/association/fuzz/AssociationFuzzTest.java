package org.jsctp.association.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Iterator;
import java.util.List;

/**
 * Stateful fuzzing of an association (Jazzer): the fuzzer's bytes become a {@link Setup} and a
 * sequence of {@link FuzzAction}s (packets from the peer with the right tags, collisions and
 * restarts, application calls, timer expiries in virtual time) that {@link FuzzDriver} plays
 * against an endpoint; after each step {@link AssociationInvariants} must hold, and a run that
 * ends established is settled by a well-behaved peer and must have lost nothing.
 *
 * <p>Plain {@code mvn verify} runs the seeds and earlier findings in {@code
 * AssociationFuzzTestInputs/<method>/} as regression tests; with {@code JAZZER_FUZZ=1} it fuzzes
 * for real (see docs/testing.md, "Fuzzing the association"). {@code FUZZ_TRACE=1} prints every
 * action, packet and event of a run.
 */
class AssociationFuzzTest {

  /** Steps per run at most; a longer input is cut there. */
  static final int MAX_STEPS = 300;

  static {
    if (System.getenv("JAZZER_FUZZ") != null) {
      // Millions of runs: only errors (an internal error is a finding) reach the log.
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    }
  }

  @FuzzTest(maxDuration = "10m")
  void associationInvariantsHoldWhateverThePeerAndTheApplicationDo(FuzzedDataProvider data) {
    run(Choices.of(data));
  }

  /** Plays the run {@code choices} describe; throws AssertionError when an invariant breaks. */
  static void run(Choices choices) {
    FuzzActionDecoder decoder = new FuzzActionDecoder(choices);
    Setup setup = decoder.setup();
    play(setup, new Iterator<>() {
      @Override
      public boolean hasNext() {
        return decoder.hasMore();
      }

      @Override
      public FuzzAction next() {
        return decoder.next();
      }
    });
  }

  /** Plays {@code actions} after {@code setup}; throws AssertionError when an invariant breaks. */
  static void play(Setup setup, List<FuzzAction> actions) {
    play(setup, actions.iterator());
  }

  private static void play(Setup setup, Iterator<FuzzAction> actions) {
    FuzzDriver driver = new FuzzDriver(setup);
    driver.establish();
    AssociationInvariants.checkAfterStep(driver);
    for (int step = 0; step < MAX_STEPS && actions.hasNext(); step++) {
      driver.perform(actions.next());
      AssociationInvariants.checkAfterStep(driver);
    }
    driver.settle();
    AssociationInvariants.checkAfterStep(driver);
  }
}
