package org.jsctp.tx;

import java.util.List;
import org.jsctp.api.SendBufferAvailable;
import org.jsctp.api.SendFailed;
import org.jsctp.api.SenderDry;
import org.jsctp.path.Path;
import org.jsctp.path.PathState;
import org.jsctp.stats.MibCounter;
import org.jsctp.util.SequenceUnwrapper;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.PacketBuilder;
import org.jsctp.wire.SackChunk;

/**
 * The sending half of an association: the send queue, TSN assignment and fragmentation, the
 * outstanding data, SACK processing with HTNA and fast retransmit (RFC 9260 sections 6.2.1 and
 * 7.2.4), T3-rtx handling (section 6.3.3), the peer's receive window with zero-window probing
 * (section 6.1), Nagle-like bundling delay and Max.Burst.
 */
public final class DataSender {

  /** Miss indications that trigger a fast retransmission (RFC 9260 section 7.2.4). */
  static final int FAST_RETRANSMIT_THRESHOLD = 3;

  private final SenderEnvironment env;
  private final SendQueue queue = new SendQueue();
  private final OutstandingData outstanding;
  private final SequenceUnwrapper unwrapper;
  private long nextTsn;
  private long cumAckPoint;

  private long peerRwnd;
  private long lastAdvertisedRwnd;
  private long lastSackAt = Long.MIN_VALUE;
  private long totalFlight;
  private int markedCount;
  private int gapAckedCount;

  private boolean inFastRecovery;
  private long fastRecoveryExit;
  private Path fastRetransmitPath;

  private long bufferedAmount;
  private long sndbuf;
  private long lowWaterMark;
  private boolean blockedAboveLowWater;
  private boolean dryReported = true;

  private boolean nodelay;
  private int maxSegment;
  private boolean disableFragments;
  private int maxBurst = 4;
  private int burstBudget = 4;
  private int fragmentPoint = Integer.MAX_VALUE;

  // Per-SACK scratch space, indexed by path id, kept to avoid garbage on every SACK.
  private long[] scratchFlightBefore = new long[0];
  private long[] scratchAckedBytes = new long[0];
  private long[] scratchLowestBefore = new long[0];
  private boolean[] scratchLowestAcked = new boolean[0];

  public DataSender(int initialTsn, long sndbuf, SenderEnvironment env) {
    this.env = env;
    this.unwrapper = new SequenceUnwrapper(initialTsn - 1);
    this.cumAckPoint = unwrapper.unwrap(initialTsn - 1);
    this.nextTsn = cumAckPoint + 1;
    this.outstanding = new OutstandingData(nextTsn);
    setSendBuffer(sndbuf);
  }

  // ---- configuration ---------------------------------------------------------------------

  public void setStreamCount(int outboundStreams) {
    queue.setStreamCount(outboundStreams);
  }

  public int streamCount() {
    return queue.streamCount();
  }

  /** The peer's a_rwnd from INIT or INIT ACK (trap 11: start with it, not zero). */
  public void setInitialPeerRwnd(long rwnd) {
    this.peerRwnd = rwnd;
    this.lastAdvertisedRwnd = rwnd;
  }

  public void setSendBuffer(long sndbuf) {
    this.sndbuf = sndbuf;
    this.lowWaterMark = sndbuf / 2;
  }

  public long sendBuffer() {
    return sndbuf;
  }

  public void setLowWaterMark(long lowWaterMark) {
    this.lowWaterMark = lowWaterMark;
  }

  public void setNodelay(boolean nodelay) {
    this.nodelay = nodelay;
  }

  public boolean nodelay() {
    return nodelay;
  }

  /** SCTP_MAXSEG: the largest user data per DATA chunk; 0 means the path MTU decides. */
  public void setMaxSegment(int maxSegment) {
    this.maxSegment = maxSegment;
  }

  public int maxSegment() {
    return maxSegment;
  }

  public void setDisableFragments(boolean disableFragments) {
    this.disableFragments = disableFragments;
  }

  public boolean disableFragments() {
    return disableFragments;
  }

