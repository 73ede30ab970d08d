package org.jsctp.tx;

import org.jsctp.api.SendOutcome;
import java.util.List;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.SendFailed;
import org.jsctp.api.StreamSchedulerKind;
import org.jsctp.ha.SenderSnapshot;
import org.jsctp.path.Path;
import org.jsctp.stats.MibCounter;
import org.jsctp.util.SequenceUnwrapper;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.CommonHeader;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.PacketBuilder;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.UserDataChunk;

/**
 * The sending half of an association: accepts user messages into the {@link SendQueue}, cuts
 * them into DATA chunks (or I-DATA chunks, RFC 8260) with TSNs as packets are built, and acts on what {@link OutstandingData}
 * makes of each SACK: the congestion windows grow or are cut (RFC 9260 section 7.2), Fast
 * Recovery begins and ends, the T3-rtx timers follow rules R2 and R3 (section 6.3.2), and the
 * peer's receive window is tracked, with zero-window probing (section 6.1). Also Nagle-like
 * bundling delay and Max.Burst, and T3-rtx expiry (section 6.3.3). What follows a SACK is in
 * {@code SackResponse}, the loss of a path's chunks (T3-rtx, a removed path) in {@code PathLoss}.
 */
public final class DataSender {

  // Package-private for SenderImage and ThresholdTakeover, which export, restore and skip, and
  // for SackResponse and PathLoss, which act on SACKs and on losses.
  final SenderEnvironment env;
  private final SenderSettings settings;
  final SendQueue queue;
  final ChunkCutter cutter;
  /** The bytes before the user data of each chunk: 16 for DATA, 20 for I-DATA. */
  private final int chunkHeader;
  final OutstandingData outstanding;
  final SendBuffer buffer;
  final PeerWindow window;
  final PartialReliability pr;
  /** The path the latest FORWARD-TSN went on; its T3-rtx runs until the peer acknowledges it. */
  Path forwardTsnPath;

  boolean inFastRecovery;
  long fastRecoveryExit;
  Path fastRetransmitPath;
  private int burstBudget;
  final OutboundStreams streams;
  /** The association's replication (an HA mode), or null: the one field the data path tests. */
  SendReplication replication;

  /**
   * @param initialTsn our Initial TSN
   * @param outboundStreams the negotiated number of outbound streams
   * @param peerRwnd the a_rwnd of the peer's INIT or INIT ACK (trap 11: start with it, not zero)
   * @param partialReliability whether PR-SCTP was negotiated
   * @param interleaving whether I-DATA was negotiated (RFC 8260)
   */
  public DataSender(int initialTsn, int outboundStreams, long peerRwnd, boolean partialReliability,
      boolean interleaving, SenderSettings settings, SenderEnvironment env) {
    this.env = env;
    this.settings = settings;
    this.queue = new SendQueue(interleaving);
    this.cutter = new ChunkCutter(interleaving);
    this.chunkHeader = cutter.headerLength();
    this.outstanding = new OutstandingData(initialTsn);
    this.buffer = new SendBuffer(settings, env);
    this.window = new PeerWindow(peerRwnd);
    this.burstBudget = settings.maxBurst();
    queue.setStreamCount(outboundStreams);
    this.pr = new PartialReliability(partialReliability, outboundStreams, outstanding, queue, buffer,
        cutter, env);
    this.streams = new OutboundStreams(queue, pr, this::streamsChanged);
  }

  /** The type of the user data chunks: DATA, or I-DATA with interleaving (RFC 8260). */
  public int chunkType() {
    return cutter.chunkType();
  }

  /**
   * The largest user data one DATA or I-DATA chunk carries: AMDCS, less an AUTH chunk the peer
   * wants with user data, lowered by SCTP_MAXSEG.
   */
  public int fragmentSize() {
    int size = env.paths().fragmentPoint() - (chunkHeader - DataChunk.HEADER_LENGTH)
        - env.dataAuthenticationOverhead();
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
    if (!buffer.admit(length) && !(pr.makeRoom(message.message, length) && buffer.admit(length))) {
      return SendOutcome.WOULD_BLOCK;
    }
    queue.add(message);
    if (replication != null) {
      replication.queued(message.arrival, message.message);
    }
    return SendOutcome.ACCEPTED;
  }

  // ---- streams and stream reconfiguration (RFC 8260, RFC 6525) -----------------------------

  /** The outbound streams: scheduler, per-stream values, pauses, resets, additions. */
  public OutboundStreams streams() {
    return streams;
  }

  private void streamsChanged() {
    if (replication != null) {
      replication.streamsChanged();
    }
  }

