package org.jsctp.rx;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.SctpEvent;
import org.jsctp.api.StreamReset;
import org.jsctp.ha.ReceiverSnapshot;
import org.jsctp.stats.MibCounter;
import org.jsctp.wire.ForwardTsnChunk;
import org.jsctp.wire.IForwardTsnChunk;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.UserDataChunk;

/**
 * The receiving half of an association: TSN tracking, reassembly, ordered and unordered
 * delivery, the advertised receive window, and when to SACK (RFC 9260 sections 6.2, 6.5, 6.7 and
 * 6.9).
 *
 * <p>The window counts everything held for the application: fragments, complete messages
 * waiting for an earlier SSN, and delivered messages the application has not read yet (reported
 * through {@link #consumed(long)}). A full window gives up held TSNs in {@code Reneging};
 * FORWARD-TSN and I-FORWARD-TSN are handled in {@code ForwardTsnReceipt}.
 */
public final class DataReceiver {

  /** What became of a received DATA chunk. */
  public enum DataOutcome {
    /** New data, taken. */
    ACCEPTED,
    /** Already received; reported in the next SACK. */
    DUPLICATE,
    /** No room in the window, or too far ahead: not acknowledged, the peer resends. */
    DROPPED,
    /** For a stream that does not exist: acknowledged and dropped; answer with cause 1. */
    INVALID_STREAM,
    /** No user data: the caller aborts with cause 9 (RFC 9260 section 6.2). */
    EMPTY
  }

  // Package-private for ReceiverImage (export and restore), Reneging and ForwardTsnReceipt.
  final ReceiverEnvironment env;
  final ReceiverSettings settings;
  final TsnTracker tracker;
  final boolean interleaving;
  final MessageDelivery delivery;
  /** An incoming stream reset waiting for earlier TSNs (RFC 6525 section 5.2.2), or null. */
  DeferredStreamReset deferredReset;
  /** Bytes reserved in the stack's receive memory: what is held, once each call is over. */
  private long reserved;
  private int streams;

  final SackTiming sack;
  private InetAddress lastDataSource;
  /** The association's replication (an HA mode), or null: the one field the data path tests. */
  ReceiveReplication replication;
  /** With replication: the acknowledgements the standby allows. */
  AckGate gate;

  /**
   * @param peerInitialTsn the peer's Initial TSN
   * @param inboundStreams the negotiated number of inbound streams
   * @param interleaving whether I-DATA was negotiated (RFC 8260): messages come in I-DATA chunks
   */
  public DataReceiver(int peerInitialTsn, int inboundStreams, boolean interleaving,
      ReceiverSettings settings, ReceiverEnvironment env) {
    this(new TsnTracker(peerInitialTsn), inboundStreams, interleaving, settings, env);
  }

  private DataReceiver(TsnTracker tracker, int inboundStreams, boolean interleaving,
      ReceiverSettings settings, ReceiverEnvironment env) {
    this.env = env;
    this.interleaving = interleaving;
    this.delivery = new MessageDelivery(interleaving, inboundStreams, env);
    this.settings = settings;
    this.tracker = tracker;
    this.streams = inboundStreams;
    this.sack = new SackTiming(settings.rcvbuf());
  }

  public int streamCount() {
    return streams;
  }

  /**
   * Messages holding more than this many bytes are delivered in pieces: SCTP_PARTIAL_DELIVERY_POINT,
   * at most half the receive buffer (and half of it when the option is 0).
   */
  public long partialDeliveryPoint() {
    long half = settings.rcvbuf() / 2;
    long point = settings.partialDeliveryPoint();
    return point == 0 ? half : Math.max(1, Math.min(point, half));
  }

  // ---- input -----------------------------------------------------------------------------

  /** Handles one DATA (or I-DATA) chunk of the packet being processed. */
  public DataOutcome onData(UserDataChunk d, InetAddress source) {
    DataOutcome outcome = receive(d, source);
    finishDeferredResetIfDue();
    syncMemory();
    return outcome;
  }

