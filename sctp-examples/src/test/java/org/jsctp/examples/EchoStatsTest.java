package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The echo client's counts and latency percentiles (nearest rank), without any process or network. */
class EchoStatsTest {

  @Test
  void nearestRankPercentiles() {
    long[] hundred = new long[100];
    for (int i = 0; i < 100; i++) {
      hundred[i] = (i + 1) * 1000L;
    }
    assertThat(EchoStats.percentile(hundred, 50)).isEqualTo(50_000);
    assertThat(EchoStats.percentile(hundred, 99)).isEqualTo(99_000);
    assertThat(EchoStats.percentile(new long[] {7}, 99)).isEqualTo(7);
    assertThat(EchoStats.percentile(new long[0], 50)).isZero();
  }

  @Test
  void latencyLineCountsOnlyIntactEchoes() {
    EchoStats stats = new EchoStats(10, false, true);
    stats.sent(0, 0, 1_000_000);
    stats.sent(1, 0, 2_000_000);
    assertThat(stats.echoed(Payload.build(0, 10), 10, 0, 1_500_000))
        .isEqualTo(EchoStats.Echo.INTACT);
    byte[] bad = Payload.build(1, 10);
    bad[9] ^= 1;
    assertThat(stats.echoed(bad, 10, 0, 2_900_000)).isEqualTo(EchoStats.Echo.MISMATCHED);

    assertThat(stats.latencyLine())
        .isEqualTo("LATENCY samples=1 p50_us=500 p90_us=500 p99_us=500 max_us=500");
  }

  @Test
  void theSecondHalfLineLeavesOutTheEarlierHalfOfTheEchoes() {
    EchoStats stats = new EchoStats(10, false, true);
    long[] rttMicros = {9000, 7000, 300, 200, 100};
    long t = 0;
    for (int seq = 0; seq < rttMicros.length; seq++) {
      stats.sent(seq, 0, t);
      t += rttMicros[seq] * 1000;
      stats.echoed(Payload.build(seq, 10), 10, 0, t);
    }

    assertThat(stats.latencyLine())
        .isEqualTo("LATENCY samples=5 p50_us=300 p90_us=9000 p99_us=9000 max_us=9000");
    assertThat(stats.secondHalfLatencyLine())
        .isEqualTo("LATENCY_SECOND_HALF samples=3 p50_us=200 p90_us=300 p99_us=300 max_us=300");
  }

  @Test
  void withoutLatencyNothingIsKept() {
    EchoStats stats = new EchoStats(10, false);
    stats.sent(0, 0, 1_000_000);
    stats.echoed(Payload.build(0, 10), 10, 0, 1_500_000);
    assertThat(stats.latencyLine()).startsWith("LATENCY samples=0 ");
  }

  @Test
  void messagesTakenBackAreNeitherSentNorAwaited() {
    EchoStats stats = new EchoStats(10, false);
    stats.sent(0, 0, 1_000_000);
    stats.sent(1, 0, 2_000_000);
    stats.sent(2, 1, 3_000_000);

    stats.unsent(1, 0);
    boolean handedBack = stats.unsent(Payload.build(2, 10), 10, 1);
    boolean partOfOne = stats.unsent(Arrays.copyOf(Payload.build(0, 10), 5), 5, 0);

    assertThat(handedBack).isTrue();
    assertThat(partOfOne).as("part of a message is not a message that never went").isFalse();
    assertThat(stats.sent()).isEqualTo(1);
    assertThat(stats.outstanding()).isEqualTo(1);
    assertThat(stats.echoed(Payload.build(0, 10), 10, 0, 4_000_000))
        .isEqualTo(EchoStats.Echo.INTACT);
    assertThat(stats.result(5_000_000)).startsWith("RESULT sent=1 echoed=1 mismatched=0");
  }

  @Test
  void shortMessagesHandedBackAreFoundByContentNewestFirst() {
    EchoStats stats = new EchoStats(4, false);
    stats.sent(0, 0, 1_000_000);
    stats.sent(1, 0, 2_000_000);

    assertThat(stats.unsent(Payload.build(1, 4), 4, 0)).isTrue();

    assertThat(stats.sent()).isEqualTo(1);
    assertThat(stats.echoed(Payload.build(0, 4), 4, 0, 3_000_000))
        .isEqualTo(EchoStats.Echo.INTACT);
  }

  @Test
  void withAPolicyMessagesHandedBackAreAbandonedNotLost() {
    EchoStats stats = new EchoStats(10, false, false, true);
    stats.sent(0, 0, 1_000_000);
    stats.sent(1, 0, 2_000_000);
    stats.sent(2, 0, 3_000_000);

    boolean unsent = stats.handedBack(Payload.build(1, 10), 10, 0, false);
    boolean sent = stats.handedBack(Payload.build(2, 10), 10, 0, true);
    stats.echoed(Payload.build(0, 10), 10, 0, 4_000_000);

    assertThat(unsent).isTrue();
    assertThat(sent).isTrue();
    assertThat(stats.sent()).as("abandoned messages went").isEqualTo(3);
    assertThat(stats.outstanding()).isZero();
    assertThat(stats.abandoned()).isEqualTo(2);
    assertThat(stats.allAccountedFor()).isTrue();
    assertThat(stats.result(5_000_000))
        .startsWith("RESULT sent=3 echoed=1 mismatched=0 bytes=10 ")
        .endsWith(" abandoned=2");
  }

  @Test
  void theLateEchoOfAnAbandonedMessageCountsAsEchoedAndFreesNoSecondPlaceInTheWindow() {
    EchoStats stats = new EchoStats(10, false, false, true);
    stats.sent(0, 0, 1_000_000);
    boolean freed = stats.handedBack(Payload.build(0, 10), 10, 0, true);

    EchoStats.Echo echo = stats.echoed(Payload.build(0, 10), 10, 0, 2_000_000);

    // Under load a message can be abandoned (its lifetime ran out before the SACK was handled)
    // after the peer had it; the echo client freed its window place twice, and with --rate (a
    // window of Integer.MAX_VALUE permits) the second release threw and stopped its reader.
    assertThat(freed).as("the place of the message handed back is free").isTrue();
    assertThat(echo).isEqualTo(EchoStats.Echo.LATE);
    assertThat(stats.abandoned()).isZero();
    assertThat(stats.mismatched()).isZero();
    assertThat(stats.allAccountedFor()).isTrue();
  }

  @Test
  void withoutAPolicyOnlyMessagesThatNeverLeftAreTakenBack() {
    EchoStats stats = new EchoStats(10, false);
    stats.sent(0, 0, 1_000_000);
    stats.sent(1, 0, 2_000_000);

    boolean sentPart = stats.handedBack(Payload.build(0, 10), 10, 0, true);
    boolean unsent = stats.handedBack(Payload.build(1, 10), 10, 0, false);

    assertThat(sentPart).as("sent data of an association that ended is lost").isFalse();
    assertThat(unsent).isTrue();
    assertThat(stats.sent()).isEqualTo(1);
    assertThat(stats.abandoned()).isZero();
    assertThat(stats.allAccountedFor()).as("message 0 is still awaited").isFalse();
    assertThat(stats.result(3_000_000)).doesNotContain("abandoned");
  }
}