  /** The last TSN assigned: the next one minus 1 (RFC 6525 section 5.1.2 A3). */
  public int lastAssignedTsn() {
    return SequenceUnwrapper.wrap(outstanding.nextTsn() - 1);
  }

  /**
   * Whether the TSN may start again elsewhere (an SSN/TSN reset, RFC 6525 section 5.1.4): nothing
   * is unacknowledged and no message is partly cut into chunks.
   */
  public boolean readyForTsnReset() {
    return outstanding.isEmpty() && streams.settled(List.of());
  }

  /**
   * The next TSN becomes {@code nextTsn} after an SSN/TSN reset, with every stream's SSN or MIDs
   * at 0 (RFC 6525 section 5.2.4 G2, G3 and G5). Only when {@link #readyForTsnReset()}.
   */
  public void restartTsn(int nextTsn) {
    outstanding.restartAt(nextTsn);
    streams.reset(List.of());
  }

  /** Starts a new send round: Max.Burst packets of new data may go (RFC 9260 section 6.1). */
  public void startRound() {
    burstBudget = settings.maxBurst();
  }

  // ---- building packets ------------------------------------------------------------------

  /** Whether {@link #fill} could add anything for {@code path} now. */
  public boolean wantsToSend(Path path, Path dataPath, long now) {
    if (path == dataPath && pr.forwardTsnDue()) {
      return true;
    }
    if (outstanding.hasRetransmissionFor(path)) {
      return path == fastRetransmitPath || path.congestion().allowsSending(path.flightSize());
    }
    return path == dataPath && canSendNewData(path) && !nagleHolds();
  }

  private boolean canSendNewData(Path path) {
    if (!queue.hasSendable() || burstBudget <= 0) {
      return false;
    }
    if (!path.congestion().allowsSending(path.flightSize())) {
      return false;
    }
    if (replication != null && !replication.mayCut(SequenceUnwrapper.wrap(outstanding.nextTsn()))) {
      return false;
    }
    int next = Math.min(queue.peek().remaining(), fragmentSize());
    return window.admits(chunkHeader + next, outstanding.totalFlight());
  }

  /**
   * The padded length of the next chunk to retransmit on {@code path} when it does not fit a
   * packet of {@code maxPacketSize} (its path MTU went down after the chunk got its TSN; RFC 9260
   * section 6.9 forbids cutting it again), else 0. The caller sends it alone in a larger packet,
   * marked for fragmentation (RFC 8899 section 4.4).
   */
  public int oversizedRetransmission(Path path, int maxPacketSize) {
    if (outstanding.markedCount() == 0) {
      return 0;
    }
    for (int i = 0; i < outstanding.size(); i++) {
      OutstandingChunk c = outstanding.at(i);
      if (c.isMarked() && c.retransmitPath == path) {
        int padded = c.chunk.paddedLength();
        return padded > maxPacketSize - CommonHeader.LENGTH ? padded : 0;
      }
    }
    return 0;
  }

  /**
   * Nagle-like delay (unless SCTP_NODELAY): while data is in flight, hold back less than a full
   * chunk of new data so that it can be bundled. The tail of a message whose first fragments
   * already went is never held (as Linux never delays a fragmented message): it would wait a
   * round trip for nothing to bundle with.
   */
  private boolean nagleHolds() {
    return !settings.nodelay() && outstanding.totalFlight() > 0
        && queue.sendableBytes() < fragmentSize() && !queue.peek().started();
  }