  private DataOutcome receive(UserDataChunk d, InetAddress source) {
    sack.dataArrived();
    lastDataSource = source;
    int tsn = d.tsn();
    int length = d.userData().length();
    if (length == 0) {
      return DataOutcome.EMPTY;
    }
    if (!tracker.isNew(tsn)) {
      tracker.receive(tsn);
      sack.duplicateArrived();
      env.counters().increment(MibCounter.SCTP_IN_DUPLICATE_TSNS);
      return DataOutcome.DUPLICATE;
    }
    if (d.streamId() >= streams) {
      // RFC 9260 section 6.5: acknowledge the TSN, report cause 1, drop the data.
      if (tracker.receive(tsn) == TsnTracker.Outcome.REFUSED) {
        return dropped();
      }
      if (replication != null) {
        gate.received(tsn, replication.pendingSequence());
        replication.tsnOnly(tsn);
      }
      return DataOutcome.INVALID_STREAM;
    }
    if (held() + length > settings.rcvbuf()) {
      // The window is full: start delivering a large message so the application can make
      // room, and take this chunk only if giving up higher TSNs makes room (section 6.2).
      delivery.startPartialDelivery();
      if (!Reneging.makeRoom(this, tracker.unwrap(tsn), length)) {
        return dropped();
      }
    }
    if (!env.memory().reserve(length)) {
      // The stack's receive memory is used up: as for a full window, not acknowledged.
      env.counters().increment(MibCounter.SCTP_RCVBUF_TOTAL_DROPS);
      return dropped();
    }
    reserved += length;
    if (tracker.receive(tsn) == TsnTracker.Outcome.REFUSED) {
      return dropped();
    }
    if (replication != null) {
      gate.received(tsn, replication.pendingSequence());
      replication.data(d, source);
    }
    env.counters().increment(
        d.unordered() ? MibCounter.SCTP_IN_UNORDER_CHUNKS : MibCounter.SCTP_IN_ORDER_CHUNKS);
    if (d.immediate()) {
      sack.immediately();
    }
    long t = tracker.unwrap(tsn);
    if (deferredReset != null && deferredReset.holds(t, d.streamId())) {
      // RFC 6525 section 5.2.2 E2: data after the last TSN before a deferred reset waits for it.
      deferredReset.hold(t, d, source);
      return DataOutcome.ACCEPTED;
    }
    take(t, d, source);
    return DataOutcome.ACCEPTED;
  }

  private void take(long t, UserDataChunk d, InetAddress source) {
    delivery.take(t, d, source, tracker, partialDeliveryPoint());
  }

  /** What became of a FORWARD-TSN. */
  public enum ForwardTsnOutcome {
    /** The cumulative TSN moved forward over abandoned data. */
    MOVED,
    /** At or below the cumulative TSN already: nothing to do but SACK. */
    STALE,
    /** Further ahead than any TSN the peer can have outstanding: a protocol violation. */
    TOO_FAR
  }

  /**
   * A FORWARD-TSN (RFC 3758 section 3.6): the cumulative TSN moves to the new one as if every
   * TSN up to it had arrived; fragments of abandoned messages are dropped (also when only some of
   * them arrived, trap 24), a partial delivery of one ends with an event, and each ordered
   * stream listed delivers what waits up to its SSN and then expects the next. A SACK goes out
   * at once, for a stale FORWARD-TSN too.
   */
  public ForwardTsnOutcome onForwardTsn(ForwardTsnChunk f) {
    return forwardTsnDone(ForwardTsnReceipt.receive(this, f, f.newCumulativeTsn()));
  }

  /**
   * An I-FORWARD-TSN (RFC 8260 section 2.3.2): the cumulative TSN moves as for a FORWARD-TSN,
   * and the messages each entry names, with every earlier one of its stream and kind, are
   * dropped; their TSNs, not the new cumulative TSN, say which fragments go, since fragments of
   * messages still under way may have lower TSNs. An ordered stream then expects the MID after
   * the entry's.
   */
  public ForwardTsnOutcome onIForwardTsn(IForwardTsnChunk f) {
    return forwardTsnDone(ForwardTsnReceipt.receive(this, f, f.newCumulativeTsn()));
  }

  private ForwardTsnOutcome forwardTsnDone(ForwardTsnOutcome outcome) {
    if (outcome == ForwardTsnOutcome.MOVED) {
      finishDeferredResetIfDue();
      syncMemory();
    }
    return outcome;
  }

  // ---- stream reconfiguration (RFC 6525) ---------------------------------------------------

  /** What became of a request to reset incoming streams. */
  public enum ResetOutcome {
    /** Done: the streams expect SSN or MID 0 (an event told the application). */
    PERFORMED,
    /** Deferred until every TSN up to the peer's last assigned one has arrived. */
    DEFERRED,
    /** Another deferred reset waits: this one is not taken. */
    BUSY
  }

