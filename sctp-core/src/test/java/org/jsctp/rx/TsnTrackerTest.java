package org.jsctp.rx;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.rx.TsnTracker.Outcome;
import org.junit.jupiter.api.Test;

class TsnTrackerTest {

  @Test
  void inOrderTsnsAdvanceTheCumulativeTsn() {
    TsnTracker t = new TsnTracker(100);
    assertThat(t.cumulativeTsn()).isEqualTo(99);
    assertThat(t.receive(100)).isEqualTo(Outcome.NEW);
    assertThat(t.receive(101)).isEqualTo(Outcome.NEW);
    assertThat(t.cumulativeTsn()).isEqualTo(101);
    assertThat(t.hasGaps()).isFalse();
  }

  @Test
  void outOfOrderTsnsBecomeGapBlocksAsOffsetsFromTheCumulativeTsn() {
    TsnTracker t = new TsnTracker(1);
    t.receive(1);
    t.receive(3);
    t.receive(4);
    t.receive(7);
    assertThat(t.cumulativeTsn()).isEqualTo(1);
    assertThat(t.gapBlockCount()).isEqualTo(2);
    assertThat(t.gapStart(0)).isEqualTo(2);
    assertThat(t.gapEnd(0)).isEqualTo(3);
    assertThat(t.gapStart(1)).isEqualTo(6);
    assertThat(t.gapEnd(1)).isEqualTo(6);
  }

  @Test
  void fillingAHoleMergesRangesAndAdvancesTheCumulativeTsn() {
    TsnTracker t = new TsnTracker(1);
    t.receive(1);
    t.receive(3);
    t.receive(5);
    t.receive(4);
    assertThat(t.gapBlockCount()).isEqualTo(1);
    t.receive(2);
    assertThat(t.cumulativeTsn()).isEqualTo(5);
    assertThat(t.hasGaps()).isFalse();
  }

  @Test
  void duplicatesAreReportedEachTimeUntilCleared() {
    TsnTracker t = new TsnTracker(10);
    t.receive(10);
    t.receive(12);
    assertThat(t.receive(10)).isEqualTo(Outcome.DUPLICATE);
    assertThat(t.receive(12)).isEqualTo(Outcome.DUPLICATE);
    assertThat(t.receive(10)).isEqualTo(Outcome.DUPLICATE);
    assertThat(t.duplicateCount()).isEqualTo(3);
    assertThat(t.duplicate(0)).isEqualTo(10);
    assertThat(t.duplicate(2)).isEqualTo(10);
    t.clearDuplicates();
    assertThat(t.duplicateCount()).isZero();
  }

  @Test
  void trackingWorksAcrossTheTsnWrap() {
    TsnTracker t = new TsnTracker(0xFFFF_FFFE);
    t.receive(0xFFFF_FFFE);
    t.receive(0);
    assertThat(t.gapBlockCount()).isEqualTo(1);
    assertThat(t.gapStart(0)).isEqualTo(2);
    t.receive(0xFFFF_FFFF);
    assertThat(t.cumulativeTsn()).isZero();
    assertThat(t.receive(0xFFFF_FFFF)).isEqualTo(Outcome.DUPLICATE);
  }

  @Test
  void tsnsBeyondTheSixteenBitGapRangeAreRefused() {
    TsnTracker t = new TsnTracker(1);
    assertThat(t.receive(TsnTracker.MAX_AHEAD)).isEqualTo(Outcome.NEW);
    assertThat(t.receive(1 + TsnTracker.MAX_AHEAD)).isEqualTo(Outcome.REFUSED);
    assertThat(t.receive(0x8000_0000)).isEqualTo(Outcome.REFUSED);
  }

  @Test
  void aHostilePatternCannotGrowTheGapListWithoutBound() {
    TsnTracker t = new TsnTracker(1);
    int refused = 0;
    for (int i = 0; i < 2 * TsnTracker.MAX_GAP_RANGES + 10; i++) {
      if (t.receive(2 + 2 * i) == Outcome.REFUSED) {
        refused++;
      }
    }
    assertThat(t.gapBlockCount()).isEqualTo(TsnTracker.MAX_GAP_RANGES);
    assertThat(refused).isEqualTo(TsnTracker.MAX_GAP_RANGES + 10);
  }

  @Test
  void duplicateListIsBounded() {
    TsnTracker t = new TsnTracker(1);
    t.receive(1);
    for (int i = 0; i < 1000; i++) {
      t.receive(1);
    }
    assertThat(t.duplicateCount()).isEqualTo(TsnTracker.MAX_DUPLICATES);
  }

  @Test
  void advancingTheCumulativeTsnAbsorbsRangesBelowIt() {
    TsnTracker t = new TsnTracker(1);
    t.receive(3);
    t.receive(6);
    t.receive(7);
    t.advanceTo(5);
    assertThat(t.cumulativeTsn()).isEqualTo(7);
    assertThat(t.hasGaps()).isFalse();
  }

  @Test
  void forgettingATsnSplitsItsRange() {
    TsnTracker t = new TsnTracker(1);
    for (int tsn = 3; tsn <= 7; tsn++) {
      t.receive(tsn);
    }
    assertThat(t.forget(5)).isTrue();
    assertThat(t.gapBlockCount()).isEqualTo(2);
    assertThat(t.isNew(5)).isTrue();
    assertThat(t.forget(5)).isFalse();
  }

  @Test
  void forgettingARangeAtEitherEndOfAReceivedRangeNeedsNoNewRange() {
    TsnTracker t = new TsnTracker(1);
    for (int tsn = 3; tsn <= 9; tsn++) {
      t.receive(tsn);
    }
    assertThat(t.forgetRange(t.unwrap(8), t.unwrap(9))).isTrue();
    assertThat(t.forgetRange(t.unwrap(3), t.unwrap(4))).isTrue();
    assertThat(t.gapBlockCount()).isEqualTo(1);
    assertThat(t.gapStart(0)).isEqualTo(5);
    assertThat(t.gapEnd(0)).isEqualTo(7);
    assertThat(t.isNew(8)).isTrue();
    assertThat(t.isNew(5)).isFalse();
  }

  @Test
  void neverForgetsTsnsAtOrBelowTheCumulativeTsnNorTsnsNotHeld() {
    TsnTracker t = new TsnTracker(1);
    t.receive(1);
    t.receive(2);
    t.receive(5);
    assertThat(t.forgetRange(t.unwrap(2), t.unwrap(2))).isFalse();
    assertThat(t.forgetRange(t.unwrap(4), t.unwrap(5))).isFalse();
    assertThat(t.forgetRange(t.unwrap(5), t.unwrap(6))).isFalse();
    assertThat(t.cumulativeTsn()).isEqualTo(2);
    assertThat(t.gapBlockCount()).isEqualTo(1);
  }
}
