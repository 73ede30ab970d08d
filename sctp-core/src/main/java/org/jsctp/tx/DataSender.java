package org.jsctp.tx;

import org.jsctp.api.SendOutcome;
import java.util.List;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.SendFailed;
import org.jsctp.path.Path;
import org.jsctp.stats.MibCounter;
import org.jsctp.util.SequenceUnwrapper;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.PacketBuilder;
import org.jsctp.wire.SackChunk;

/**
 * The sending half of an association: accepts user messages into the {@link SendQueue}, cuts
 * them into DATA chunks with TSNs as packets are built, and acts on what {@link OutstandingData}
 * makes of each SACK: the congestion windows grow or are cut (RFC 9260 section 7.2), Fast
 * Recovery begins and ends, the T3-rtx timers follow rules R2 and R3 (section 6.3.2), and the
 * peer's receive window is tracked, with zero-window probing (section 6.1). Also Nagle-like
 * bundling delay and Max.Burst, and T3-rtx expiry (section 6.3.3).
 */
public final class DataSender {

  private final SenderEnvironment env;
  private final SenderSettings settings;
  private final SendQueue queue = new SendQueue();
  private final OutstandingData outstanding;
  private final SendBuffer buffer;
  private final PeerWindow window;

  private boolean inFastRecovery;
  private long fastRecoveryExit;
  private Path fastRetransmitPath;
  private int burstBudget;

  /**
   * @param initialTsn our Initial TSN
   * @param outboundStreams the negotiated number of outbound streams
   * @param peerRwnd the a_rwnd of the peer's INIT or INIT ACK (trap 11: start with it, not zero)
   */
  public DataSender(int initialTsn, int outboundStreams, long peerRwnd, SenderSettings settings,
      SenderEnvironment env) {
    this.env = env;
    this.settings = settings;
    this.outstanding = new OutstandingData(initialTsn);
    this.buffer = new SendBuffer(settings, env);
    this.window = new PeerWindow(peerRwnd);
    this.burstBudget = settings.maxBurst();
    queue.setStreamCount(outboundStreams);
  }

  /** The largest user data one DATA chunk carries: AMDCS, lowered by SCTP_MAXSEG. */
  public int fragmentSize() {
    int size = env.paths().fragmentPoint();
    int maxSegment = settings.maxSegment();
    if (maxSegment > 0 && maxSegment < size) {
      size = maxSegment;
    }
    return Math.max(1, size);
  }

  // ---- user calls ------------------------------------------------------------------------

  /** Queues a user message after checking stream, size and the send buffer. */
  public SendOutcome send(OutgoingMessage message) {
    return send(new QueuedMessage(message));
  }

  private SendOutcome send(QueuedMessage message) {
    if (message.streamId() < 0 || message.streamId() >= queue.streamCount()) {
      return SendOutcome.INVALID_STREAM;
    }
    int length = message.payload().length();
    if (settings.disableFragments() && length > fragmentSize()) {
      return SendOutcome.MESSAGE_TOO_BIG;
    }
    if (!buffer.admit(length)) {
      return SendOutcome.WOULD_BLOCK;
    }
    queue.add(message);
    return SendOutcome.ACCEPTED;
  }

  /** Starts a new send round: Max.Burst packets of new data may go (RFC 9260 section 6.1). */
  public void startRound() {
    burstBudget = settings.maxBurst();
  }

  // ---- building packets ------------------------------------------------------------------

  /** Whether {@link #fill} could add anything for {@code path} now. */
  public boolean wantsToSend(Path path, Path dataPath, long now) {
    if (outstanding.hasRetransmissionFor(path)) {
      return path == fastRetransmitPath || path.congestion().allowsSending(path.flightSize());
    }
    return path == dataPath && canSendNewData(path) && !nagleHolds();
  }

  private boolean canSendNewData(Path path) {
    if (queue.isEmpty() || burstBudget <= 0) {
      return false;
    }
    if (!path.congestion().allowsSending(path.flightSize())) {
      return false;
    }
    int next = Math.min(queue.peek().remaining(), fragmentSize());
    return window.admits(16 + next, outstanding.totalFlight());
  }

  /**
   * Nagle-like delay (unless SCTP_NODELAY): while data is in flight, hold back less than a full
   * chunk of new data so that it can be bundled. The tail of a message whose first fragments
   * already went is never held (as Linux never delays a fragmented message): it would wait a
   * round trip for nothing to bundle with.
   */
  private boolean nagleHolds() {
    return !settings.nodelay() && outstanding.totalFlight() > 0 && queue.bytes() < fragmentSize()
        && !queue.peek().started();
  }

