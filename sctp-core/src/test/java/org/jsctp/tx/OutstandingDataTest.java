package org.jsctp.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.path.Path;
import org.jsctp.tx.OutstandingData.SackKind;
import org.jsctp.tx.OutstandingData.SackOutcome;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.SackChunk.GapAckBlock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * What the peer's acknowledgements do to the chunks in flight, rule by rule (RFC 9260 sections
 * 6.2.1, 6.3.1, 6.3.3 and 7.2.4), in the style of dcsctp's outstanding_data tests.
 *
 * <p>The table's states have one letter per chunk sent, oldest first: {@code a} cumulatively
 * acknowledged (released), {@code g} gap-acknowledged, {@code f} marked for fast retransmission,
 * {@code t} marked for retransmission after a timeout or a renege, a digit: in flight with that
 * many miss indications.
 */
class OutstandingDataTest {

  static final long MS = 1_000_000L;
  static final int TSN0 = 5000;
  static final int PAYLOAD = 100;

  final Path path = DataSenderTest.newPath(0, "10.0.1.2");
  final Path alternate = DataSenderTest.newPath(1, "10.0.2.2");
  final List<Path> paths = List.of(path, alternate);
  final List<Path> acknowledgedOnPath = new ArrayList<>();
  long now = 1_000_000 * MS;
  OutstandingData data = new OutstandingData(TSN0);

  /** One SACK of a scenario: cumulative TSN ack as an offset from TSN0 (-1: nothing), gap blocks. */
  record Sack(int cum, int[]... gaps) {
    SackChunk chunk() {
      List<GapAckBlock> blocks = new ArrayList<>();
      for (int[] g : gaps) {
        blocks.add(new GapAckBlock(g[0], g[1]));
      }
      return new SackChunk(TSN0 + cum, 100_000, blocks, List.of());
    }
  }

  static Sack sack(int cum, int[]... gaps) {
    return new Sack(cum, gaps);
  }

  static int[] gap(int start, int end) {
    return new int[] {start, end};
  }

  void send(int count) {
    for (int i = 0; i < count; i++) {
      DataChunk chunk = new DataChunk(false, false, true, true, TSN0 + data.size(), 0, 0, 0,
          Bytes.wrap(new byte[PAYLOAD]));
      data.sent(chunk, new QueuedMessage(new OutgoingMessage(0, 0, false, false,
          Bytes.wrap(new byte[PAYLOAD]), 0, Long.MAX_VALUE)), path, now);
    }
  }

  SackOutcome apply(Sack s, boolean inFastRecovery) {
    return data.applySack(s.chunk(), inFastRecovery, paths, now, (p, t) -> acknowledgedOnPath.add(p));
  }

  private static char letter(OutstandingChunk c) {
    if (c == null) {
      return 'a';
    }
    if (c.gapAcked) {
      return 'g';
    }
    if (c.retransmit == OutstandingChunk.Retransmit.FAST) {
      return 'f';
    }
    if (c.retransmit == OutstandingChunk.Retransmit.TIMEOUT) {
      return 't';
    }
    return (char) ('0' + c.misses);
  }