  public void setMaxBurst(int maxBurst) {
    this.maxBurst = maxBurst;
  }

  public int maxBurst() {
    return maxBurst;
  }

  /** AMDCS: the smallest PMDCS of the confirmed paths; fragments are cut to it (section 6.9). */
  public void setFragmentPoint(int amdcs) {
    this.fragmentPoint = amdcs;
  }

  /** The largest user data one DATA chunk carries: AMDCS, lowered by SCTP_MAXSEG. */
  public int fragmentSize() {
    int size = fragmentPoint;
    if (maxSegment > 0 && maxSegment < size) {
      size = maxSegment;
    }
    return Math.max(1, size);
  }

  // ---- user calls ------------------------------------------------------------------------

  /** Queues a user message after checking stream, size and the send buffer. */
  public SendOutcome send(OutgoingMessage message) {
    if (message.streamId() < 0 || message.streamId() >= queue.streamCount()) {
      return SendOutcome.INVALID_STREAM;
    }
    int length = message.payload().length();
    if (disableFragments && length > fragmentSize()) {
      return SendOutcome.MESSAGE_TOO_BIG;
    }
    if (bufferedAmount > 0 && bufferedAmount + length > sndbuf) {
      blockedAboveLowWater = true;
      return SendOutcome.WOULD_BLOCK;
    }
    queue.add(message);
    bufferedAmount += length;
    dryReported = false;
    if (bufferedAmount > lowWaterMark) {
      blockedAboveLowWater = true;
    }
    return SendOutcome.ACCEPTED;
  }

  /** Starts a new send round: Max.Burst packets of new data may go (RFC 9260 section 6.1). */
  public void startRound() {
    burstBudget = maxBurst;
  }

  // ---- building packets ------------------------------------------------------------------

  /** Whether {@link #fill} could add anything for {@code path} now. */
  public boolean wantsToSend(Path path, Path dataPath, long now) {
    if (markedCount > 0 && hasRetransmissionFor(path)) {
      return path == fastRetransmitPath || path.congestion().allowsSending(path.flightSize());
    }
    return path == dataPath && canSendNewData(path) && !nagleHolds(path);
  }

  private boolean hasRetransmissionFor(Path path) {
    for (int i = 0; i < outstanding.size(); i++) {
      OutstandingChunk c = outstanding.at(i);
      if (c.isMarked() && c.retransmitPath == path) {
        return true;
      }
    }
    return false;
  }

  private boolean canSendNewData(Path path) {
    if (queue.isEmpty() || burstBudget <= 0) {
      return false;
    }
    if (!path.congestion().allowsSending(path.flightSize())) {
      return false;
    }
    OutgoingMessage head = queue.peek();
    int next = Math.min(head.remaining(), fragmentSize());
    return 16 + next <= peerRwnd || totalFlight == 0;
  }

  /**
   * Nagle-like delay (unless SCTP_NODELAY): while data is in flight, hold back less than a full
   * chunk of new data so that it can be bundled. The tail of a message whose first fragments
   * already went is never held (as Linux never delays a fragmented message): it would wait a
   * round trip for nothing to bundle with.
   */
  private boolean nagleHolds(Path path) {
    return !nodelay && totalFlight > 0 && queue.bytes() < fragmentSize() && !queue.peek().started();
  }