  /**
   * The peer resets its outgoing {@code streams} (all when empty), our incoming ones, after its
   * TSN {@code lastAssignedTsn} (RFC 6525 section 5.2.2): at once when every TSN up to it has
   * arrived (E3), otherwise when they have, its later data on those streams held until then (E2,
   * E4). The same request again while it waits is DEFERRED again; another is BUSY.
   */
  public ResetOutcome resetStreams(int lastAssignedTsn, List<Integer> streams) {
    if (replication != null) {
      replication.streamsReset(lastAssignedTsn, streams);
    }
    long last = tracker.unwrap(lastAssignedTsn);
    if (deferredReset != null) {
      return deferredReset.lastAssignedTsn == last && deferredReset.streams.equals(streams)
          ? ResetOutcome.DEFERRED
          : ResetOutcome.BUSY;
    }
    if (last > tracker.unwrap(tracker.cumulativeTsn())) {
      deferredReset = new DeferredStreamReset(last, streams);
      return ResetOutcome.DEFERRED;
    }
    resetNow(streams);
    syncMemory();
    return ResetOutcome.PERFORMED;
  }

  /** Whether a reset of incoming streams waits for earlier TSNs. */
  public boolean hasDeferredReset() {
    return deferredReset != null;
  }

  private void finishDeferredResetIfDue() {
    DeferredStreamReset r = deferredReset;
    if (r == null || r.lastAssignedTsn > tracker.unwrap(tracker.cumulativeTsn())) {
      return;
    }
    deferredReset = null;
    resetNow(r.streams);
    for (DeferredStreamReset.Held h : r.release()) {
      take(h.tsn(), h.chunk(), h.source());
    }
  }

  private void resetNow(List<Integer> reset) {
    if (reset.isEmpty()) {
      for (int s = 0; s < streams; s++) {
        delivery.resetStream(s);
      }
    } else {
      for (int s : reset) {
        delivery.resetStream(s);
      }
    }
    env.emit(new StreamReset(env.associationId(), true, false, false, false, reset));
  }

  /** {@code count} more incoming streams (RFC 6525 section 5.2.5). */
  public void addStreams(int count) {
    if (replication != null) {
      replication.streamsAdded(count);
    }
    streams += count;
    delivery.setStreamCount(streams);
  }

  /**
   * Whether the peer's TSN may start again elsewhere (an SSN/TSN reset, RFC 6525 section 5.2.4):
   * every TSN received is cumulatively acknowledged and no message is partly reassembled.
   */
  public boolean readyForTsnReset() {
    return !tracker.hasGaps() && delivery.reassembly.bytes() == 0 && deferredReset == null
        && (gate == null || gate.caughtUp());
  }

  /**
   * The peer's next TSN becomes {@code nextTsn} and every incoming stream expects SSN or MID 0
   * (RFC 6525 section 5.2.4 G4 and G5): as a FORWARD-TSN to the TSN before it, over every stream.
   * Fragments still held are dropped.
   */
  public void restartTsn(int nextTsn) {
    if (replication != null) {
      gate.restarted(nextTsn, replication.pendingSequence());
      replication.tsnRestarted(nextTsn);
    }
    tracker.restartAt(nextTsn);
    delivery.restart(streams);
    deferredReset = null;
    sack.immediately();
    syncMemory();
  }

  private DataOutcome dropped() {
    env.counters().increment(MibCounter.SCTP_IN_DATA_CHUNK_DISCARDS);
    sack.dropped();
    return DataOutcome.DROPPED;
  }

  /**
   * Called once after all chunks of a packet were handled: decides between an immediate and a
   * delayed SACK (RFC 9260 section 6.2 and 6.7).
   *
   * @param senderIdle whether everything we sent is acknowledged and nothing of ours is queued
   */
  public void endOfPacket(long now, boolean senderIdle) {
    // With a standby (HA SYNC) a SACK cannot acknowledge new data before the standby holds it:
    // the gate times those SACKs, and an early one would tell the peer nothing.
    sack.endOfPacket(now, tracker.hasGaps(), settings.sackFrequency(), settings.sackDelayNanos(),
        senderIdle && gate == null);
  }

  /** A packet with DATA of ours (new or retransmitted) went out. */
  public void ownDataSent() {
    sack.ownDataSent();
  }

  /** Requests an immediate SACK (for example, the peer set the I bit on a chunk we dropped). */
  public void requestSack() {
    sack.immediately();
  }

  /**
   * Whether a SACK should go out now. With replication, one that would say nothing new waits
   * until the standby has stored what arrived.
   */
  public boolean sackDue() {
    return sack.due() && (gate == null || gate.sackReady());
  }

  /** Whether anything was received that a SACK has not yet acknowledged and may acknowledge. */
  public boolean ackPending() {
    return sack.pending();
  }

  /** Whether received TSNs wait for the standby before they may be acknowledged (HA). */
  public boolean awaitingStandby() {
    return gate != null && !gate.caughtUp();
  }