  /**
   * Adds retransmissions for {@code path} and then, if it is the data path, new data into the
   * packet, as congestion and receive windows allow. Retransmissions always go before new data.
   *
   * @return the number of DATA chunks added
   */
  public int fill(PacketBuilder packet, Path path, Path dataPath, long now) {
    if (!packet.acceptsData()) {
      // A chunk given a TSN or marked sent must go out in this packet, or it would count as sent.
      return 0;
    }
    int added = 0;
    boolean pendingRetransmission = false;
    if (outstanding.markedCount() > 0) {
      boolean ignoreCwnd = path == fastRetransmitPath;
      for (int i = 0; i < outstanding.size() && outstanding.markedCount() > 0; i++) {
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
      pendingRetransmission |= outstanding.hasRetransmissionFor(path);
    }
    if (pendingRetransmission || path != dataPath || burstBudget <= 0) {
      return added;
    }
    int newChunks = 0;
    path.decayIdleWindow(now);
    while (!queue.isEmpty()) {
      QueuedMessage m = queue.peek();
      if (!m.started() && m.expiresAt() <= now) {
        abandonUnsent(queue.poll(), "lifetime expired before sending");
        continue;
      }
      if (!path.congestion().allowsSending(path.flightSize())) {
        break;
      }
      int length = Math.min(m.remaining(), fragmentSize());
      int chunkSize = 16 + length;
      if (!window.admits(chunkSize, outstanding.totalFlight())) {
        break;
      }
      if (newChunks == 0 && added == 0 && nagleHolds()) {
        break;
      }
      if (!packet.fits(chunkSize)) {
        break;
      }
      sendNew(packet, m, length, path, now);
      newChunks++;
      if (window.closed()) {
        break;
      }
    }
    if (newChunks > 0) {
      burstBudget--;
    }
    return added + newChunks;
  }

  private void sendNew(PacketBuilder packet, QueuedMessage m, int length, Path path, long now) {
    boolean beginning = m.offset() == 0;
    if (beginning) {
      m.assignStreamSequenceNumber(m.unordered() ? 0 : queue.takeSsn(m.streamId()));
      if (length < m.payload().length()) {
        env.counters().increment(MibCounter.SCTP_FRAG_USR_MSGS);
      }
    }
    boolean ending = m.offset() + length == m.payload().length();
    long tsn = outstanding.nextTsn();
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
    OutstandingChunk c = outstanding.sent(chunk, m.context(), path, now);
    window.sent(c.size);
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
  private boolean stallsAfter(QueuedMessage m, int length) {
    long chunkSize = (16 + length + 3) & ~3;
    long rwndAfter = window.rwnd() - chunkSize;
    if (queue.bytes() == length) {
      return buffer.blocked();
    }
    int nextLength = m.remaining() > length
        ? Math.min(m.remaining() - length, fragmentSize())
        : nextMessageChunk();
    return rwndAfter < 16 + nextLength;
  }

  private int nextMessageChunk() {
    QueuedMessage next = queue.peekSecond();
    return next == null ? 0 : Math.min(next.remaining(), fragmentSize());
  }

  private void retransmit(PacketBuilder packet, OutstandingChunk c, Path path, long now) {
    boolean lowest = c.tsn == outstanding.lowestOutstandingOn(path);
    OutstandingChunk.Retransmit kind = outstanding.retransmitted(c, path, now);
    window.sent(c.size);
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
    List<Path> paths = env.paths().paths();
    OutstandingData.SackOutcome outcome =
        outstanding.applySack(sack, inFastRecovery, paths, now, env::acknowledgedOnPath);
    return afterSack(outcome, sack.advertisedReceiverWindowCredit(), paths, now);
  }

  /** Applies the cumulative TSN ack of a SHUTDOWN chunk (RFC 9260 section 9.2). */
  public SackResult onShutdownCumAck(int cumulativeTsnAck, long now) {
    List<Path> paths = env.paths().paths();
    OutstandingData.SackOutcome outcome = outstanding.applyShutdownCumAck(
        cumulativeTsnAck, inFastRecovery, paths, now, env::acknowledgedOnPath);
    if (outcome == OutstandingData.SackOutcome.NOTHING) {
      return SackResult.APPLIED;
    }
    return afterSack(outcome, window.lastAdvertised(), paths, now);
  }

  private SackResult afterSack(OutstandingData.SackOutcome outcome, long arwnd, List<Path> paths, long now) {
    switch (outcome.kind()) {
      case STALE -> {
        return SackResult.STALE;
      }
      case INVALID -> {
        return SackResult.INVALID;
      }
      default -> {}
    }
    buffer.released(outcome.payloadBytesReleased());
    // Congestion window growth first, then the cut (section 7.2.4 step 2).
    for (int p = 0; p < paths.size(); p++) {
      Path path = paths.get(p);
      path.congestion().onAcked(outstanding.ackedBytesOn(path), outstanding.flightBeforeOn(path),
          inFastRecovery, path.chunksInFlight() == 0);
    }
    if (outcome.newFastRetransmit() && !inFastRecovery) {
      enterFastRecovery(paths);
    }
    if (inFastRecovery && outstanding.cumulativeAckPoint() >= fastRecoveryExit) {
      inFastRecovery = false;
    }
    // Receiver window (section 6.2.1 steps iv and v).
    window.advertised(arwnd, outstanding.totalFlight(), now);
    // T3-rtx rules R2 and R3 (section 6.3.2).
    for (int p = 0; p < paths.size(); p++) {
      Path path = paths.get(p);
      if (path.chunksInFlight() == 0 && !outstanding.hasRetransmissionFor(path)) {
        path.t3().stop();
      } else if (outstanding.lowestAckedOn(path) && path.chunksInFlight() > 0) {
        path.t3().start(now, path.rto().rto());
      }
    }
    if (outcome.newlyAcked()) {
      env.acknowledgedNewData(now);
    }
    buffer.afterAcknowledgement(isIdle());
    return SackResult.APPLIED;
  }

  private void enterFastRecovery(List<Path> paths) {
    // Cut cwnd once for each destination with newly marked chunks (section 7.2.4 step 2).
    for (int p = 0; p < paths.size(); p++) {
      Path path = paths.get(p);
      if (outstanding.hasFastRetransmissionFor(path)) {
        path.congestion().onFastRetransmit();
        fastRetransmitPath = path;
      }
    }
    inFastRecovery = true;
    fastRecoveryExit = outstanding.nextTsn() - 1;
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
    if (!outstanding.hasOutstandingOn(path)) {
      return false;
    }
    path.congestion().onRetransmissionTimeout();
    path.rto().backoff();
    Path target = env.paths().retransmissionPath(path);
    window.credit(outstanding.markForTimeout(path, target != null ? target : path));
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
    OutstandingChunk c = outstanding.lowestNotGapAcked();
    return c != null ? window.refused(c.size, c.sentAt) : window.lastAdvertised() == 0;
  }

  private void abandonUnsent(QueuedMessage m, String reason) {
    buffer.released(m.remaining());
    env.emit(new SendFailed(env.associationId(), false, m.streamId(), m.payloadProtocolId(),
        m.unordered(), m.context(), reason, m.unsentPart()));
    buffer.afterAcknowledgement(isIdle());
  }

  /**
   * The association ends: every unacknowledged chunk and every queued message is reported with
   * SEND_FAILED, carrying its data (RFC 6458 section 6.1.11). Nothing is lost silently.
   */
  public void failAll(String reason) {
    outstanding.drain(c -> env.emit(new SendFailed(env.associationId(), true, c.chunk.streamId(),
        c.chunk.payloadProtocolId(), c.chunk.unordered(), c.context, reason, c.chunk.userData())));
    for (QueuedMessage m : queue.drain()) {
      env.emit(new SendFailed(env.associationId(), false, m.streamId(), m.payloadProtocolId(),
          m.unordered(), m.context(), reason, m.unsentPart()));
    }
    buffer.clear();
  }

  /**
   * Takes back every message not yet cut into chunks, in the order it would have been sent (the
   * handshake starts over, or the peer's TSN space changed); one partly sent stays, to be
   * reported by {@link #failAll}.
   */
  public List<OutgoingMessage> takeUnsent() {
    List<OutgoingMessage> unsent = queue.takeUnstarted();
    for (OutgoingMessage m : unsent) {
      buffer.released(m.payload().length());
    }
    return unsent;
  }

  // ---- state -----------------------------------------------------------------------------

  /** Nothing queued and nothing unacknowledged. */
  public boolean isIdle() {
    return queue.isEmpty() && outstanding.isEmpty();
  }

  public int streamCount() {
    return queue.streamCount();
  }

  /** Bytes queued or unacknowledged (the buffered amount). */
  public long bufferedAmount() {
    return buffer.amount();
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
    return window.rwnd();
  }

  public long totalFlight() {
    return outstanding.totalFlight();
  }

  public boolean inFastRecovery() {
    return inFastRecovery;
  }

  /** Our cumulative TSN ack point (the last TSN the peer acknowledged cumulatively). */
  public int cumulativeAckPoint() {
    return SequenceUnwrapper.wrap(outstanding.cumulativeAckPoint());
  }

  /** The TSN the next new chunk gets. */
  public int nextTsn() {
    return SequenceUnwrapper.wrap(outstanding.nextTsn());
  }
}
