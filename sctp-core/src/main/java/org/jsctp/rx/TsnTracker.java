package org.jsctp.rx;

import java.util.ArrayList;
import java.util.List;
import org.jsctp.ha.ReceiverSnapshot;
import org.jsctp.util.SequenceUnwrapper;

/**
 * The receiver's record of TSNs (RFC 9260 section 6.2): the cumulative TSN, the received TSNs
 * above it as sorted disjoint ranges (the gap ack blocks), and the duplicates seen since the
 * last SACK. Memory is bounded: at most {@link #MAX_GAP_RANGES} ranges and {@link
 * #MAX_DUPLICATES} duplicates are kept; a TSN that would need a further range is refused and
 * the peer retransmits it.
 */
public final class TsnTracker {

  /** Gap ack block offsets are 16 bits (RFC 9260 section 3.3.4): TSNs further ahead are refused. */
  public static final int MAX_AHEAD = 0xFFFF;

  /** At most this many gap ranges are tracked. */
  public static final int MAX_GAP_RANGES = 1024;

  /** At most this many duplicates are remembered between two SACKs. */
  public static final int MAX_DUPLICATES = 256;

  /** What became of one received TSN. */
  public enum Outcome {
    /** First arrival, recorded. */
    NEW,
    /** At or below the cumulative TSN, or already received: reported as duplicate. */
    DUPLICATE,
    /** Too far ahead, or would exceed the gap bookkeeping: not recorded, not acknowledged. */
    REFUSED
  }

  private final SequenceUnwrapper unwrapper;
  private long cumulative;
  private long highestReceived;
  // Small at first: an idle association has no gaps and no duplicates; both grow by doubling.
  private long[] ranges = new long[2];
  private int rangeCount;
  private int[] duplicates = new int[2];
  private int duplicateCount;

  /** @param peerInitialTsn the peer's Initial TSN; the cumulative TSN starts one below it */
  public TsnTracker(int peerInitialTsn) {
    this.unwrapper = new SequenceUnwrapper(peerInitialTsn - 1);
    this.cumulative = unwrapper.unwrap(peerInitialTsn - 1);
    this.highestReceived = cumulative;
  }

  /** Records one received TSN. */
  public Outcome receive(int tsn) {
    long t = unwrapper.peek(tsn);
    if (t <= cumulative || contains(t)) {
      if (duplicateCount < MAX_DUPLICATES) {
        if (duplicateCount == duplicates.length) {
          duplicates = java.util.Arrays.copyOf(duplicates, Math.min(MAX_DUPLICATES, 2 * duplicates.length));
        }
        duplicates[duplicateCount++] = tsn;
      }
      return Outcome.DUPLICATE;
    }
    if (t - cumulative > MAX_AHEAD) {
      return Outcome.REFUSED;
    }
    if (!insert(t)) {
      return Outcome.REFUSED;
    }
    unwrapper.unwrap(tsn);
    if (t > highestReceived) {
      highestReceived = t;
    }
    return Outcome.NEW;
  }

  /** The 64-bit unwrapped value of {@code tsn}, in this tracker's numbering. */
  public long unwrap(int tsn) {
    return unwrapper.peek(tsn);
  }

  /** Whether every TSN in {@code [from, to]} (unwrapped) has been received. */
  public boolean isRangeReceived(long from, long to) {
    if (to <= cumulative) {
      return true;
    }
    if (from <= cumulative) {
      return false;
    }
    int i = findRange(from);
    return i >= 0 && ranges[2 * i + 1] >= to;
  }

  /** Whether {@code tsn} would be a new TSN (not at or below the cumulative TSN, not held). */
  public boolean isNew(int tsn) {
    long t = unwrapper.peek(tsn);
    return t > cumulative && !contains(t);
  }

  /**
   * Moves the cumulative TSN forward to at least {@code newCumulative} (FORWARD-TSN, or
   * discarding above-window data); ranges below it are absorbed.
   */
  public void advanceTo(int newCumulative) {
    long t = unwrapper.peek(newCumulative);
    if (t <= cumulative) {
      return;
    }
    unwrapper.unwrap(newCumulative);
    cumulative = t;
    absorbRanges();
    if (highestReceived < cumulative) {
      highestReceived = cumulative;
    }
  }

  /**
   * The peer's next TSN becomes {@code nextTsn} (an SSN/TSN reset, RFC 6525 section 5.2.4 G4):
   * the cumulative TSN jumps to the TSN before it, forward in unwrapped numbers, and what was
   * held above the old one is forgotten.
   */
  public void restartAt(int nextTsn) {
    cumulative += Integer.toUnsignedLong(nextTsn - 1 - (int) cumulative);
    unwrapper.moveTo(cumulative);
    rangeCount = 0;
    highestReceived = cumulative;
  }

  /**
   * Forgets a received TSN above the cumulative TSN (the receiver gives it up, RFC 9260 section
   * 6.2). Returns whether it was held and could be forgotten.
   */
  public boolean forget(int tsn) {
    long t = unwrapper.peek(tsn);
    return forgetRange(t, t);
  }

