package org.jsctp.rx;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.MessageReceived;
import org.jsctp.stats.MibCounter;
import org.jsctp.timer.Timer;
import org.jsctp.timer.TimerKind;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.SackChunk;

/**
 * The receiving half of an association: TSN tracking, reassembly, ordered and unordered
 * delivery, the advertised receive window, and when to SACK (RFC 9260 sections 6.2, 6.5, 6.7 and
 * 6.9).
 *
 * <p>The window counts everything held for the application: fragments, complete messages
 * waiting for an earlier SSN, and delivered messages the application has not read yet (reported
 * through {@link #consumed(long)}).
 */
public final class DataReceiver implements Reassembly.Sink, OrderedDelivery.Sink {

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

  private final ReceiverEnvironment env;
  private final ReceiverSettings settings;
  private final TsnTracker tracker;
  private final Reassembly reassembly = new Reassembly();
  private final OrderedDelivery ordered = new OrderedDelivery();
  private final ArrayDeque<InboundMessage> deferred = new ArrayDeque<>();
  private long deferredBytes;
  private long unread;
  private final int streams;

  private final Timer delayedSack = new Timer(TimerKind.DELAYED_SACK);
  private int packetsSinceSack;
  private boolean sackNow;
  private boolean firstDataSeen;
  private boolean hadGaps;
  private boolean packetHadDuplicate;
  private boolean droppedSinceSack;
  private boolean packetHadData;
  private long lastAdvertisedRwnd;
  private InetAddress lastDataSource;