  /**
   * Adds retransmissions for {@code path} and then, if it is the data path, new data into the
   * packet, as congestion and receive windows allow. Retransmissions always go before new data.
   *
   * @return the number of DATA chunks added
   */
  public int fill(PacketBuilder packet, Path path, Path dataPath, long now) {
    int added = 0;
    boolean pendingRetransmission = false;
    if (markedCount > 0) {
      boolean ignoreCwnd = path == fastRetransmitPath;
      for (int i = 0; i < outstanding.size() && markedCount > 0; i++) {
        OutstandingChunk c = outstanding.at(i);
        if (!c.isMarked() || c.retransmitPath != path) {
          continue;
        }
        if ((!ignoreCwnd && !path.congestion().allowsSending(path.flightSize()))
            || !packet.fits(c.chunk.encodedLength())) {
          pendingRetransmission = true;
          break;
        }
        retransmit(packet, c, path, now);
        added++;
      }
      if (ignoreCwnd) {
        fastRetransmitPath = null;
      }
      if (markedCount > 0 && hasRetransmissionFor(path)) {
        pendingRetransmission = true;
      }
    }
    if (pendingRetransmission || path != dataPath || burstBudget <= 0) {
      return added;
    }
    int newChunks = 0;
    path.decayIdleWindow(now);
    while (!queue.isEmpty()) {
      OutgoingMessage m = queue.peek();
      if (!m.started() && m.expiresAt() <= now) {
        abandonUnsent(queue.poll(), "lifetime expired before sending");
        continue;
      }
      if (!path.congestion().allowsSending(path.flightSize())) {
        break;
      }
      int length = Math.min(m.remaining(), fragmentSize());
      int chunkSize = 16 + length;
      if (chunkSize > peerRwnd && totalFlight > 0) {
        break;
      }
      if (newChunks == 0 && added == 0 && nagleHolds(path)) {
        break;
      }
      if (!packet.fits(chunkSize)) {
        break;
      }
      sendNew(packet, m, length, path, now);
      newChunks++;
      if (peerRwnd <= 0) {
        break;
      }
    }
    if (newChunks > 0) {
      burstBudget--;
    }
    return added + newChunks;
  }

  private void sendNew(PacketBuilder packet, OutgoingMessage m, int length, Path path, long now) {
    boolean beginning = m.offset() == 0;
    if (beginning) {
      if (!m.unordered()) {
        m.assignStreamSequenceNumber(queue.takeSsn(m.streamId()));
      } else {
        m.assignStreamSequenceNumber(0);
      }
      if (length < m.payload().length()) {
        env.counters().increment(MibCounter.SCTP_FRAG_USR_MSGS);
      }
    }
    boolean ending = m.offset() + length == m.payload().length();
    long tsn = nextTsn++;
    DataChunk chunk =
        new DataChunk(
            (ending && m.sackImmediately()) || stallsAfter(m, length),
            m.unordered(),
            beginning,
            ending,
            SequenceUnwrapper.wrap(tsn),
            m.streamId(),
            m.unordered() ? 0 : m.streamSequenceNumber(),
            m.payloadProtocolId(),
            m.payload().slice(m.offset(), length));
    queue.consumed(m, length);
    if (ending) {
      queue.poll();
    }
    OutstandingChunk c = new OutstandingChunk(tsn, chunk, m.context());
    outstanding.add(c);
    c.transmissions = 1;
    c.path = path;
    c.sentAt = now;
    c.inFlight = true;
    path.addToFlight(c.size);
    totalFlight += c.size;
    peerRwnd = Math.max(0, peerRwnd - c.size);
    packet.add(chunk);
    env.counters().increment(
        m.unordered() ? MibCounter.SCTP_OUT_UNORDER_CHUNKS : MibCounter.SCTP_OUT_ORDER_CHUNKS);
    if (path.timedTsn() < 0) {
      path.startTiming(tsn, now);
    }
    path.dataSent(now);
    path.t3().startIfStopped(now, path.rto().rto());
  }

  /**
   * Whether nothing more will be sent after this chunk until a SACK arrives: the application is
   * held back by a full send buffer and this is the last queued byte, or the peer's window will
   * not take the next chunk. The chunk then carries the I bit (RFC 9260 section 3.3.1, from RFC
   * 7053) so that the peer does not delay the SACK everything now waits for.
   */
  private boolean stallsAfter(OutgoingMessage m, int length) {
    long chunkSize = (16 + length + 3) & ~3;
    long rwndAfter = peerRwnd - chunkSize;
    boolean lastQueued = queue.bytes() == length;
    if (lastQueued) {
      return blockedAboveLowWater;
    }
    int nextLength = m.remaining() > length
        ? Math.min(m.remaining() - length, fragmentSize())
        : nextMessageChunk();
    return rwndAfter < 16 + nextLength;
  }