  // ---- the table -------------------------------------------------------------------------

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("6.2.1 the cumulative TSN ack releases every chunk up to it",
            4, false, List.of(sack(1)), "aa00", SackKind.APPLIED),
        Arguments.of("6.2.1 a SACK below the cumulative TSN ack point is ignored",
            3, false, List.of(sack(1), sack(0)), "aa0", SackKind.STALE),
        Arguments.of("6.2.1 a SACK acknowledging a TSN never sent is a protocol violation",
            3, false, List.of(sack(5)), "000", SackKind.INVALID),
        Arguments.of("6.2.1 gap blocks acknowledge without releasing",
            5, false, List.of(sack(0, gap(2, 3))), "a1gg0", SackKind.APPLIED),
        Arguments.of("6.2.1 gap blocks starting at 0 or ending before they start are ignored",
            3, false, List.of(sack(-1, gap(0, 1), gap(3, 2))), "000", SackKind.APPLIED),
        Arguments.of("6.2.1 a gap-acknowledged TSN that a later SACK no longer reports was reneged",
            4, false, List.of(sack(-1, gap(2, 3)), sack(-1, gap(3, 3))), "11g0", SackKind.APPLIED),
        Arguments.of("6.2.1 D iii a SACK overtaken by a later one makes a TSN the later one acknowledged"
            + " missing again, with one miss indication, not marked for retransmission",
            5, false, List.of(sack(-1, gap(2, 3)), sack(-1, gap(2, 4)), sack(-1, gap(2, 3))), "2gg10",
            SackKind.APPLIED),
        Arguments.of("7.2.4 HTNA: a miss only below the highest newly acknowledged TSN",
            5, false, List.of(sack(-1, gap(2, 2)), sack(-1, gap(2, 2)), sack(-1, gap(2, 2), gap(4, 4))),
            "2g1g0", SackKind.APPLIED),
        Arguments.of("7.2.4 the third miss indication marks a chunk for fast retransmission",
            5, false, List.of(sack(-1, gap(2, 2)), sack(-1, gap(2, 3)), sack(-1, gap(2, 4))),
            "fggg0", SackKind.APPLIED),
        Arguments.of("7.2.4 in Fast Recovery a SACK advancing the cumulative TSN ack adds a miss to"
            + " every TSN it reports missing, also above the highest newly acknowledged TSN",
            6, true, List.of(sack(-1, gap(4, 4)), sack(0, gap(3, 3))), "a22g00", SackKind.APPLIED),
        Arguments.of("7.2.4 in Fast Recovery TSNs above the highest a SACK acknowledges are not"
            + " reported missing: a burst of cumulative acks does not mark chunks still in flight",
            6, true, List.of(sack(0), sack(1), sack(2)), "aaa000", SackKind.APPLIED),
        Arguments.of("7.2.4 outside Fast Recovery a cumulative ack alone adds no miss",
            6, false, List.of(sack(0)), "a00000", SackKind.APPLIED),
        Arguments.of("6.2.1 a marked chunk that gets acknowledged is no longer marked",
            5, false, List.of(sack(-1, gap(2, 2)), sack(-1, gap(2, 3)), sack(-1, gap(2, 4)), sack(3)),
            "aaaa0", SackKind.APPLIED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void appliesTheRule(String rule, int sent, boolean inFastRecovery, List<Sack> sacks, String expected,
      SackKind lastKind) {
    send(sent);
    SackOutcome last = null;
    for (Sack s : sacks) {
      last = apply(s, inFastRecovery);
    }
    assertThat(last.kind()).isEqualTo(lastKind);
    assertThat(render(sent)).as(rule).isEqualTo(expected);
  }

  /** States of the {@code sent} chunks, oldest first, released ones as 'a'. */
  String render(int sent) {
    StringBuilder b = new StringBuilder();
    long firstOutstanding = data.cumulativeAckPoint() + 1;
    long tsn0 = data.nextTsn() - sent;
    for (long tsn = tsn0; tsn < tsn0 + sent; tsn++) {
      b.append(tsn < firstOutstanding ? 'a' : letter(data.get(tsn)));
    }
    return b.toString();
  }

  // ---- rules with more to say than a state string ----------------------------------------

  @Test
  void rfc9260_6_2_1_cumulativeAckReleasesTheUserBytesAndTakesChunksOutOfFlight() {
    send(3);
    assertThat(path.flightSize()).isEqualTo(3L * (16 + PAYLOAD));

    SackOutcome outcome = apply(sack(1), false);

    assertThat(outcome.payloadBytesReleased()).isEqualTo(2L * PAYLOAD);
    assertThat(outcome.newlyAcked()).isTrue();
    assertThat(path.flightSize()).isEqualTo(16 + PAYLOAD);
    assertThat(data.totalFlight()).isEqualTo(16 + PAYLOAD);
    assertThat(data.ackedBytesOn(path)).isEqualTo(2L * (16 + PAYLOAD));
    assertThat(data.flightBeforeOn(path)).isEqualTo(3L * (16 + PAYLOAD));
  }

  @Test
  void rfc9260_6_2_1_aDuplicateSackAcknowledgesNothingNew() {
    send(3);
    apply(sack(0, gap(2, 2)), false);

    SackOutcome again = apply(sack(0, gap(2, 2)), false);

    assertThat(again.newlyAcked()).isFalse();
    assertThat(render(3)).isEqualTo("a1g");
  }

  @Test
  void rfc9260_7_2_4_acknowledgementsOfChunksSentBeforeAFastRetransmissionDoNotStrikeItAgain() {
    send(8);
    apply(sack(-1, gap(2, 2)), false);
    apply(sack(-1, gap(2, 3)), false);
    assertThat(apply(sack(-1, gap(2, 4)), false).newFastRetransmit()).isTrue();
    data.retransmitted(data.get(data.nextTsn() - 8), path, now);

    apply(sack(-1, gap(2, 5)), false);
    apply(sack(-1, gap(2, 6)), false);
    SackOutcome third = apply(sack(-1, gap(2, 7)), false);

    assertThat(third.newFastRetransmit()).isFalse();
    assertThat(render(8)).as("the retransmission may still be under way").isEqualTo("0gggggg0");
  }

  @Test
  void aLostFastRetransmissionIsFastRetransmittedAgainOnceThreeChunksSentAfterItAreAcknowledged() {
    send(5);
    apply(sack(-1, gap(2, 2)), false);
    apply(sack(-1, gap(2, 3)), false);
    assertThat(apply(sack(-1, gap(2, 4)), false).newFastRetransmit()).isTrue();
    data.retransmitted(data.get(data.nextTsn() - 5), path, now);
    send(3);

    apply(sack(-1, gap(2, 5)), false);
    apply(sack(-1, gap(2, 6)), false);
    apply(sack(-1, gap(2, 7)), false);
    assertThat(render(8)).as("TSN 4 went before the retransmission of TSN 0, 5 and 6 after it")
        .isEqualTo("2gggggg0");
    SackOutcome third = apply(sack(-1, gap(2, 8)), false);

    assertThat(third.newFastRetransmit()).isTrue();
    assertThat(render(8)).isEqualTo("fggggggg");
  }

  @Test
  void rfc9260_7_2_4_markingForFastRetransmitTakesTheChunkOutOfFlight() {
    send(5);
    apply(sack(-1, gap(2, 2)), false);
    apply(sack(-1, gap(2, 3)), false);
    apply(sack(-1, gap(2, 4)), false);

    assertThat(data.markedCount()).isEqualTo(1);
    assertThat(data.hasFastRetransmissionFor(path)).isTrue();
    assertThat(data.hasRetransmissionFor(alternate)).isFalse();
    assertThat(data.totalFlight()).isEqualTo(16 + PAYLOAD);
  }

  @Test
  void rfc9260_6_3_3_e3_aT3ExpiryMarksWhatIsInFlightOnThePathButNotWhatIsGapAcknowledged() {
    send(4);
    apply(sack(-1, gap(2, 2)), false);

    long credit = data.markForTimeout(path, alternate);

    assertThat(render(4)).isEqualTo("tgtt");
    assertThat(credit).isEqualTo(3L * (16 + PAYLOAD));
    assertThat(data.hasRetransmissionFor(alternate)).isTrue();
    assertThat(data.hasRetransmissionFor(path)).isFalse();
    assertThat(path.flightSize()).isZero();
  }

  @Test
  void rfc9260_6_3_3_aT3ExpiryWithNothingOutstandingOnThePathFindsNothing() {
    send(2);
    apply(sack(1), false);

    assertThat(data.hasOutstandingOn(path)).isFalse();
    assertThat(data.markForTimeout(path, alternate)).isZero();
  }

  @Test
  void rfc9260_6_3_2_r3_theLatestSackTellsWhetherThePathsLowestTsnInFlightWasAcknowledged() {
    send(3);
    apply(sack(-1, gap(2, 2)), false);
    assertThat(data.lowestAckedOn(path)).isFalse();

    apply(sack(0, gap(2, 2)), false);
    assertThat(data.lowestAckedOn(path)).isTrue();
  }

  @Test
  void rfc9260_6_3_1_karn_onlyAChunkSentOnceGivesAnRttSample() {
    send(2);
    path.startTiming(data.nextTsn() - 2, now);
    now += 100 * MS;
    apply(sack(0), false);
    assertThat(path.rto().hasMeasurement()).isTrue();
    long srtt = path.rto().srtt();

    OutstandingChunk second = data.get(data.nextTsn() - 1);
    data.markForTimeout(path, path);
    data.retransmitted(second, path, now);
    path.startTiming(second.tsn, now);
    now += 400 * MS;
    apply(sack(1), false);

    assertThat(path.rto().srtt()).as("no sample from a retransmitted chunk").isEqualTo(srtt);
    assertThat(path.timedTsn()).isEqualTo(-1);
  }

  @Test
  void rfc7829_3_2_rule10_dataSentOnOnePathOnlyClearsThatPathButDataResentElsewhereDoesNot() {
    send(2);
    OutstandingChunk first = data.get(data.nextTsn() - 2);
    data.markForTimeout(path, alternate);
    data.retransmitted(first, alternate, now);
    data.retransmitted(data.get(data.nextTsn() - 1), path, now);

    apply(sack(1), false);

    assertThat(acknowledgedOnPath).containsExactly(path);
  }
}