  /**
   * Adds retransmissions for {@code path} and then, if it is the data path, new data into the
   * packet, as congestion and receive windows allow. Retransmissions always go before new data.
   *
   * @return the number of DATA chunks added
   */
  public int fill(PacketBuilder packet, Path path, Path dataPath, long now) {
    pr.expire(now);
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
            || !packet.fits(c.chunk.type(), c.chunk.encodedLength())) {
          pendingRetransmission = true;
          break;
        }
        if (!pr.mayRetransmit(c)) {
          continue;
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
    queue.packetStarted();
    while (queue.hasSendable()) {
      QueuedMessage m = queue.peek();
      if (!m.started() && m.expiresAt() <= now) {
        pr.abandonUnsent(queue.poll(), "lifetime expired before sending", SendFailed.Cause.EXPIRED);
        buffer.afterAcknowledgement(isIdle());
        continue;
      }
      if (!path.congestion().allowsSending(path.flightSize())) {
        break;
      }
      if (replication != null
          && !replication.mayCut(SequenceUnwrapper.wrap(outstanding.nextTsn()))) {
        break;
      }
      int length = Math.min(m.remaining(), fragmentSize());
      int chunkSize = chunkHeader + length;
      if (!window.admits(chunkSize, outstanding.totalFlight())) {
        break;
      }
      if (newChunks == 0 && added == 0 && nagleHolds()) {
        break;
      }
      if (!packet.fits(cutter.chunkType(), chunkSize)) {
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
    boolean beginning = !m.started();
    if (beginning) {
      m.assignMessageId(queue.takeMessageId(m.streamId(), m.unordered()));
      if (length < m.payload().length()) {
        env.counters().increment(MibCounter.SCTP_FRAG_USR_MSGS);
      }
    }
    boolean ending = m.offset() + length == m.payload().length();
    UserDataChunk chunk = cutter.cut(m, SequenceUnwrapper.wrap(outstanding.nextTsn()), length,
        ending, (ending && m.sackImmediately()) || stallsAfter(m, length));
    queue.consumed(m, length);
    OutstandingChunk c = outstanding.sent(chunk, m, path, now);
    if (replication != null) {
      replication.cut(chunk, m.arrival, c.messageOffset, false);
    }
    pr.sent(m);
    window.sent(c.size);
    packet.add(chunk);
    env.counters().increment(
        m.unordered() ? MibCounter.SCTP_OUT_UNORDER_CHUNKS : MibCounter.SCTP_OUT_ORDER_CHUNKS);
    if (path.timedTsn() < 0) {
      path.startTiming(c.tsn, now);
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
    long chunkSize = (chunkHeader + length + 3) & ~3;
    long rwndAfter = window.rwnd() - chunkSize;
    long sendable = queue.sendableBytes();
    if (sendable == length) {
      return buffer.blocked();
    }
    // The next chunk is the rest of this message or of another; when another, at most this big.
    int nextLength = (int) Math.min(
        m.remaining() > length ? m.remaining() - length : sendable - length, fragmentSize());
    return rwndAfter < chunkHeader + nextLength;
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
    if (outcome.kind() == OutstandingData.SackKind.APPLIED && forwardTsnPath != null) {
      pr.onSack(sack, now, forwardTsnPath.rto().srtt());
    }
    return SackResponse.apply(this, outcome, sack.advertisedReceiverWindowCredit(), paths, now);
  }

  /** Applies the cumulative TSN ack of a SHUTDOWN chunk (RFC 9260 section 9.2). */
  public SackResult onShutdownCumAck(int cumulativeTsnAck, long now) {
    List<Path> paths = env.paths().paths();
    OutstandingData.SackOutcome outcome = outstanding.applyShutdownCumAck(
        cumulativeTsnAck, inFastRecovery, paths, now, env::acknowledgedOnPath);
    if (outcome == OutstandingData.SackOutcome.NOTHING) {
      return SackResult.APPLIED;
    }
    return SackResponse.apply(this, outcome, window.lastAdvertised(), paths, now);
  }

  /**
   * T3-rtx expired on {@code path} (section 6.3.3): E1 cut the window, E2 back off the RTO, E3
   * mark everything in flight there for retransmission to an alternate path when there is one.
   * Error counting is the association's.
   *
   * @return false when nothing was outstanding on the path (a stale expiry)
   */
  public boolean onT3Expired(Path path, long now) {
    return PathLoss.t3Expired(this, path, now);
  }

  /**
   * {@code removed} left the association (RFC 5061 Delete IP Address): what is outstanding on it
   * is retransmitted on {@code target}, without the congestion response of a T3-rtx expiry.
   */
  public void pathRemoved(Path removed, Path target) {
    PathLoss.removed(this, removed, target);
  }

  /**
   * Path MTU discovery found a black hole on {@code path} (RFC 8899 section 4.3): what is in flight
   * there went in packets that no longer get through. It is marked for retransmission on the
   * path at once, without the congestion response and RTO backoff of a T3-rtx expiry, since
   * congestion did not lose it; chunks now larger than the PLPMTU go as IP fragments.
   */
  public void retransmitAfterBlackHole(Path path, long now) {
    window.credit(outstanding.markForTimeout(path, path));
    path.stopTiming();
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

  /**
   * The association ends: every unacknowledged chunk and every queued message is reported with
   * SEND_FAILED, carrying its data (RFC 6458 section 6.1.11). Nothing is lost silently.
   */
  public void failAll(String reason) {
    outstanding.drain(c -> {
      if (!c.message.abandoned) {
        env.emit(new SendFailed(env.associationId(), true, c.chunk.streamId(),
            c.message.payloadProtocolId(), c.chunk.unordered(), c.message.context(), reason,
            c.chunk.userData(), SendFailed.Cause.ASSOCIATION_ENDED));
      }
    });
    for (QueuedMessage m : queue.drain()) {
      env.emit(new SendFailed(env.associationId(), false, m.streamId(), m.payloadProtocolId(),
          m.unordered(), m.context(), reason, m.unsentPart(), SendFailed.Cause.ASSOCIATION_ENDED));
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

  // ---- PR-SCTP ----------------------------------------------------------------------------

  /**
   * The FORWARD-TSN (or I-FORWARD-TSN with I-DATA) to bundle into the next packet to the data
   * path (RFC 3758 section 3.5, RFC 8260 section 2.3), or null.
   */
  public Chunk pendingForwardTsn() {
    return pr.forwardTsn();
  }

  /**
   * The pending FORWARD-TSN went out on {@code path}: T3-rtx runs there while the peer has not
   * acknowledged it, so that a lost one goes again.
   */
  public void forwardTsnSent(Path path, long now) {
    pr.forwardTsnSent(now);
    forwardTsnPath = path;
    path.t3().startIfStopped(now, path.rto().rto());
  }

  boolean awaitsForwardTsnAck(Path path) {
    return path == forwardTsnPath
        && outstanding.advancedPeerAckPoint() > outstanding.cumulativeAckPoint();
  }

  /** Messages abandoned after being (partly) sent, on {@code stream} or on all when -1. */
  public long abandonedSent(int stream) {
    return pr.abandonedSent(stream);
  }

  /** Messages abandoned before any of them was sent, on {@code stream} or on all when -1. */
  public long abandonedUnsent(int stream) {
    return pr.abandonedUnsent(stream);
  }

  // ---- replication (docs/ha.md) ------------------------------------------------------------

  /** Tells {@code replication} (an HA mode) what happens from now on; null stops telling. */
  public void setReplication(SendReplication replication) {
    this.replication = replication;
    pr.setReplication(replication);
  }

  /**
   * This half as a standby needs it: next TSN, cumulative TSN ack, the peer's window, the
   * streams, every message not fully acknowledged and every outstanding chunk. Lifetimes are
   * given as what is left of them at {@code now}.
   */
  public SenderSnapshot exportState(long now) {
    return SenderImage.export(this, now);
  }

  /** The replicated state of outbound stream {@code s}. */
  public SenderSnapshot.Stream streamState(int s) {
    return SenderImage.streamState(this, s);
  }

  /** The replicated form of a message just queued ({@link SendReplication#queued}). */
  public static SenderSnapshot.Message exportQueued(long id, OutgoingMessage m, long now) {
    return SenderImage.exportQueued(id, m, now);
  }

  /**
   * The sending half of a replicated association, as a standby takes it over: its messages,
   * queued or under way, every stream's counters, and its outstanding chunks, which all wait for
   * retransmission to {@code target} (whether the active's last transmissions arrived is not
   * known). Lifetimes count from {@code now}.
   *
   * @throws IllegalArgumentException when the outstanding chunks do not run without a gap from the
   *     cumulative TSN ack + 1 to the next TSN - 1, or name a message the snapshot lacks
   */
  public static DataSender restore(SenderSnapshot s, boolean partialReliability,
      boolean interleaving, SenderSettings settings, SenderEnvironment env, Path target,
      StreamSchedulerKind scheduler, long now) {
    DataSender d = new DataSender(s.cumulativeTsnAck() + 1, s.streams().size(), s.peerRwnd(),
        partialReliability, interleaving, settings, env);
    d.streams.setScheduler(scheduler);
    SenderImage.restoreInto(d, s, interleaving, now);
    if (target != null) {
      d.outstanding.markAllForRetransmission(target);
    }
    return d;
  }

  /**
   * A standby takes over in THRESHOLD mode (docs/ha.md): the active may have used up to {@code
   * jump} TSNs past the last it replicated, and started up to {@code jump / 2} messages there,
   * which the standby cannot know. So those TSNs are abandoned unsent (a FORWARD-TSN skips them),
   * every stream's SSN or MIDs move on by {@code jump / 2} (the FORWARD-TSN skips those too), and
   * every message the active may have sent in that range is abandoned and reported in a
   * SEND_FAILED with {@link SendFailed.Cause#TAKEOVER}: those partly sent, and the first {@code
   * jump / 2} not yet started on streams not paused (in the order they were queued with the
   * first-come-first-served scheduler, otherwise the first of each stream). Needs PR-SCTP.
   *
   * @return the messages reported
   */
  public int skipUnknownRange(int jump) {
    if (!pr.enabled()) {
      throw new IllegalStateException("a THRESHOLD takeover needs PR-SCTP");
    }
    int lost = ThresholdTakeover.skip(this, jump);
    buffer.afterAcknowledgement(isIdle());
    return lost;
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