  private int nextMessageChunk() {
    OutgoingMessage next = queue.peekSecond();
    return next == null ? 0 : Math.min(next.remaining(), fragmentSize());
  }

  private void retransmit(PacketBuilder packet, OutstandingChunk c, Path path, long now) {
    boolean lowest = c.tsn == lowestOutstandingOn(path);
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
    c.inFlight = true;
    c.misses = 0;
    path.addToFlight(c.size);
    totalFlight += c.size;
    peerRwnd = Math.max(0, peerRwnd - c.size);
    packet.add(c.chunk);
    env.counters().increment(
        kind == OutstandingChunk.Retransmit.FAST
            ? MibCounter.SCTP_FAST_RETRANSMITS
            : MibCounter.SCTP_T3_RETRANSMITS);
    path.dataSent(now);
    // R1, and a retransmission of the lowest outstanding TSN restarts T3 (section 6.1 / 6.3.2).
    if (!path.t3().isRunning() || lowest) {
      path.t3().start(now, path.rto().rto());
    }
  }

  private long lowestOutstandingOn(Path path) {
    for (int i = 0; i < outstanding.size(); i++) {
      OutstandingChunk c = outstanding.at(i);
      if (!c.gapAcked && (c.path == path || c.retransmitPath == path)) {
        return c.tsn;
      }
    }
    return -1;
  }

  // ---- acknowledgements ------------------------------------------------------------------

  /** The result of applying a SACK. */
  public enum SackResult {
    /** Older than the cumulative TSN ack point: ignored. */
    STALE,
    /** Applied. */
    APPLIED,
    /** It acknowledges a TSN never sent: a protocol violation (the caller aborts). */
    INVALID
  }

  /** Applies a SACK (RFC 9260 section 6.2.1). */
  public SackResult onSack(SackChunk sack, long now) {
    long cum = unwrapper.peek(sack.cumulativeTsnAck());
    if (cum < cumAckPoint) {
      return SackResult.STALE;
    }
    if (cum >= nextTsn) {
      return SackResult.INVALID;
    }
    List<SackChunk.GapAckBlock> gaps = sack.gapAckBlocks();
    return apply(cum, gaps, sack.advertisedReceiverWindowCredit(), now);
  }

  /** Applies the cumulative TSN ack of a SHUTDOWN chunk (RFC 9260 section 9.2). */
  public SackResult onShutdownCumAck(int cumulativeTsnAck, long now) {
    long cum = unwrapper.peek(cumulativeTsnAck);
    if (cum < cumAckPoint) {
      return SackResult.STALE;
    }
    if (cum >= nextTsn) {
      return SackResult.INVALID;
    }
    if (cum == cumAckPoint) {
      return SackResult.APPLIED;
    }
    return apply(cum, null, lastAdvertisedRwnd, now);
  }

