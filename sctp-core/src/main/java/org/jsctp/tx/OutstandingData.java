package org.jsctp.tx;

import java.util.List;
import java.util.function.Consumer;
import org.jsctp.path.Path;
import org.jsctp.api.PathState;
import org.jsctp.util.SequenceUnwrapper;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.UserDataChunk;

/**
 * The DATA chunks that have a TSN and are not yet cumulatively acknowledged, and what the peer's
 * acknowledgements do to them (RFC 9260 sections 6.2.1, 6.3.3 and 7.2.4): the cumulative TSN ack
 * point, gap acknowledgements and reneging, HTNA miss indications and fast-retransmit marking,
 * marking for retransmission after a T3-rtx expiry, RTT samples under Karn's rule, and the bytes
 * in flight per destination and in total. It decides which chunks are acknowledged, lost or to
 * be sent again; what that means for the congestion window, the peer's window and the timers is
 * left to the {@link DataSender}, through the {@link SackOutcome} and the per-path counts of the
 * latest SACK.
 *
 * <p>TSNs are consecutive from the cumulative TSN ack point + 1, so the chunks live in a ring
 * buffer with O(1) lookup by TSN.
 */
final class OutstandingData {

  /**
   * The message of the TSNs a standby taking over in THRESHOLD mode cannot know (docs/ha.md): they
   * are abandoned from the start, never sent, and only skipped by a FORWARD-TSN.
   */
  static final QueuedMessage UNKNOWN = unknown();

  private static QueuedMessage unknown() {
    // Never sent: its one byte only satisfies OutgoingMessage, which refuses empty messages.
    QueuedMessage m = new QueuedMessage(new org.jsctp.api.OutgoingMessage(0, 0, true, false,
        org.jsctp.wire.Bytes.wrap(new byte[1]), 0, Long.MAX_VALUE));
    m.abandoned = true;
    return m;
  }

  /** Miss indications that trigger a fast retransmission (RFC 9260 section 7.2.4). */
  static final int FAST_RETRANSMIT_THRESHOLD = 3;

  /** What became of a SACK. */
  enum SackKind {
    /** Older than the cumulative TSN ack point: ignored. */
    STALE,
    /** Applied. */
    APPLIED,
    /** It acknowledges a TSN never sent: a protocol violation (the caller aborts). */
    INVALID
  }

  /**
   * What one SACK (or the cumulative TSN of a SHUTDOWN) changed.
   *
   * @param kind whether it was applied
   * @param newlyAcked whether any chunk was acknowledged for the first time
   * @param newFastRetransmit whether a chunk reached the third miss indication
   * @param payloadBytesReleased user data bytes cumulatively acknowledged and forgotten
   */
  record SackOutcome(SackKind kind, boolean newlyAcked, boolean newFastRetransmit, long payloadBytesReleased) {
    static final SackOutcome STALE = new SackOutcome(SackKind.STALE, false, false, 0);
    static final SackOutcome INVALID = new SackOutcome(SackKind.INVALID, false, false, 0);
    static final SackOutcome NOTHING = new SackOutcome(SackKind.APPLIED, false, false, 0);
  }

  /** Told when data sent on exactly one path is acknowledged (RFC 7829 section 3.2 rule 10). */
  interface PathAckListener {
    void acknowledgedOnPath(Path path, long now);
  }

  private final SequenceUnwrapper unwrapper;
  private OutstandingChunk[] ring = new OutstandingChunk[16];
  private int head;
  private int size;
  private long firstTsn;
  private long totalFlight;
  private int markedCount;
  private int gapAckedCount;

  // Per-path counts of the latest SACK, indexed by path id; kept to avoid garbage per SACK.
  private long[] ackedBytes = new long[0];
  private long[] flightBefore = new long[0];
  private long[] lowestBefore = new long[0];
  private boolean[] lowestAcked = new boolean[0];

  /** @param initialTsn our Initial TSN: the first chunk gets it */
  OutstandingData(int initialTsn) {
    this.unwrapper = new SequenceUnwrapper(initialTsn - 1);
    this.firstTsn = unwrapper.unwrap(initialTsn - 1) + 1;
  }