  /**
   * Builds a SACK that fits {@code maxLength} bytes: gap blocks lowest first, then duplicates,
   * dropping the highest that do not fit (RFC 9260 section 6.2; one SACK, never two).
   */
  public SackChunk buildSack(int maxLength) {
    return buildSack(maxLength, 0);
  }

  /**
   * {@link #buildSack(int)} for a packet that leaves only once the standby stored every
   * replication record up to {@code heldUntil} (HA SYNC: one that carries DATA; 0 for one that
   * goes at once): when those records carry every TSN received, the SACK acknowledges them all,
   * so that the peer gets the acknowledgement with the data it goes with, as without HA.
   */
  public SackChunk buildSack(int maxLength, long heldUntil) {
    int room = Math.max(0, (maxLength - 16) / 4);
    boolean everything = gate == null || heldUntil > 0 && gate.coveredBy(heldUntil);
    TsnTracker acked = everything ? tracker : gate.acked();
    int gapCount = Math.min(acked.gapBlockCount(), room);
    int dupCount = Math.min(tracker.duplicateCount(), room - gapCount);
    List<SackChunk.GapAckBlock> gaps;
    if (gapCount == 0) {
      gaps = List.of();
    } else {
      gaps = new ArrayList<>(gapCount);
      for (int i = 0; i < gapCount; i++) {
        gaps.add(new SackChunk.GapAckBlock(acked.gapStart(i), acked.gapEnd(i)));
      }
    }
    List<Integer> dups;
    if (dupCount == 0) {
      dups = List.of();
    } else {
      dups = new ArrayList<>(dupCount);
      for (int i = 0; i < dupCount; i++) {
        dups.add(tracker.duplicate(i));
      }
    }
    long rwnd = advertisedWindow();
    sack.advertised(rwnd);
    return new SackChunk(acked.cumulativeTsn(), rwnd, gaps, dups);
  }

  /**
   * Whether a SACK in a packet that leaves only once the standby stored every record up to
   * {@code heldUntil} acknowledges more than one that goes now: received TSNs wait for the
   * standby, and all of them are in those records.
   */
  public boolean acknowledgesMoreWhenHeldUntil(long heldUntil) {
    return gate != null && !gate.caughtUp() && gate.coveredBy(heldUntil);
  }

  /** Records that a SACK went out (or that a SHUTDOWN carried the cumulative TSN). */
  public void sackSent() {
    sackSent(0);
  }

  /** Records that the SACK built with {@link #buildSack(int, long)} for {@code heldUntil} went out. */
  public void sackSent(long heldUntil) {
    sack.sent();
    tracker.clearDuplicates();
    if (gate != null) {
      gate.sackSent(heldUntil);
    }
  }

  /** The TSNs this receiver may acknowledge: all it holds, or with replication what the standby has. */
  private TsnTracker acknowledged() {
    return gate == null ? tracker : gate.acked();
  }

  public long deadline() {
    return sack.deadline();
  }

  /** Handles the delayed-SACK timer; returns whether a SACK is now due. */
  public boolean onTimeout(long now) {
    if (!sack.expire(now)) {
      return false;
    }
    env.counters().increment(MibCounter.SCTP_DELAY_SACK_EXPIREDS);
    return true;
  }

  /**
   * The application read {@code bytes} of delivered data. When the window has opened by at least
   * a quarter of the buffer since it was last advertised, a window update SACK is due.
   */
  public void consumed(long bytes) {
    delivery.consumed(bytes);
    syncMemory();
    sack.windowNow(advertisedWindow(), settings.rcvbuf());
  }

  /**
   * Keeps the reservation in the stack's receive memory equal to what is held: bytes read by
   * the application, dropped or given up go back.
   */
  private void syncMemory() {
    long held = held();
    if (held < reserved) {
      env.memory().release(reserved - held);
      reserved = held;
    } else if (held > reserved && env.memory().reserve(held - reserved)) {
      // Only what a reservation got is ever given back.
      reserved = held;
    }
  }

  /** The association ends (or this receiver is replaced): every reserved byte goes back. */
  public void releaseMemory() {
    env.memory().release(reserved);
    reserved = 0;
  }

  // ---- replication (docs/ha.md) ------------------------------------------------------------

  /**
   * Tells {@code replication} (an HA mode) every change from now on, and from now on acknowledges
   * only what it says the standby holds; null stops both.
   */
  public void setReplication(ReceiveReplication replication) {
    if (replication == null && gate != null && sack.dataSeen()) {
      // What waited for the standby may be acknowledged now.
      sack.immediately();
    }
    this.replication = replication;
    this.gate = replication == null ? null
        : new AckGate(TsnTracker.restored(tracker.cumulativeTsn(), tracker.receivedRanges()));
    delivery.setReplicating(replication != null);
  }