  private SackResult apply(long cum, List<SackChunk.GapAckBlock> gaps, long arwnd, long now) {
    unwrapper.unwrap(SequenceUnwrapper.wrap(cum));
    List<Path> paths = env.paths().paths();
    int pathCount = paths.size();
    ensureScratch(pathCount);
    long[] flightBefore = scratchFlightBefore;
    long[] ackedBytes = scratchAckedBytes;
    long[] lowestBefore = scratchLowestBefore;
    boolean[] lowestAcked = scratchLowestAcked;
    for (int p = 0; p < pathCount; p++) {
      ackedBytes[p] = 0;
      lowestAcked[p] = false;
      flightBefore[p] = paths.get(p).flightSize();
      lowestBefore[p] = lowestInFlightOn(paths.get(p));
    }
    long highestNewlyAcked = -1;
    boolean cumAdvanced = cum > cumAckPoint;
    boolean anyNewlyAcked = false;

    // Cumulative acknowledgement.
    while (!outstanding.isEmpty() && outstanding.firstTsn() <= cum) {
      OutstandingChunk c = outstanding.removeFirst();
      if (!c.gapAcked) {
        anyNewlyAcked = true;
        highestNewlyAcked = c.tsn;
        creditAck(c, now, ackedBytes, lowestBefore, lowestAcked);
      } else {
        gapAckedCount--;
      }
      unmark(c);
      bufferedAmount -= c.payloadLength();
    }
    cumAckPoint = cum;
    outstanding.trim();

    // Gap ack blocks, and reneging of earlier ones.
    if (gaps != null && !gaps.isEmpty()) {
      for (int g = 0; g < gaps.size(); g++) {
        SackChunk.GapAckBlock block = gaps.get(g);
        int start = block.start();
        int end = block.end();
        if (start < 1 || end < start) {
          continue;
        }
        long from = Math.max(cum + start, outstanding.firstTsn());
        long to = Math.min(cum + end, nextTsn - 1);
        for (long tsn = from; tsn <= to; tsn++) {
          OutstandingChunk c = outstanding.get(tsn);
          if (c != null && !c.gapAcked) {
            c.gapAcked = true;
            gapAckedCount++;
            anyNewlyAcked = true;
            if (tsn > highestNewlyAcked) {
              highestNewlyAcked = tsn;
            }
            creditAck(c, now, ackedBytes, lowestBefore, lowestAcked);
            unmark(c);
          }
        }
      }
    }
    if (gapAckedCount > 0) {
      detectReneging(cum, gaps, now);
    }

    // HTNA miss indications and fast retransmit (section 7.2.4).
    boolean newFastRetransmit = false;
    if (highestNewlyAcked >= 0) {
      long limit = inFastRecovery && cumAdvanced ? nextTsn - 1 : highestNewlyAcked;
      for (int i = 0; i < outstanding.size(); i++) {
        OutstandingChunk c = outstanding.at(i);
        if (c.tsn >= limit) {
          break;
        }
        if (c.gapAcked || c.isMarked() || !c.inFlight) {
          continue;
        }
        c.misses++;
        if (c.misses >= FAST_RETRANSMIT_THRESHOLD && !c.fastRetransmitted) {
          markFast(c);
          newFastRetransmit = true;
        }
      }
    }

    // Congestion window growth first, then the cut (section 7.2.4 step 2).
    for (int p = 0; p < pathCount; p++) {
      Path path = paths.get(p);
      path.congestion().onAcked(ackedBytes[p], flightBefore[p], inFastRecovery, path.chunksInFlight() == 0);
    }
    if (newFastRetransmit && !inFastRecovery) {
      enterFastRecovery();
    }
    if (inFastRecovery && cumAckPoint >= fastRecoveryExit) {
      inFastRecovery = false;
    }

    // Receiver window (section 6.2.1 steps iv and v).
    lastAdvertisedRwnd = arwnd;
    lastSackAt = now;
    peerRwnd = Math.max(0, arwnd - totalFlight);

    // T3-rtx rules R2 and R3 (section 6.3.2).
    for (int p = 0; p < pathCount; p++) {
      Path path = paths.get(p);
      if (path.chunksInFlight() == 0 && (markedCount == 0 || !hasRetransmissionFor(path))) {
        path.t3().stop();
      } else if (lowestAcked[p] && path.chunksInFlight() > 0) {
        path.t3().start(now, path.rto().rto());
      }
    }

    if (anyNewlyAcked) {
      env.acknowledgedNewData(now);
    }
    afterAcknowledgement();
    return SackResult.APPLIED;
  }

  private void ensureScratch(int pathCount) {
    if (scratchAckedBytes.length < pathCount) {
      scratchFlightBefore = new long[pathCount];
      scratchAckedBytes = new long[pathCount];
      scratchLowestBefore = new long[pathCount];
      scratchLowestAcked = new boolean[pathCount];
    }
  }

  private long lowestInFlightOn(Path path) {
    if (path.chunksInFlight() == 0) {
      return -1;
    }
    for (int i = 0; i < outstanding.size(); i++) {
      OutstandingChunk c = outstanding.at(i);
      if (c.inFlight && c.path == path) {
        return c.tsn;
      }
    }
    return -1;
  }