  /**
   * With nothing outstanding, the next chunk gets {@code nextTsn} (an SSN/TSN reset, RFC 6525
   * section 5.2.4); unwrapped TSNs keep growing across the jump.
   */
  void restartAt(int nextTsn) {
    if (size != 0) {
      throw new IllegalStateException("TSNs are still outstanding");
    }
    firstTsn += Integer.toUnsignedLong(nextTsn - SequenceUnwrapper.wrap(firstTsn));
    unwrapper.moveTo(firstTsn - 1);
  }

  // ---- the chunks ------------------------------------------------------------------------

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The TSN (unwrapped) the next new chunk gets. */
  long nextTsn() {
    return firstTsn + size;
  }

  /** The cumulative TSN ack point (unwrapped): the last TSN the peer acknowledged cumulatively. */
  long cumulativeAckPoint() {
    return firstTsn - 1;
  }

  /** The chunk at position {@code i} from the oldest. */
  OutstandingChunk at(int i) {
    return ring[(head + i) & (ring.length - 1)];
  }

  /** The chunk with unwrapped TSN {@code tsn}, or null. */
  OutstandingChunk get(long tsn) {
    long i = tsn - firstTsn;
    if (i < 0 || i >= size) {
      return null;
    }
    return at((int) i);
  }

  /** Bytes of chunks in flight on any path (RFC 9260 section 6.1 flightsize, summed). */
  long totalFlight() {
    return totalFlight;
  }

  /** Chunks waiting for retransmission. */
  int markedCount() {
    return markedCount;
  }

  /** Registers the first transmission of a new chunk with the next TSN on {@code path}. */
  OutstandingChunk sent(UserDataChunk chunk, QueuedMessage message, Path path, long now) {
    OutstandingChunk c = new OutstandingChunk(nextTsn(), chunk, message,
        message.offset() - chunk.userData().length());
    append(c);
    c.transmissions = 1;
    c.path = path;
    c.sentAt = now;
    addToFlight(c, path);
    return c;
  }

  /**
   * Registers the never-sent end of a message abandoned part way ({@link
   * ChunkCutter#endOfAbandoned}): it takes the next TSN, abandoned from the start, on no path.
   */
  void addAbandonedEnd(UserDataChunk chunk, QueuedMessage message) {
    OutstandingChunk c = new OutstandingChunk(nextTsn(), chunk, message, message.offset());
    c.abandoned = true;
    append(c);
  }

  /**
   * Appends a chunk of a replicated association (a standby taking over, docs/ha.md) with the next
   * TSN: sent {@code transmissions} times, on no path yet.
   */
  OutstandingChunk restore(UserDataChunk chunk, QueuedMessage message, int offset,
      int transmissions, boolean abandoned, boolean gapAcked) {
    OutstandingChunk c = new OutstandingChunk(nextTsn(), chunk, message, offset);
    c.transmissions = transmissions;
    c.abandoned = abandoned;
    c.gapAcked = gapAcked && !abandoned;
    if (c.gapAcked) {
      gapAckedCount++;
    }
    append(c);
    return c;
  }

  /** Appends {@code chunk} (of {@link #UNKNOWN}) for a TSN a standby cannot know, abandoned. */
  void addUnknown(UserDataChunk chunk) {
    OutstandingChunk c = new OutstandingChunk(nextTsn(), chunk, UNKNOWN, 0);
    c.abandoned = true;
    append(c);
  }

  /**
   * After a takeover: every chunk neither gap-acknowledged nor abandoned waits for retransmission
   * to {@code target}, as after a T3-rtx expiry (RFC 9260 section 6.3.3 E3), since whether the
   * active's last transmissions arrived is not known.
   */
  void markAllForRetransmission(Path target) {
    for (int i = 0; i < size; i++) {
      OutstandingChunk c = at(i);
      if (!c.gapAcked && !c.abandoned && !c.isMarked()) {
        if (c.path == null) {
          c.path = target;
        }
        markTimeout(c, target);
      }
    }
  }

