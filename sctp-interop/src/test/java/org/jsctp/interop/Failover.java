package org.jsctp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.interop.CaptureReport.DATA;

import java.time.Duration;
import java.util.regex.Matcher;

/**
 * The failover scenario shared by the multihoming cases: traffic flows on the primary path, path 1
 * is silently blackholed in both directions, the sender must move its data to path 2 and the
 * association must survive; then path 1 heals and must come back.
 *
 * <p>Every step waits for an event printed by the programs (never for a fixed time): the progress
 * lines of mhpeer (one per 50 echoed messages) and the path event lines of the side whose failover
 * is under test.
 */
final class Failover {

  private static final Duration STEP = Duration.ofSeconds(40);

  /** What happened, with wall-clock times to split the capture into before / during / after. */
  record Outcome(
      double cutAt,
      double failedAt,
      double healedAt,
      long droppedPackets,
      String failedLine,
      String recoveredLine) {
    @Override
    public String toString() {
      return "blackhole of path 1 for "
          + String.format("%.1f", healedAt - cutAt)
          + " s dropped "
          + droppedPackets
          + " packets; event \""
          + failedLine.strip()
          + "\" "
          + String.format("%.1f", failedAt - cutAt)
          + " s after the cut; then \""
          + recoveredLine.strip()
          + "\"";
    }
  }

  private Failover() {}

  /**
   * Runs the scenario. {@code progress} prints a line matching {@code progressRegex} every 50
   * echoed messages; {@code watched} prints the path events of the side that must fail over,
   * reaching one of {@code failedStates} for {@code primary} while the path is cut.
   */
  static Outcome cutAndHealPrimary(
      Topology t,
      Proc progress,
      String progressRegex,
      Proc watched,
      String primary,
      String... failedStates) {
    String[] states = failedStates.length == 0 ? new String[] {"INACTIVE"} : failedStates;
    // Traffic is flowing on the primary: 100 messages echoed.
    progress.awaitLine(progressRegex + "100\\b", STEP);
    int watchedMark = watched.lineCount();
    double cutAt = now();
    Matcher failed;
    Matcher recovered;
    long dropped;
    double failedAt;
    double healedAt;
    try (Blackhole bh = Blackhole.path(t, 1)) {
      failed = watched.awaitLine(PathEvents.to(primary, states), STEP, watchedMark);
      failedAt = now();
      int failedIndex =
          watched.indexOf(java.util.regex.Pattern.quote(failed.group()), watchedMark).orElseThrow();
      // The association survives: at least 50 more messages echoed while path 1 is still cut.
      int progressMark = progress.lineCount();
      progress.awaitLine(progressRegex, STEP, progressMark);
      int next = progress.indexOf(progressRegex, progressMark).orElseThrow() + 1;
      progress.awaitLine(progressRegex, STEP, next);
      dropped = bh.droppedPackets();
      healedAt = now();
      bh.close();
      recovered = watched.awaitLine(PathEvents.to(primary, "ACTIVE"), STEP, failedIndex + 1);
    }
    assertThat(dropped).as("packets dropped by the blackhole").isPositive();
    return new Outcome(cutAt, failedAt, healedAt, dropped, lineOf(failed), lineOf(recovered));
  }

  private static String lineOf(Matcher m) {
    return m.group();
  }

  /**
   * Checks in the capture that both sides sent DATA on path 1 before the cut and on path 2 while
   * path 1 was cut (the data really moved, it was not only retransmitted).
   */
  static void assertDataMovedToPath2(
      CaptureReport report, Outcome o, String a1, String b1, String a2, String b2) {
    long beforeA = report.chunks(DATA, f -> f.time() < o.cutAt() && f.from(a1) && f.to(b1));
    long beforeB = report.chunks(DATA, f -> f.time() < o.cutAt() && f.from(b1) && f.to(a1));
    long duringA =
        report.chunks(
            DATA, f -> f.time() > o.cutAt() && f.time() < o.healedAt() && f.from(a2) && f.to(b2));
    long duringB =
        report.chunks(
            DATA, f -> f.time() > o.cutAt() && f.time() < o.healedAt() && f.from(b2) && f.to(a2));
    assertThat(beforeA).as("DATA from a on path 1 before the cut").isPositive();
    assertThat(beforeB).as("DATA from b on path 1 before the cut").isPositive();
    assertThat(duringA).as("DATA from a on path 2 while path 1 was cut").isPositive();
    assertThat(duringB).as("DATA from b on path 2 while path 1 was cut").isPositive();
    long newA =
        report.newData(
            f -> f.time() > o.cutAt() && f.time() < o.healedAt() && f.from(a2) && f.to(b2));
    assertThat(newA)
        .as("new DATA (not retransmissions) from a on path 2 while path 1 was cut")
        .isPositive();
  }

  /**
   * Checks the SCTP-PF behaviour of the sender on host a (RFC 7829): once the first T3 expiry sent
   * a retransmission to path 2, the dead primary is potentially failed and gets no new DATA any
   * more while it stays cut, and new DATA goes to path 2. Under plain RFC 9260 new data would keep
   * going into the dead primary until it is declared INACTIVE ({@link
   * #newDataIntoTheDeadPrimaryAfterTheFirstRetransmission} counts it). Returns the time of the
   * first retransmission on path 2, after the cut, in seconds.
   */
  static double assertPfFailover(
      CaptureReport report, Outcome o, String a1, String b1, String a2, String b2) {
    double firstRetx =
        report.firstRetransmission(f -> f.time() > o.cutAt() && f.from(a2) && f.to(b2));
    assertThat(firstRetx).as("a retransmission from a on path 2 after the cut").isNotNaN();
    long intoDeadPrimary =
        newDataIntoTheDeadPrimaryAfterTheFirstRetransmission(report, o, a1, b1, a2, b2);
    long onPath2 =
        report.newData(
            f -> f.time() > firstRetx && f.time() < o.healedAt() && f.from(a2) && f.to(b2));
    assertThat(intoDeadPrimary)
        .as("new DATA from a into the dead primary after the first retransmission on path 2")
        .isZero();
    assertThat(onPath2)
        .as("new DATA from a on path 2 after the first retransmission there")
        .isPositive();
    return firstRetx - o.cutAt();
  }

  /** New DATA from a on path 1 between the first retransmission on path 2 and the heal. */
  static long newDataIntoTheDeadPrimaryAfterTheFirstRetransmission(
      CaptureReport report, Outcome o, String a1, String b1, String a2, String b2) {
    double firstRetx =
        report.firstRetransmission(f -> f.time() > o.cutAt() && f.from(a2) && f.to(b2));
    return report.newData(
        f -> f.time() > firstRetx && f.time() < o.healedAt() && f.from(a1) && f.to(b1));
  }

  private static double now() {
    return System.currentTimeMillis() / 1000.0;
  }
}