  /**
   * The standby stored every replication record up to {@code upTo}: what they carried may be
   * acknowledged. Returns whether a SACK is now due.
   */
  public boolean replicated(long upTo) {
    if (gate != null && gate.apply(upTo)) {
      sack.immediately();
    }
    return sackDue();
  }

  /**
   * The application confirmed {@code bytes} of delivered data (with replication): like {@link
   * #consumed}, the window may reopen.
   */
  public void confirmed(long bytes) {
    delivery.confirmed(bytes);
    consumed(0);
  }

  /**
   * This half as a standby needs it: the TSNs received, every stream's next SSN, and what is
   * held; {@code redelivery} (what the application was handed and did not confirm, kept by the
   * association) is added as given.
   */
  public ReceiverSnapshot exportState(List<ReceiverSnapshot.Redelivery> redelivery) {
    return ReceiverImage.export(this, redelivery);
  }

  /**
   * The receiving half of a replicated association, as a standby takes it over: the same TSNs
   * received, every stream's next SSN, and what was held, reassembly and partial deliveries
   * included. What the application had not confirmed is not handed here: the association hands
   * it again with {@link #redeliver}.
   *
   * @param fallbackSource the source given to held data whose source was not replicated
   * @throws IllegalArgumentException for a snapshot that does not fit (TSN ranges out of place,
   *     streams out of range)
   */
  public static DataReceiver restore(ReceiverSnapshot s, boolean interleaving,
      ReceiverSettings settings, ReceiverEnvironment env, InetAddress fallbackSource) {
    DataReceiver r = new DataReceiver(TsnTracker.restored(s.cumulativeTsn(), s.received()),
        s.nextSsn().size(), interleaving, settings, env);
    ReceiverImage.restoreInto(r, s, fallbackSource);
    r.sack.dataSeenBefore();
    r.syncMemory();
    return r;
  }

  /** The chunk a replicated inbound chunk stands for. */
  public static UserDataChunk chunk(ReceiverSnapshot.InboundChunk c, boolean interleaving) {
    return ReceiverImage.chunk(c, interleaving);
  }

  /**
   * Hands again what the application was handed on the active and did not confirm (a standby
   * taking over); it counts as unread like any delivery.
   */
  public void redeliver(SctpEvent event, long bytes) {
    delivery.redelivered(bytes);
    env.emit(event);
    syncMemory();
  }

  /**
   * A standby's copy gives up a received TSN as the active did (RFC 9260 section 6.2): the
   * fragment or the waiting message holding it goes, and the TSN is no longer held.
   */
  public void renege(int tsn) {
    Reneging.renegeAsActiveDid(this, tsn);
    syncMemory();
  }

  // ---- state -----------------------------------------------------------------------------

  /** Bytes held for the application: fragments, messages waiting for order, unread data. */
  public long held() {
    return pendingBytes() + delivery.handedBytes();
  }

  /** a_rwnd: the receive buffer less what is held (RFC 9260 section 6.2, trap 12). */
  public long advertisedWindow() {
    return Math.max(0, settings.rcvbuf() - held());
  }

  /** Bytes delivered to the application and not yet reported as read. */
  public long unreadBytes() {
    return delivery.unread();
  }

  /** Bytes received but not yet deliverable (reassembly and reordering). */
  public long pendingBytes() {
    return delivery.pendingBytes() + (deferredReset == null ? 0 : deferredReset.bytes());
  }

  /** The cumulative TSN this receiver acknowledges (with replication, what the standby holds). */
  public int cumulativeTsn() {
    return acknowledged().cumulativeTsn();
  }

  /** Whether the TSNs this receiver acknowledges have gaps. */
  public boolean hasGaps() {
    return acknowledged().hasGaps();
  }

  /**
   * Whether a chunk was dropped, or a held TSN given up, since the last SACK: RFC 9260 section
   * 6.2 wants a SACK at once showing only what is held.
   */
  public boolean hasDropsToReport() {
    return sack.droppedSinceSack();
  }

  /** Whether duplicates arrived that no SACK has reported yet. */
  public boolean hasDuplicates() {
    return tracker.duplicateCount() > 0;
  }

  /** The source of the latest DATA chunk: where SACKs go (RFC 9260 section 6.4). */
  public InetAddress lastDataSource() {
    return lastDataSource;
  }

  public TsnTracker tracker() {
    return tracker;
  }
}