  /** Registers the retransmission of a marked chunk on {@code path}. */
  OutstandingChunk.Retransmit retransmitted(OutstandingChunk c, Path path, long now) {
    OutstandingChunk.Retransmit kind = c.retransmit;
    c.retransmit = OutstandingChunk.Retransmit.NONE;
    c.retransmitPath = null;
    markedCount--;
    if (c.path != path) {
      c.multiPath = true;
    }
    c.path = path;
    c.transmissions++;
    c.sentAt = now;
    c.misses = 0;
    c.retransmissionBound = nextTsn();
    addToFlight(c, path);
    return kind;
  }

  private void addToFlight(OutstandingChunk c, Path path) {
    c.inFlight = true;
    path.addToFlight(c.size);
    totalFlight += c.size;
  }

  private void append(OutstandingChunk chunk) {
    if (size == ring.length) {
      OutstandingChunk[] bigger = new OutstandingChunk[ring.length * 2];
      for (int i = 0; i < size; i++) {
        bigger[i] = ring[(head + i) & (ring.length - 1)];
      }
      ring = bigger;
      head = 0;
    }
    ring[(head + size) & (ring.length - 1)] = chunk;
    size++;
  }

  private OutstandingChunk removeFirst() {
    OutstandingChunk c = ring[head];
    ring[head] = null;
    head = (head + 1) & (ring.length - 1);
    size--;
    firstTsn++;
    return c;
  }