  private void creditAck(
      OutstandingChunk c, long now, long[] ackedBytes, long[] lowestBefore, boolean[] lowestAcked) {
    Path path = c.path;
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
      env.acknowledgedOnPath(path, now);
    }
  }

  private void detectReneging(long cum, List<SackChunk.GapAckBlock> gaps, long now) {
    for (int i = 0; i < outstanding.size(); i++) {
      OutstandingChunk c = outstanding.at(i);
      if (!c.gapAcked || covered(c.tsn, cum, gaps)) {
        continue;
      }
      // A gap-acked TSN no longer reported: reneged (section 6.2.1). It counts as missing
      // again and T3 must run (rule R4).
      c.gapAcked = false;
      gapAckedCount--;
      c.misses++;
      if (!c.isMarked()) {
        markTimeout(c, c.path);
        c.path.t3().startIfStopped(now, c.path.rto().rto());
      }
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

  private void markFast(OutstandingChunk c) {
    removeFromFlight(c);
    c.retransmit = OutstandingChunk.Retransmit.FAST;
    c.retransmitPath = c.path;
    c.fastRetransmitted = true;
    markedCount++;
    invalidateTiming(c);
  }

  private void markTimeout(OutstandingChunk c, Path target) {
    removeFromFlight(c);
    if (!c.isMarked()) {
      markedCount++;
    }
    c.retransmit = OutstandingChunk.Retransmit.TIMEOUT;
    c.retransmitPath = target;
    invalidateTiming(c);
  }

  private void removeFromFlight(OutstandingChunk c) {
    if (c.inFlight) {
      c.inFlight = false;
      c.path.removeFromFlight(c.size);
      totalFlight -= c.size;
      // Marking for retransmission gives the bytes back to the peer's window (section 6.2.1).
      peerRwnd += c.size;
    }
  }

  private void invalidateTiming(OutstandingChunk c) {
    Path p = c.path;
    if (p.timedTsn() >= 0 && c.tsn <= p.timedTsn()) {
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

  private void enterFastRecovery() {
    // Cut cwnd once for each destination with newly marked chunks (section 7.2.4 step 2).
    List<Path> paths = env.paths().paths();
    for (int p = 0; p < paths.size(); p++) {
      Path path = paths.get(p);
      if (hasFastRetransmissionFor(path)) {
        path.congestion().onFastRetransmit();
        fastRetransmitPath = path;
      }
    }
    inFastRecovery = true;
    fastRecoveryExit = nextTsn - 1;
  }

  private boolean hasFastRetransmissionFor(Path path) {
    for (int i = 0; i < outstanding.size(); i++) {
      OutstandingChunk c = outstanding.at(i);
      if (c.retransmit == OutstandingChunk.Retransmit.FAST && c.retransmitPath == path) {
        return true;
      }
    }
    return false;
  }

  /**
   * T3-rtx expired on {@code path} (section 6.3.3): E1 cut the window, E2 back off the RTO, E3
   * mark everything in flight there for retransmission to an alternate path when there is one.
   * Error counting is the association's.
   *
   * @return false when nothing was outstanding on the path (a stale expiry)
   */
  public boolean onT3Expired(Path path, long now) {
    path.t3().expire();
    boolean any = false;
    for (int i = 0; i < outstanding.size(); i++) {
      OutstandingChunk c = outstanding.at(i);
      if (!c.gapAcked && (c.path == path && c.inFlight || c.retransmitPath == path)) {
        any = true;
        break;
      }
    }
    if (!any) {
      return false;
    }
    path.congestion().onRetransmissionTimeout();
    path.rto().backoff();
    Path target = env.paths().retransmissionPath(path);
    if (target == null) {
      target = path;
    }
    for (int i = 0; i < outstanding.size(); i++) {
      OutstandingChunk c = outstanding.at(i);
      if (c.gapAcked) {
        continue;
      }
      if ((c.path == path && c.inFlight) || c.retransmitPath == path) {
        markTimeout(c, target);
      }
    }
    path.stopTiming();
    inFastRecovery = false;
    fastRetransmitPath = null;
    return true;
  }

  /**
   * Whether the lowest outstanding chunk is a window probe the peer could not take: its last SACK,
   * received after the chunk was sent, advertised a window smaller than the chunk (zero, or a few
   * bytes). Its T3-rtx expiry is then no path failure: the peer is alive and keeps its window
   * closed (section 6.1).
   */
  public boolean peerWindowClosed() {
    for (int i = 0; i < outstanding.size(); i++) {
      OutstandingChunk c = outstanding.at(i);
      if (!c.gapAcked) {
        return lastSackAt >= c.sentAt && lastAdvertisedRwnd < c.size;
      }
    }
    return lastAdvertisedRwnd == 0;
  }

  private void afterAcknowledgement() {
    if (blockedAboveLowWater && bufferedAmount <= lowWaterMark) {
      blockedAboveLowWater = false;
      env.emit(new SendBufferAvailable(env.associationId(), bufferedAmount));
    }
    if (!dryReported && isIdle()) {
      dryReported = true;
      env.emit(new SenderDry(env.associationId()));
    }
  }

  private void abandonUnsent(OutgoingMessage m, String reason) {
    bufferedAmount -= m.remaining();
    env.emit(
        new SendFailed(
            env.associationId(),
            false,
            m.streamId(),
            m.payloadProtocolId(),
            m.unordered(),
            m.context(),
            reason,
            m.unsentPart()));
    afterAcknowledgement();
  }

  /**
   * The association ends: every unacknowledged chunk and every queued message is reported with
   * SEND_FAILED, carrying its data (RFC 6458 section 6.1.11). Nothing is lost silently.
   */
  public void failAll(String reason) {
    for (int i = 0; i < outstanding.size(); i++) {
      OutstandingChunk c = outstanding.at(i);
      DataChunk d = c.chunk;
      env.emit(
          new SendFailed(
              env.associationId(),
              true,
              d.streamId(),
              d.payloadProtocolId(),
              d.unordered(),
              c.context,
              reason,
              d.userData()));
    }
    while (!outstanding.isEmpty()) {
      outstanding.removeFirst();
    }
    for (OutgoingMessage m : queue.drain()) {
      env.emit(
          new SendFailed(
              env.associationId(),
              false,
              m.streamId(),
              m.payloadProtocolId(),
              m.unordered(),
              m.context(),
              reason,
              m.unsentPart()));
    }
    bufferedAmount = 0;
    totalFlight = 0;
    markedCount = 0;
    gapAckedCount = 0;
    dryReported = true;
  }

  // ---- state -----------------------------------------------------------------------------

  /** Nothing queued and nothing unacknowledged. */
  public boolean isIdle() {
    return queue.isEmpty() && outstanding.isEmpty();
  }

  public boolean hasQueuedData() {
    return !queue.isEmpty();
  }

  public boolean hasOutstandingData() {
    return !outstanding.isEmpty();
  }

  /** Bytes queued or unacknowledged (the buffered amount). */
  public long bufferedAmount() {
    return bufferedAmount;
  }

  public long queuedBytes() {
    return queue.bytes();
  }

  public int queuedMessages() {
    return queue.size();
  }

  /** DATA chunks sent and not cumulatively acknowledged (sstat_unackdata). */
  public int unacknowledgedChunks() {
    return outstanding.size();
  }

  public long peerRwnd() {
    return peerRwnd;
  }

  public long totalFlight() {
    return totalFlight;
  }

  public boolean inFastRecovery() {
    return inFastRecovery;
  }

  /** Our cumulative TSN ack point (the last TSN the peer acknowledged cumulatively). */
  public int cumulativeAckPoint() {
    return SequenceUnwrapper.wrap(cumAckPoint);
  }

  /** The TSN the next new chunk gets. */
  public int nextTsn() {
    return SequenceUnwrapper.wrap(nextTsn);
  }

  public SendQueue queue() {
    return queue;
  }
}
