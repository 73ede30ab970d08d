package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The chaos soak: a jsctp client (its own JVM, {@link ChaosClient}, Netty's leak detector at
 * PARANOID) keeps a multihomed association over two veth paths to an echo peer, first jsctp's
 * echo-server, then usrsctp's mhpeer, while a seeded schedule ({@link ChaosPlan}) injects random
 * loss, reordering and duplication, blackholes and link flaps of one path, outages of both paths
 * and restarts of the peer's process ({@link FaultRunner} says what each must leave behind).
 *
 * <p>At the end: every message the client sent was echoed exactly once, intact and in order, or
 * came back in a SendFailedNotification, or belonged to an association whose end the client was
 * told about ({@link MessageLedger}); associations ended only where a fault had to end them; no
 * association, endpoint, stack thread or ByteBuf is left; the heap in use after a full collection
 * is printed at the start, after each phase and at the end.
 *
 * <p>{@code -Dchaos.minutes=M} (default 2) sets the length, {@code -Dchaos.seed=N} replays a
 * schedule ({@code random}: a fresh one); for runs beyond about 12 minutes raise the failsafe
 * safety net too, {@code -Dinterop.forkTimeout=SECONDS}.
 */
class ChaosSoakIT {

  static final long DEFAULT_SEED = 20261121L;
  static final int RATE = 100;
  static final int WINDOW = 32;
  static final long HEAP_GROWTH_LIMIT_KB = 16 * 1024;
  static final int HEAP_EVERY = 20;

  private Path dir;

  @BeforeEach
  void setUp(TestInfo info) {
    Env.assumeNetns();
    Examples.assumeSubcommand("echo-server");
    dir = Env.testDir(info);
  }

  @Test
  void everyMessageIsEchoedReturnedOrEndsWithAReportedAssociationUnderChaos() throws Exception {
    ChaosPlan plan =
        ChaosPlan.of(seed(), Double.parseDouble(System.getProperty("chaos.minutes", "2")));
    System.out.print(plan.describe());
    write(dir.resolve("schedule.txt"), plan.describe());
    int lifetime = (int) (plan.minutes() * 60 * 3) + 600;
    Map<String, Long> heap = new LinkedHashMap<>();
    long started = System.nanoTime();
    ChaosReport report;
    FaultRunner runner;
    int restarts = 0;
    int played = 0;
    long warnings;
    try (Topology t = Topology.create(2)) {
      ChaosPeer peer = ChaosPeer.start(plan.phases().get(0).peer(), t, dir, lifetime);
      try (ChaosDriver driver = ChaosDriver.start(t.a(), dir, plan.seed(), RATE, WINDOW)) {
        runner = new FaultRunner(t, driver);
        driver.awaitUp(0, FaultRunner.STEP);
        // Warm: classes loaded, code compiled, buffer pools filled, before the first measurement.
        driver.awaitEchoes(5 * FaultRunner.ECHOES, FaultRunner.STEP);
        heap.put("start", driver.heap("start"));
        for (int i = 0; i < plan.phases().size(); i++) {
          ChaosPlan.Phase phase = plan.phases().get(i);
          if (i > 0) {
            // The old peer dies with its association; the client must find the new one.
            int mark = runner.interval("the change to the " + phase.peer() + " peer", true);
            restarts += peer.restarts();
            peer.close();
            peer = ChaosPeer.start(phase.peer(), t, dir, lifetime);
            driver.awaitEnd(mark, FaultRunner.STEP);
            driver.awaitEchoes(FaultRunner.ECHOES, FaultRunner.STEP);
          }
          for (Fault f : phase.faults()) {
            runner.run(f, peer);
            if (++played % HEAP_EVERY == 0) {
              heap.put("after-" + played + "-faults", driver.heap("after-" + played + "-faults"));
            }
          }
          peer.assertAlive();
          String label = "after-" + phase.peer().name().toLowerCase(Locale.ROOT);
          heap.put(label, driver.heap(label));
        }
        restarts += peer.restarts();
        runner.interval("the end of the run", true);
        report = driver.stop(Duration.ofMinutes(3));
        warnings = driver.warnings();
        assertThat(report.get("violations")).as(driver.problems()).isZero();
        assertThat(report.get("leaks")).as("ByteBuf leaks\n" + driver.problems()).isZero();
      } finally {
        peer.close();
      }
    }
    double minutes = (System.nanoTime() - started) / 60e9;

    assertThat(report.sent())
        .as(
            "every message sent is echoed, returned or unanswered in an ended association: "
                + report)
        .isEqualTo(report.echoed() + report.returned() + report.unanswered());
    assertThat(report.text("drained"))
        .as("the last echoes came back (no stuck association)")
        .isEqualTo("true");
    assertThat(report.get("associations"))
        .as(
            "associations: the first, at least one after each outage or restart and after each"
                + " change of peer: "
                + report)
        .isGreaterThanOrEqualTo(1 + runner.endingFaults() + plan.phases().size() - 1);
    assertThat(report.get("associationsLeft")).as("associations left in the stack").isZero();
    assertThat(report.get("endpointsLeft")).as("endpoints left in the stack").isZero();
    assertThat(report.get("threadsLeft"))
        .as("stack and receiver threads left after close")
        .isZero();
    // Both measured with one idle association after a full collection; the live heap is about 6
    // MB, so a leak of every message sent (about 2 KB each) would cross this in the CI run.
    assertThat(report.get("heapKB.end") - report.get("heapKB.start"))
        .as("heap growth in KB, start to end: " + report)
        .isLessThan(HEAP_GROWTH_LIMIT_KB);
    assertThat(report.exitCode()).as("the client's own verdict: " + report).isZero();

    heap.put("end", report.get("heapKB.end"));
    heap.put("afterClose", report.get("heapKB.afterClose"));
    Log.record(
        dir,
        String.format(
            "chaos soak, seed %d, %.1f min (%.1f planned): messages sent %d, echoed %d, returned"
                + " by the stack %d (%d of them also echoed), unanswered in ended associations %d,"
                + " refused by send %d; violations 0; faults: %s; peer restarts %d (and %d peer"
                + " change); associations %d, endings %s, failed connects %d; heap in use after"
                + " GC (KB) %s; ByteBuf leaks 0, threads left 0; WARN/ERROR lines of the"
                + " client's stack %d",
            plan.seed(),
            minutes,
            plan.minutes(),
            report.sent(),
            report.echoed(),
            report.returned(),
            report.get("returnedAfterEcho"),
            report.unanswered(),
            report.get("notTaken"),
            runner.figures(),
            restarts,
            plan.phases().size() - 1,
            report.get("associations"),
            report.text("endings"),
            report.get("connectFailures"),
            heap,
            warnings));
  }

  private static long seed() {
    String s = System.getProperty("chaos.seed", Long.toString(DEFAULT_SEED));
    return s.equals("random")
        ? new SplittableRandom().nextLong() & Long.MAX_VALUE
        : Long.parseLong(s);
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