  /**
   * @param peerInitialTsn the peer's Initial TSN
   * @param inboundStreams the negotiated number of inbound streams
   */
  public DataReceiver(int peerInitialTsn, int inboundStreams, ReceiverSettings settings,
      ReceiverEnvironment env) {
    this.env = env;
    this.settings = settings;
    this.tracker = new TsnTracker(peerInitialTsn);
    this.streams = inboundStreams;
    this.ordered.setStreamCount(inboundStreams);
    this.lastAdvertisedRwnd = settings.rcvbuf();
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

  /** Handles one DATA chunk of the packet being processed. */
  public DataOutcome onData(DataChunk d, InetAddress source) {
    packetHadData = true;
    lastDataSource = source;
    int tsn = d.tsn();
    int length = d.userData().length();
    if (length == 0) {
      return DataOutcome.EMPTY;
    }
    if (!tracker.isNew(tsn)) {
      tracker.receive(tsn);
      packetHadDuplicate = true;
      env.counters().increment(MibCounter.SCTP_IN_DUPLICATE_TSNS);
      return DataOutcome.DUPLICATE;
    }
    if (d.streamId() >= streams) {
      // RFC 9260 section 6.5: acknowledge the TSN, report cause 1, drop the data.
      if (tracker.receive(tsn) == TsnTracker.Outcome.REFUSED) {
        return dropped();
      }
      return DataOutcome.INVALID_STREAM;
    }
    if (held() + length > settings.rcvbuf()) {
      // The window is full: start delivering a large message so the application can make
      // room, and take this chunk only if giving up higher TSNs makes room (section 6.2).
      reassembly.startPartialDelivery(this);
      if (!makeRoom(tracker.unwrap(tsn), length)) {
        return dropped();
      }
    }
    if (tracker.receive(tsn) == TsnTracker.Outcome.REFUSED) {
      return dropped();
    }
    env.counters().increment(
        d.unordered() ? MibCounter.SCTP_IN_UNORDER_CHUNKS : MibCounter.SCTP_IN_ORDER_CHUNKS);
    if (d.immediate()) {
      sackNow = true;
    }
    if (d.beginning() && d.ending()) {
      long t = tracker.unwrap(tsn);
      InboundMessage m =
          new InboundMessage(
              d.streamId(),
              d.streamSequenceNumber(),
              d.payloadProtocolId(),
              d.unordered(),
              tsn,
              t,
              t,
              source,
              d.userData());
      offerComplete(m);
    } else {
      reassembly.add(tracker.unwrap(tsn), d, source, tracker, this);
      if (reassembly.bytes() > partialDeliveryPoint()) {
        reassembly.startPartialDelivery(this);
      }
    }
    return DataOutcome.ACCEPTED;
  }

  /**
   * RFC 9260 section 6.2: with no room in the window, a chunk below the highest TSN held may take
   * the place of the highest ones held for reordering or reassembly, which are then no longer
   * acknowledged (the peer keeps them until they are cumulatively acknowledged and resends them).
   * Data already delivered, and TSNs at or below the cumulative TSN, are never given up. Returns
   * whether {@code length} more bytes now fit.
   */
  private boolean makeRoom(long tsn, int length) {
    long cumulative = tracker.unwrap(tracker.cumulativeTsn());
    long rcvbuf = settings.rcvbuf();
    while (held() + length > rcvbuf) {
      long fragment = reassembly.highestFragment();
      InboundMessage waiting = ordered.highestWaiting();
      boolean messageFirst = waiting != null && waiting.tsnTo() > fragment;
      if (messageFirst) {
        if (waiting.tsnTo() <= tsn || waiting.tsnFrom() <= cumulative
            || !tracker.forgetRange(waiting.tsnFrom(), waiting.tsnTo())) {
          return false;
        }
        ordered.evict(waiting);
      } else {
        if (fragment <= tsn || fragment <= cumulative || !tracker.forgetRange(fragment, fragment)) {
          return false;
        }
        reassembly.evict(fragment);
      }
      env.counters().increment(MibCounter.SCTP_RENEGED_TSNS);
      sackNow = true;
      droppedSinceSack = true;
    }
    return true;
  }

  private DataOutcome dropped() {
    env.counters().increment(MibCounter.SCTP_IN_DATA_CHUNK_DISCARDS);
    sackNow = true;
    droppedSinceSack = true;
    return DataOutcome.DROPPED;
  }

  /**
   * Called once after all chunks of a packet were handled: decides between an immediate and a
   * delayed SACK (RFC 9260 section 6.2 and 6.7).
   */
  public void endOfPacket(long now) {
    if (!packetHadData) {
      return;
    }
    packetHadData = false;
    packetsSinceSack++;
    boolean gaps = tracker.hasGaps();
    if (!firstDataSeen) {
      firstDataSeen = true;
      sackNow = true;
    }
    if (gaps || hadGaps || packetHadDuplicate || packetsSinceSack >= Math.max(1, settings.sackFrequency())) {
      sackNow = true;
    }
    hadGaps = gaps;
    packetHadDuplicate = false;
    if (!sackNow) {
      delayedSack.startIfStopped(now, settings.sackDelayNanos());
    }
  }

  /** Requests an immediate SACK (for example, the peer set the I bit on a chunk we dropped). */
  public void requestSack() {
    sackNow = true;
  }

  /** Whether a SACK should go out now. */
  public boolean sackDue() {
    return sackNow;
  }

  /** Whether anything was received that a SACK has not yet acknowledged. */
  public boolean ackPending() {
    return sackNow || delayedSack.isRunning();
  }

  /**
   * Builds a SACK that fits {@code maxLength} bytes: gap blocks lowest first, then duplicates,
   * dropping the highest that do not fit (RFC 9260 section 6.2; one SACK, never two).
   */
  public SackChunk buildSack(int maxLength) {
    int room = Math.max(0, (maxLength - 16) / 4);
    int gapCount = Math.min(tracker.gapBlockCount(), room);
    int dupCount = Math.min(tracker.duplicateCount(), room - gapCount);
    List<SackChunk.GapAckBlock> gaps;
    if (gapCount == 0) {
      gaps = List.of();
    } else {
      gaps = new ArrayList<>(gapCount);
      for (int i = 0; i < gapCount; i++) {
        gaps.add(new SackChunk.GapAckBlock(tracker.gapStart(i), tracker.gapEnd(i)));
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
    lastAdvertisedRwnd = advertisedWindow();
    return new SackChunk(tracker.cumulativeTsn(), lastAdvertisedRwnd, gaps, dups);
  }

  /** Records that a SACK went out (or that a SHUTDOWN carried the cumulative TSN). */
  public void sackSent() {
    sackNow = false;
    droppedSinceSack = false;
    packetsSinceSack = 0;
    delayedSack.stop();
    tracker.clearDuplicates();
  }

  public long deadline() {
    return delayedSack.deadline();
  }

  /** Handles the delayed-SACK timer; returns whether a SACK is now due. */
  public boolean onTimeout(long now) {
    if (!delayedSack.isDue(now)) {
      return false;
    }
    delayedSack.expire();
    env.counters().increment(MibCounter.SCTP_DELAY_SACK_EXPIREDS);
    sackNow = true;
    return true;
  }

  /**
   * The application read {@code bytes} of delivered data. When the window has opened by at least
   * a quarter of the buffer since it was last advertised, a window update SACK is due.
   */
  public void consumed(long bytes) {
    unread = Math.max(0, unread - bytes);
    if (firstDataSeen && advertisedWindow() - lastAdvertisedRwnd >= Math.max(1, settings.rcvbuf() / 4)) {
      sackNow = true;
    }
  }

  // ---- delivery --------------------------------------------------------------------------

  @Override
  public void deliver(InboundMessage m) {
    if (reassembly.partialDeliveryActive()) {
      deferred.addLast(m);
      deferredBytes += m.data().length();
      return;
    }
    emit(m, true);
  }

  @Override
  public void complete(InboundMessage m) {
    env.counters().increment(MibCounter.SCTP_REASM_USR_MSGS);
    offerComplete(m);
  }

  private void offerComplete(InboundMessage m) {
    if (m.unordered()) {
      deliver(m);
    } else if (ordered.isStale(m.streamId(), m.streamSequenceNumber())
        || reassembly.partiallyDelivering(m.streamId(), m.streamSequenceNumber())
        || !ordered.offer(m, this)) {
      // An SSN already delivered, being delivered, or waiting: the peer broke section 6.5.
      env.counters().increment(MibCounter.SCTP_IN_DATA_CHUNK_DISCARDS);
    }
  }

  @Override
  public void streamAdvanced(int streamId, int nextSsn) {
    reassembly.streamAdvanced(streamId, nextSsn);
  }

  @Override
  public void piece(InboundMessage m, boolean last) {
    emit(m, last);
    if (!last) {
      return;
    }
    env.counters().increment(MibCounter.SCTP_REASM_USR_MSGS);
    if (!m.unordered()) {
      ordered.advance(m.streamId(), this);
    }
    while (!deferred.isEmpty() && !reassembly.partialDeliveryActive()) {
      InboundMessage next = deferred.pollFirst();
      deferredBytes -= next.data().length();
      emit(next, true);
    }
  }

  @Override
  public boolean deliverableNow(int streamId, int ssn, boolean unordered) {
    return unordered || ordered.isNext(streamId, ssn);
  }

  private void emit(InboundMessage m, boolean complete) {
    unread += m.data().length();
    env.emit(
        new MessageReceived(
            env.associationId(),
            m.streamId(),
            m.streamSequenceNumber(),
            m.payloadProtocolId(),
            m.unordered(),
            m.firstTsn(),
            m.source(),
            complete,
            m.data()));
  }

  // ---- state -----------------------------------------------------------------------------

  /** Bytes held for the application: fragments, messages waiting for order, unread data. */
  public long held() {
    return reassembly.bytes() + ordered.waitingBytes() + deferredBytes + unread;
  }

  /** a_rwnd: the receive buffer less what is held (RFC 9260 section 6.2, trap 12). */
  public long advertisedWindow() {
    return Math.max(0, settings.rcvbuf() - held());
  }

  /** Bytes delivered to the application and not yet reported as read. */
  public long unreadBytes() {
    return unread;
  }

  /** Bytes received but not yet deliverable (reassembly and reordering). */
  public long pendingBytes() {
    return reassembly.bytes() + ordered.waitingBytes() + deferredBytes;
  }

  public int cumulativeTsn() {
    return tracker.cumulativeTsn();
  }

  public boolean hasGaps() {
    return tracker.hasGaps();
  }

  /**
   * Whether a chunk was dropped, or a held TSN given up, since the last SACK: RFC 9260 section
   * 6.2 wants a SACK at once showing only what is held.
   */
  public boolean hasDropsToReport() {
    return droppedSinceSack;
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