  /**
   * Forgets the received TSNs {@code from..to} (unwrapped), all above the cumulative TSN and
   * within one received range, so that the next SACK no longer reports them. Changes nothing and
   * answers false when they are not all held, or when the range would have to split and the
   * tracker already holds {@link #MAX_GAP_RANGES} ranges.
   */
  public boolean forgetRange(long from, long to) {
    if (from <= cumulative || to < from) {
      return false;
    }
    int i = findRange(from);
    if (i < 0 || ranges[2 * i + 1] < to) {
      return false;
    }
    long start = ranges[2 * i];
    long end = ranges[2 * i + 1];
    if (start == from && end == to) {
      removeRange(i);
    } else if (start == from) {
      ranges[2 * i] = to + 1;
    } else if (end == to) {
      ranges[2 * i + 1] = from - 1;
    } else {
      if (rangeCount == MAX_GAP_RANGES) {
        return false;
      }
      insertRangeAt(i + 1, to + 1, end);
      ranges[2 * i + 1] = from - 1;
    }
    return true;
  }

  public int cumulativeTsn() {
    return SequenceUnwrapper.wrap(cumulative);
  }

  public int highestReceivedTsn() {
    return SequenceUnwrapper.wrap(highestReceived);
  }

  public boolean hasGaps() {
    return rangeCount > 0;
  }

  /** Number of gap ack blocks (received ranges above the cumulative TSN). */
  public int gapBlockCount() {
    return rangeCount;
  }

  /** Start offset of gap block {@code i} relative to the cumulative TSN. */
  public int gapStart(int i) {
    return (int) (ranges[2 * i] - cumulative);
  }

  /** End offset of gap block {@code i} relative to the cumulative TSN. */
  public int gapEnd(int i) {
    return (int) (ranges[2 * i + 1] - cumulative);
  }

  public int duplicateCount() {
    return duplicateCount;
  }

  public int duplicate(int i) {
    return duplicates[i];
  }

  /** Forgets the duplicates once they were reported in a SACK. */
  public void clearDuplicates() {
    duplicateCount = 0;
  }

  // ---- replication (docs/ha.md) ------------------------------------------------------------

  /** The received TSNs above the cumulative TSN, as ranges in TSN order. */
  public List<ReceiverSnapshot.TsnRange> receivedRanges() {
    List<ReceiverSnapshot.TsnRange> list = new ArrayList<>(rangeCount);
    for (int i = 0; i < rangeCount; i++) {
      list.add(new ReceiverSnapshot.TsnRange(SequenceUnwrapper.wrap(ranges[2 * i]),
          SequenceUnwrapper.wrap(ranges[2 * i + 1])));
    }
    return list;
  }

  /**
   * A tracker at {@code cumulativeTsn} that holds {@code received} above it (a standby taking
   * over, or the acknowledged view of an HA receiver).
   *
   * @throws IllegalArgumentException for ranges below the cumulative TSN, too far ahead, or more
   *     than {@link #MAX_GAP_RANGES}
   */
  public static TsnTracker restored(int cumulativeTsn, List<ReceiverSnapshot.TsnRange> received) {
    TsnTracker t = new TsnTracker(cumulativeTsn + 1);
    for (ReceiverSnapshot.TsnRange r : received) {
      for (int tsn = r.first(); ; tsn++) {
        if (t.receive(tsn) != Outcome.NEW) {
          throw new IllegalArgumentException("received TSN " + Integer.toUnsignedString(tsn)
              + " cannot be held above cumulative TSN " + Integer.toUnsignedString(cumulativeTsn));
        }
        if (tsn == r.last()) {
          break;
        }
      }
    }
    return t;
  }

  private boolean contains(long t) {
    int i = findRange(t);
    return i >= 0;
  }

  /** Index of the range containing t, or -(insertion point) - 1. */
  private int findRange(long t) {
    int lo = 0;
    int hi = rangeCount - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (ranges[2 * mid + 1] < t) {
        lo = mid + 1;
      } else if (ranges[2 * mid] > t) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -lo - 1;
  }

  private boolean insert(long t) {
    if (t == cumulative + 1) {
      cumulative = t;
      absorbRanges();
      return true;
    }
    int pos = -findRange(t) - 1;
    boolean joinsLeft = pos > 0 && ranges[2 * (pos - 1) + 1] == t - 1;
    boolean joinsRight = pos < rangeCount && ranges[2 * pos] == t + 1;
    if (joinsLeft && joinsRight) {
      ranges[2 * (pos - 1) + 1] = ranges[2 * pos + 1];
      removeRange(pos);
    } else if (joinsLeft) {
      ranges[2 * (pos - 1) + 1] = t;
    } else if (joinsRight) {
      ranges[2 * pos] = t;
    } else {
      if (rangeCount == MAX_GAP_RANGES) {
        return false;
      }
      insertRangeAt(pos, t, t);
    }
    return true;
  }

  private void absorbRanges() {
    int drop = 0;
    while (drop < rangeCount && ranges[2 * drop] <= cumulative + 1) {
      cumulative = Math.max(cumulative, ranges[2 * drop + 1]);
      drop++;
    }
    if (drop > 0) {
      System.arraycopy(ranges, 2 * drop, ranges, 0, 2 * (rangeCount - drop));
      rangeCount -= drop;
    }
  }

  private void insertRangeAt(int pos, long start, long end) {
    if (2 * (rangeCount + 1) > ranges.length) {
      long[] bigger = new long[ranges.length * 2];
      System.arraycopy(ranges, 0, bigger, 0, 2 * rangeCount);
      ranges = bigger;
    }
    System.arraycopy(ranges, 2 * pos, ranges, 2 * pos + 2, 2 * (rangeCount - pos));
    ranges[2 * pos] = start;
    ranges[2 * pos + 1] = end;
    rangeCount++;
  }

  private void removeRange(int pos) {
    System.arraycopy(ranges, 2 * pos + 2, ranges, 2 * pos, 2 * (rangeCount - pos - 1));
    rangeCount--;
  }
}