  /** Whether a chunk waits for retransmission to {@code path}. */
  boolean hasRetransmissionFor(Path path) {
    if (markedCount == 0) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      OutstandingChunk c = at(i);
      if (c.isMarked() && c.retransmitPath == path) {
        return true;
      }
    }
    return false;
  }

  /** Whether a chunk waits for fast retransmission to {@code path}. */
  boolean hasFastRetransmissionFor(Path path) {
    for (int i = 0; i < size; i++) {
      OutstandingChunk c = at(i);
      if (c.retransmit == OutstandingChunk.Retransmit.FAST && c.retransmitPath == path) {
        return true;
      }
    }
    return false;
  }

  /** The lowest TSN not gap-acknowledged that was sent or is to be resent on {@code path}, or -1. */
  long lowestOutstandingOn(Path path) {
    for (int i = 0; i < size; i++) {
      OutstandingChunk c = at(i);
      if (!c.gapAcked && (c.path == path || c.retransmitPath == path)) {
        return c.tsn;
      }
    }
    return -1;
  }

  /** The oldest chunk neither gap-acknowledged nor abandoned, or null. */
  OutstandingChunk lowestNotGapAcked() {
    for (int i = 0; i < size; i++) {
      OutstandingChunk c = at(i);
      if (!c.gapAcked && !c.abandoned) {
        return c;
      }
    }
    return null;
  }

  // ---- acknowledgements (RFC 9260 section 6.2.1) ------------------------------------------

  /** Applies a SACK. */
  SackOutcome applySack(SackChunk sack, boolean inFastRecovery, List<Path> paths, long now,
      PathAckListener listener) {
    long cum = unwrapper.peek(sack.cumulativeTsnAck());
    if (cum < cumulativeAckPoint()) {
      return SackOutcome.STALE;
    }
    if (cum >= nextTsn()) {
      return SackOutcome.INVALID;
    }
    return apply(cum, sack.gapAckBlocks(), inFastRecovery, paths, now, listener);
  }

  /** Applies the cumulative TSN ack of a SHUTDOWN chunk, which has no gap blocks (section 9.2). */
  SackOutcome applyShutdownCumAck(int cumulativeTsnAck, boolean inFastRecovery, List<Path> paths,
      long now, PathAckListener listener) {
    long cum = unwrapper.peek(cumulativeTsnAck);
    if (cum < cumulativeAckPoint()) {
      return SackOutcome.STALE;
    }
    if (cum >= nextTsn()) {
      return SackOutcome.INVALID;
    }
    if (cum == cumulativeAckPoint()) {
      return SackOutcome.NOTHING;
    }
    return apply(cum, null, inFastRecovery, paths, now, listener);
  }

  private SackOutcome apply(long cum, List<SackChunk.GapAckBlock> gaps, boolean inFastRecovery,
      List<Path> paths, long now, PathAckListener listener) {
    unwrapper.unwrap(SequenceUnwrapper.wrap(cum));
    int pathCount = paths.size();
    ensurePathCounts(pathCount);
    for (int p = 0; p < pathCount; p++) {
      ackedBytes[p] = 0;
      lowestAcked[p] = false;
      flightBefore[p] = paths.get(p).flightSize();
      lowestBefore[p] = lowestInFlightOn(paths.get(p));
    }
    long highestNewlyAcked = -1;
    boolean cumAdvanced = cum > cumulativeAckPoint();
    boolean newlyAcked = false;
    long released = 0;

    while (size > 0 && firstTsn <= cum) {
      OutstandingChunk c = removeFirst();
      if (!c.gapAcked) {
        newlyAcked = true;
        highestNewlyAcked = c.tsn;
        credit(c, now, listener);
      } else {
        gapAckedCount--;
      }
      unmark(c);
      released += c.payloadLength();
    }
    trim();

    if (gaps != null) {
      for (int g = 0; g < gaps.size(); g++) {
        SackChunk.GapAckBlock block = gaps.get(g);
        if (block.start() < 1 || block.end() < block.start()) {
          continue;
        }
        long from = Math.max(cum + block.start(), firstTsn);
        long to = Math.min(cum + block.end(), nextTsn() - 1);
        for (long tsn = from; tsn <= to; tsn++) {
          OutstandingChunk c = get(tsn);
          if (c != null && !c.gapAcked) {
            c.gapAcked = true;
            gapAckedCount++;
            newlyAcked = true;
            highestNewlyAcked = Math.max(highestNewlyAcked, tsn);
            credit(c, now, listener);
            unmark(c);
          }
        }
      }
    }
    if (gapAckedCount > 0) {
      detectReneging(cum, gaps, now);
    }
    boolean fast = highestNewlyAcked >= 0 && countMisses(MissIndications.limit(cum, gaps,
        nextTsn() - 1, highestNewlyAcked, inFastRecovery, cumAdvanced), highestNewlyAcked);
    return new SackOutcome(SackKind.APPLIED, newlyAcked, fast, released);
  }

  /**
   * Section 7.2.4: one more miss indication for every TSN in flight below {@code limit} (see
   * {@link MissIndications}); the third marks it for fast retransmission. Returns whether a chunk
   * was newly marked.
   *
   * <p>A retransmitted chunk counts a miss only when a TSN first sent after its latest
   * retransmission is newly acknowledged ({@code highestNewlyAcked} at or above the bound it got
   * then): only then can its retransmission be taken as lost, not merely still under way. Such a
   * lost retransmission is fast retransmitted again after three such misses instead of waiting
   * for T3-rtx, as FreeBSD and usrsctp do and as RACK (RFC 8985 section 6.2) detects lost
   * retransmissions for TCP. RFC 9260 section 7.2.4 fast retransmits a TSN once; the rule of
   * one cwnd cut per Fast Recovery still holds (DataSender).
   */
  private boolean countMisses(long limit, long highestNewlyAcked) {
    boolean marked = false;
    for (int i = 0; i < size; i++) {
      OutstandingChunk c = at(i);
      if (c.tsn >= limit) {
        break;
      }
      if (c.gapAcked || c.isMarked() || !c.inFlight) {
        continue;
      }
      if (c.transmissions > 1 && highestNewlyAcked < c.retransmissionBound) {
        continue;
      }
      c.misses++;
      if (c.misses >= FAST_RETRANSMIT_THRESHOLD) {
        markFast(c);
        marked = true;
      }
    }
    return marked;
  }

  private void ensurePathCounts(int pathCount) {
    if (ackedBytes.length < pathCount) {
      ackedBytes = new long[pathCount];
      flightBefore = new long[pathCount];
      lowestBefore = new long[pathCount];
      lowestAcked = new boolean[pathCount];
    }
  }

  /** Bytes the latest SACK newly acknowledged that were last sent on {@code path}. */
  long ackedBytesOn(Path path) {
    return path.id() < ackedBytes.length ? ackedBytes[path.id()] : 0;
  }

  /** The path's flight size before the latest SACK was applied. */
  long flightBeforeOn(Path path) {
    return path.id() < flightBefore.length ? flightBefore[path.id()] : 0;
  }

  /** Whether the latest SACK acknowledged the lowest TSN in flight on {@code path} (rule R3). */
  boolean lowestAckedOn(Path path) {
    return path.id() < lowestAcked.length && lowestAcked[path.id()];
  }

  private long lowestInFlightOn(Path path) {
    if (path.chunksInFlight() == 0) {
      return -1;
    }
    for (int i = 0; i < size; i++) {
      OutstandingChunk c = at(i);
      if (c.inFlight && c.path == path) {
        return c.tsn;
      }
    }
    return -1;
  }

  private void credit(OutstandingChunk c, long now, PathAckListener listener) {
    Path path = c.path;
    if (path == null) {
      return;
    }
    int p = path.id();
    if (c.inFlight) {
      c.inFlight = false;
      path.removeFromFlight(c.size);
      totalFlight -= c.size;
    }
    if (p < ackedBytes.length) {
      ackedBytes[p] += c.size;
      if (lowestBefore[p] == c.tsn) {
        lowestAcked[p] = true;
      }
    }
    // Karn: only chunks sent once give RTT samples, one at a time per path (section 6.3.1).
    if (path.timedTsn() == c.tsn) {
      if (c.transmissions == 1 && now >= path.timedSentAt()) {
        path.rto().addSample(now - path.timedSentAt());
      }
      path.stopTiming();
    }
    if (!c.multiPath && path.state() != PathState.UNCONFIRMED) {
      listener.acknowledgedOnPath(path, now);
    }
  }

  private void detectReneging(long cum, List<SackChunk.GapAckBlock> gaps, long now) {
    for (int i = 0; i < size; i++) {
      OutstandingChunk c = at(i);
      if (!c.gapAcked || c.abandoned || covered(c.tsn, cum, gaps)) {
        continue;
      }
      // A gap-acked TSN no longer reported: reneged, or this SACK is older than one already
      // applied. Section 6.2.1 D iii: one miss indication, and T3 must run (rule R4); it is in
      // flight again, resent after two more misses or at the T3-rtx expiry, not at once.
      c.gapAcked = false;
      gapAckedCount--;
      c.misses++;
      if (!c.inFlight) {
        addToFlight(c, c.path);
      }
      c.path.t3().startIfStopped(now, c.path.rto().rto());
    }
  }

  private static boolean covered(long tsn, long cum, List<SackChunk.GapAckBlock> gaps) {
    if (gaps == null) {
      return false;
    }
    for (int g = 0; g < gaps.size(); g++) {
      SackChunk.GapAckBlock b = gaps.get(g);
      if (tsn >= cum + b.start() && tsn <= cum + b.end()) {
        return true;
      }
    }
    return false;
  }

  // ---- marking for retransmission -----------------------------------------------------------

  /**
   * Takes a chunk out of flight for a retransmission. Returns the bytes it gives back to the
   * peer's window (section 6.2.1: marking adds them back), 0 when it was not in flight.
   */
  private long removeFromFlight(OutstandingChunk c) {
    if (!c.inFlight) {
      return 0;
    }
    c.inFlight = false;
    c.path.removeFromFlight(c.size);
    totalFlight -= c.size;
    return c.size;
  }

  private void markFast(OutstandingChunk c) {
    removeFromFlight(c);
    c.retransmit = OutstandingChunk.Retransmit.FAST;
    c.retransmitPath = c.path;
    markedCount++;
    invalidateTiming(c);
  }

  private long markTimeout(OutstandingChunk c, Path target) {
    long credit = removeFromFlight(c);
    if (!c.isMarked()) {
      markedCount++;
    }
    c.retransmit = OutstandingChunk.Retransmit.TIMEOUT;
    c.retransmitPath = target;
    invalidateTiming(c);
    return credit;
  }

  private static void invalidateTiming(OutstandingChunk c) {
    Path p = c.path;
    if (p != null && p.timedTsn() >= 0 && c.tsn <= p.timedTsn()) {
      p.stopTiming();
    }
  }

  private void unmark(OutstandingChunk c) {
    if (c.isMarked()) {
      c.retransmit = OutstandingChunk.Retransmit.NONE;
      c.retransmitPath = null;
      markedCount--;
    }
  }

  /** Whether anything not gap-acknowledged is in flight on, or waits for, {@code path}. */
  boolean hasOutstandingOn(Path path) {
    for (int i = 0; i < size; i++) {
      OutstandingChunk c = at(i);
      if (!c.gapAcked && (c.path == path && c.inFlight || c.retransmitPath == path)) {
        return true;
      }
    }
    return false;
  }

  /**
   * T3-rtx expired on {@code path} (section 6.3.3 E3): everything in flight there, or waiting to
   * be resent there, is marked for retransmission to {@code target}. Returns the bytes taken out
   * of flight, which the peer's window gets back (section 6.2.1).
   */
  long markForTimeout(Path path, Path target) {
    long credit = 0;
    for (int i = 0; i < size; i++) {
      OutstandingChunk c = at(i);
      if (c.gapAcked) {
        continue;
      }
      if ((c.path == path && c.inFlight) || c.retransmitPath == path) {
        credit += markTimeout(c, target);
      }
    }
    return credit;
  }

  /**
   * {@code removed} leaves the association (RFC 5061 Delete IP Address): what is in flight on it
   * waits for retransmission to {@code target}, as after a T3-rtx expiry, and no chunk refers to
   * it any more. Returns the bytes taken out of flight, which the peer's window gets back.
   */
  long moveOff(Path removed, Path target) {
    long credit = 0;
    for (int i = 0; i < size; i++) {
      OutstandingChunk c = at(i);
      if (c.path == removed) {
        if (c.inFlight && !c.gapAcked) {
          credit += markTimeout(c, target);
        } else if (c.inFlight) {
          removeFromFlight(c);
        }
        c.path = target;
        c.multiPath = true;
      }
      if (c.retransmitPath == removed) {
        c.retransmitPath = target;
      }
    }
    return credit;
  }

  // ---- abandoning (PR-SCTP, RFC 3758 section 3.5) -------------------------------------------

  /**
   * Abandons every chunk of {@code message} still outstanding: out of flight, never to be
   * retransmitted, to be skipped by a FORWARD-TSN. Returns how many chunks it had outstanding.
   */
  int abandon(QueuedMessage message) {
    int n = 0;
    for (int i = 0; i < size; i++) {
      OutstandingChunk c = at(i);
      if (c.message == message && !c.abandoned) {
        c.abandoned = true;
        removeFromFlight(c);
        unmark(c);
        invalidateTiming(c);
        n++;
      }
    }
    return n;
  }

  /**
   * The Advanced.Peer.Ack.Point (rule C2): the cumulative TSN ack point moved over the abandoned
   * chunks that follow it without a gap.
   */
  long advancedPeerAckPoint() {
    long point = cumulativeAckPoint();
    for (int i = 0; i < size && at(i).abandoned; i++) {
      point++;
    }
    return point;
  }

  /**
   * Forgets every chunk (the association ends, or a restart or collision replaces the TCB),
   * handing each to {@code sink} oldest first. The paths outlive the TCB, so each chunk also
   * leaves its path's flight and RTT measurement.
   */
  void drain(Consumer<OutstandingChunk> sink) {
    while (size > 0) {
      OutstandingChunk c = removeFirst();
      removeFromFlight(c);
      invalidateTiming(c);
      sink.accept(c);
    }
    totalFlight = 0;
    markedCount = 0;
    gapAckedCount = 0;
  }

  /** Releases the buffer when it grew large and emptied again. */
  private void trim() {
    if (size == 0 && ring.length > 256) {
      ring = new OutstandingChunk[16];
      head = 0;
    }
  }
}
