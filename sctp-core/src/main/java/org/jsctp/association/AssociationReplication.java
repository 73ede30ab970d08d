package org.jsctp.association;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.PartialDeliveryAborted;
import org.jsctp.api.SctpEvent;
import org.jsctp.endpoint.Transmit;
import org.jsctp.ha.AssociationSnapshot;
import org.jsctp.ha.Delta;
import org.jsctp.ha.HaMode;
import org.jsctp.ha.ReceiverSnapshot;
import org.jsctp.ha.ReplicationRecord;
import org.jsctp.ha.SenderSnapshot;
import org.jsctp.rx.DataReceiver;
import org.jsctp.rx.ReceiveReplication;
import org.jsctp.stats.MibCounter;
import org.jsctp.tx.DataSender;
import org.jsctp.tx.SendReplication;
import org.jsctp.util.SerialNumbers;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.ForwardTsnChunk;
import org.jsctp.wire.IForwardTsnChunk;
import org.jsctp.wire.UserDataChunk;

/**
 * The active side of HA replication (docs/ha.md) for one association in SYNC or THRESHOLD mode:
 * turns what the data halves report into {@link Delta}s, batches them into {@link
 * ReplicationRecord}s as the mode and the thresholds say, and holds back what must wait for the
 * standby:
 *
 * <ul>
 *   <li>acknowledgements of received data (the receiver's {@code AckGate});
 *   <li>events of the association, so that the application is handed no message the standby does
 *       not hold (they keep their order);
 *   <li>in SYNC mode, packets that carry a TSN the standby does not know yet.
 * </ul>
 *
 * <p>It also keeps what the application was handed and has not confirmed, for a snapshot's
 * redelivery list, and the confirmations it owes the standby. The association has none of this
 * when HA is off.
 */
final class AssociationReplication implements SendReplication, ReceiveReplication {

  private static final long MS = 1_000_000L;

  /** An event held until the record it depends on is replicated. */
  private record HeldEvent(long sequence, SctpEvent event) {}

  /** A packet held until the record with its chunks is replicated (SYNC). */
  private record HeldPacket(long sequence, Transmit transmit) {}

  /** A message or piece the application was handed and has not confirmed. */
  private record Delivered(int firstTsn, SctpEvent event) {}

  /** The next TSN and the TSN threshold as of a record, for the THRESHOLD bound. */
  private record Progress(long sequence, int nextTsn, int threshold) {}

  private final SctpAssociation a;
  private HaMode mode;
  private long nextSequence = 1;
  private long lastEmitted;
  private long confirmed;
  private long lastEmitAt;
  private boolean snapshotWanted = true;
  private final List<Delta> pending = new ArrayList<>();
  /**
   * Whether {@code pending} holds a change an event may depend on: anything but a queued message,
   * which no event reveals (the standby learns it with its first chunk or on the timer).
   */
  private boolean pendingForEvents;
  private boolean urgent;
  private long fingerprint;
  /** The record that carries the newest TSN used (SYNC: packets wait for it). */
  private long tsnSequence;
  /** The record that carries the latest change to the outbound streams (THRESHOLD waits for it). */
  private long streamsSequence;
  private int emittedNextTsn;
  private int confirmedNextTsn;
  private int confirmedThreshold;
  /** The snapshot that told the standby the current mode. */
  private long modeSequence;
  private final ArrayDeque<Progress> progress = new ArrayDeque<>();
  private int cumulativeTsnAck;
  private long peerRwnd;
  private int replicatedCumAck;
  private long replicatedRwnd;
  private final List<Integer> confirmations = new ArrayList<>();
  private final ArrayDeque<Delivered> delivered = new ArrayDeque<>();
  private final ArrayDeque<HeldEvent> heldEvents = new ArrayDeque<>();
  private final ArrayDeque<HeldPacket> heldPackets = new ArrayDeque<>();

  AssociationReplication(SctpAssociation a, HaMode mode) {
    this.a = a;
    this.mode = mode;
  }

  HaMode mode() {
    return mode;
  }

  void setMode(HaMode mode) {
    if (mode != this.mode) {
      this.mode = mode;
      // The standby learns the mode from the snapshot; until it has it, SYNC rules hold.
      requestSnapshot();
    }
  }

  /**
   * Whether THRESHOLD rules apply: the mode is THRESHOLD and the standby has stored a record that
   * says so; otherwise SYNC rules, the stricter, hold.
   */
  private boolean threshold() {
    return mode == HaMode.THRESHOLD && modeSequence <= confirmed;
  }

  /** Hooks into the TCB's halves (replication starts, or a new TCB took over). */
  void attach(Tcb tcb, long now) {
    tcb.sender.setReplication(this);
    tcb.receiver.setReplication(this);
    snapshotWanted = true;
    modeSequence = nextSequence;
    int next = tcb.sender.nextTsn();
    emittedNextTsn = next;
    confirmedNextTsn = next;
    confirmedThreshold = a.options.haSyncTsnThreshold();
    progress.clear();
    cumulativeTsnAck = tcb.sender.cumulativeAckPoint();
    replicatedCumAck = cumulativeTsnAck;
    peerRwnd = tcb.sender.peerRwnd();
    replicatedRwnd = peerRwnd;
    lastEmitAt = now;
    a.touch();
  }

  /**
   * Stops replicating: hooks out of the halves and lets go of what was held, the packets too
   * ({@code sendHeld}, HA switched off) or not (the association ended).
   */
  void detach(Tcb tcb, boolean sendHeld) {
    if (tcb != null) {
      tcb.sender.setReplication(null);
      tcb.receiver.setReplication(null);
    }
    while (sendHeld && !heldPackets.isEmpty()) {
      a.ctx.transmit(heldPackets.pollFirst().transmit());
    }
    releaseAll();
  }

  /** The next record carries a full snapshot (a new standby, or one that lost a record). */
  void requestSnapshot() {
    snapshotWanted = true;
    modeSequence = Math.max(modeSequence, nextSequence);
    a.touch();
  }

  // ---- the sending half ---------------------------------------------------------------------

  @Override
  public void queued(long id, OutgoingMessage message) {
    // Its first chunk, cut at once when the windows allow, carries it along in SYNC mode.
    if (!snapshotWanted) {
      pending.add(new Delta.MessageQueued(DataSender.exportQueued(id, message, a.lastNow)));
    }
  }

  @Override
  public void cut(UserDataChunk chunk, long id, int offset, boolean abandoned) {
    add(new Delta.ChunkCut(new SenderSnapshot.Chunk(chunk.tsn(), id, offset,
        chunk.userData().length(), chunk.flags(), chunk.messageId(),
        UserDataChunk.ppidOrFsn(chunk), abandoned ? 0 : 1, abandoned, false)), !threshold());
    tsnSequence = nextSequence;
  }

  @Override
  public void abandoned(long id, boolean sent) {
    add(new Delta.MessageAbandoned(id, sent), !threshold());
  }

  @Override
  public void acknowledged(int cumulativeTsnAck, long peerRwnd) {
    this.cumulativeTsnAck = cumulativeTsnAck;
    this.peerRwnd = peerRwnd;
  }

  @Override
  public void streamsChanged() {
    Tcb tcb = a.tcb();
    if (tcb == null) {
      return;
    }
    List<SenderSnapshot.Stream> streams = new ArrayList<>(tcb.sender.streamCount());
    for (int s = 0; s < tcb.sender.streamCount(); s++) {
      streams.add(tcb.sender.streamState(s));
    }
    add(new Delta.OutboundStreams(tcb.sender.nextTsn(), streams), true);
    streamsSequence = nextSequence;
  }

  @Override
  public boolean mayCut(int tsn) {
    if (!threshold()) {
      return true;
    }
    if (streamsSequence > confirmed) {
      // A stream was paused, reset or added: the standby must know the SSNs before more go out.
      return false;
    }
    // TSNs never run more than half the threshold ahead of what the standby confirmed, so that a
    // standby skipping the threshold covers every TSN the active may have used.
    long ahead = (tsn - confirmedNextTsn) & 0xFFFF_FFFFL;
    return ahead < Math.min(a.options.haSyncTsnThreshold(), confirmedThreshold) / 2;
  }

  // ---- the receiving half -------------------------------------------------------------------

  @Override
  public long pendingSequence() {
    return nextSequence;
  }

  @Override
  public void data(UserDataChunk chunk, InetAddress source) {
    add(new Delta.InboundData(new ReceiverSnapshot.InboundChunk(chunk.tsn(), chunk.flags(),
        chunk.streamId(), chunk.messageId(), UserDataChunk.ppidOrFsn(chunk), source,
        chunk.userData())), true);
  }

  @Override
  public void tsnOnly(int tsn) {
    add(new Delta.InboundTsn(tsn), true);
  }

  @Override
  public void forwardTsn(Chunk forwardTsn) {
    List<Delta.Skip> skips = new ArrayList<>();
    int cum;
    if (forwardTsn instanceof IForwardTsnChunk i) {
      cum = i.newCumulativeTsn();
      for (IForwardTsnChunk.Entry e : i.entries()) {
        skips.add(new Delta.Skip(e.streamId(), e.unordered(), e.messageId()));
      }
    } else {
      ForwardTsnChunk f = (ForwardTsnChunk) forwardTsn;
      cum = f.newCumulativeTsn();
      for (ForwardTsnChunk.StreamEntry e : f.streams()) {
        skips.add(new Delta.Skip(e.streamId(), false, e.streamSequenceNumber()));
      }
    }
    add(new Delta.InboundForwardTsn(cum, skips), true);
  }

  @Override
  public void streamsReset(int lastAssignedTsn, List<Integer> streams) {
    add(new Delta.InboundStreamReset(lastAssignedTsn, streams), true);
  }

  @Override
  public void streamsAdded(int count) {
    add(new Delta.InboundStreamsAdded(count), true);
  }

  @Override
  public void tsnRestarted(int nextTsn) {
    add(new Delta.InboundTsnRestart(nextTsn), true);
  }

  @Override
  public void reneged(int tsn) {
    add(new Delta.InboundReneged(List.of(tsn)), true);
  }

  private void add(Delta delta, boolean now) {
    if (!snapshotWanted) {
      pending.add(delta);
      pendingForEvents = true;
    }
    urgent |= now;
  }

  // ---- events and deliveries ----------------------------------------------------------------

  /**
   * An event of the association: handed on at once when nothing it may depend on waits for the
   * standby, else held (in order) until the record of the latest change is replicated.
   */
  void emit(SctpEvent event) {
    if (event instanceof MessageReceived m) {
      delivered.addLast(new Delivered(m.firstTsn(), m));
    } else if (event instanceof PartialDeliveryAborted p) {
      int first = partialFirstTsn(p);
      delivered.addLast(new Delivered(first, p));
    }
    long tag = (snapshotWanted || pendingForEvents) ? nextSequence : lastEmitted;
    if (heldEvents.isEmpty() && tag <= confirmed) {
      a.ctx.emit(event);
    } else {
      heldEvents.addLast(new HeldEvent(tag, event));
    }
  }

  /** The first TSN of the partially delivered message an abort ends (its last piece names it). */
  private int partialFirstTsn(PartialDeliveryAborted p) {
    Iterator<Delivered> it = delivered.descendingIterator();
    while (it.hasNext()) {
      Delivered d = it.next();
      if (d.event() instanceof MessageReceived m && m.streamId() == p.streamId()
          && m.unordered() == p.unordered() && m.streamSequenceNumber() == p.streamSequenceNumber()) {
        return m.firstTsn();
      }
    }
    return 0;
  }

  /**
   * The application confirmed everything it was handed up to and including the message (or
   * piece) {@code upTo}: those are not handed again after a takeover. Returns the bytes
   * confirmed.
   */
  long confirmDelivered(MessageReceived upTo) {
    boolean found = false;
    for (Delivered d : delivered) {
      if (d.event() == upTo || d.event().equals(upTo)) {
        found = true;
        break;
      }
    }
    if (!found) {
      return 0;
    }
    long bytes = 0;
    while (!delivered.isEmpty()) {
      Delivered d = delivered.pollFirst();
      if (d.event() instanceof MessageReceived m) {
        bytes += m.data().length();
      }
      int first = d.firstTsn();
      if (confirmations.isEmpty() || confirmations.get(confirmations.size() - 1) != first) {
        confirmations.add(first);
      }
      if (d.event() == upTo || d.event().equals(upTo)) {
        break;
      }
    }
    a.touch();
    return bytes;
  }

  /** What the application was handed and has not confirmed, for a snapshot. */
  private List<ReceiverSnapshot.Redelivery> redelivery() {
    List<ReceiverSnapshot.Redelivery> list = new ArrayList<>(delivered.size());
    for (Delivered d : delivered) {
      if (d.event() instanceof MessageReceived m) {
        list.add(new ReceiverSnapshot.Redelivery(m.firstTsn(), false, m.streamId(),
            m.streamSequenceNumber(), m.payloadProtocolId(), m.unordered(), m.source(),
            m.complete(), m.data()));
      } else if (d.event() instanceof PartialDeliveryAborted p) {
        list.add(new ReceiverSnapshot.Redelivery(d.firstTsn(), true, p.streamId(),
            p.streamSequenceNumber(), 0, p.unordered(), null, false,
            org.jsctp.wire.Bytes.EMPTY));
      }
    }
    return list;
  }

  // ---- packets ------------------------------------------------------------------------------

  /**
   * The next packet of the association; in SYNC mode one that carries DATA or a FORWARD-TSN while
   * a TSN is not yet replicated waits (its record goes out at once).
   */
  Transmit pollTransmit(long now, PacketAssembler assembler) {
    while (true) {
      Transmit t = assembler.pollTransmit(now);
      if (t == null) {
        flush(now);
        return null;
      }
      long waitFor = heldUntil(assembler.lastPacketCarriedTsns());
      if (assembler.lastPacketCarriedStateChange()) {
        // The change (a RE-CONFIG request or answer, a SHUTDOWN, a restart's COOKIE ACK) must be
        // known to the standby before the peer acts on it.
        flush(now);
        waitFor = Math.max(waitFor, lastEmitted);
      }
      if (waitFor > confirmed || !heldPackets.isEmpty() && waitFor > 0) {
        flush(now);
        heldPackets.addLast(new HeldPacket(Math.max(waitFor, lastHeldSequence()), t));
        continue;
      }
      return t;
    }
  }

  /**
   * The record a packet waits for because of its TSNs: in SYNC mode, one with DATA or a
   * FORWARD-TSN waits for the record of the newest TSN used; 0 otherwise.
   */
  long heldUntil(boolean carriesTsns) {
    return carriesTsns && !threshold() ? tsnSequence : 0;
  }

  private long lastHeldSequence() {
    return heldPackets.isEmpty() ? 0 : heldPackets.peekLast().sequence();
  }

  // ---- records ------------------------------------------------------------------------------

  /** The deadline of the replication timer, or {@link org.jsctp.timer.Timer#NEVER}. */
  long deadline() {
    return lazyPending() ? lastEmitAt + a.options.haSyncIntervalMs() * MS
        : org.jsctp.timer.Timer.NEVER;
  }

  private boolean lazyPending() {
    return !pending.isEmpty() || !confirmations.isEmpty() || cumulativeTsnAck != replicatedCumAck
        || peerRwnd != replicatedRwnd;
  }

  /** Emits a record if the mode and the thresholds say one is due. Spurious calls are harmless. */
  void flush(long now) {
    Tcb tcb = a.tcb();
    if (tcb == null) {
      return;
    }
    if (snapshotWanted) {
      emitSnapshot(tcb, now);
      return;
    }
    int causes = urgent ? ReplicationRecord.CAUSE_UPDATE : 0;
    int quarter = Math.max(1, a.options.haSyncTsnThreshold() / 4);
    int next = tcb.sender.nextTsn();
    if (((next - emittedNextTsn) & 0xFFFF_FFFFL) >= quarter
        || ((cumulativeTsnAck - replicatedCumAck) & 0xFFFF_FFFFL) >= quarter
        || confirmations.size() >= quarter) {
      causes |= ReplicationRecord.CAUSE_THRESHOLD;
    }
    long fp = SnapshotImage.fingerprint(a, tcb);
    boolean headerChanged = fp != fingerprint;
    if (headerChanged) {
      causes |= ReplicationRecord.CAUSE_UPDATE;
    }
    boolean timer = now - lastEmitAt >= a.options.haSyncIntervalMs() * MS;
    if (timer && (lazyPending() || headerChanged)) {
      causes |= ReplicationRecord.CAUSE_TIMER;
    }
    if (causes == 0) {
      return;
    }
    List<Delta> deltas = new ArrayList<>(pending.size() + 3);
    deltas.addAll(pending);
    if (cumulativeTsnAck != replicatedCumAck || peerRwnd != replicatedRwnd) {
      deltas.add(new Delta.Acknowledged(cumulativeTsnAck, peerRwnd));
      replicatedCumAck = cumulativeTsnAck;
      replicatedRwnd = peerRwnd;
    }
    if (!confirmations.isEmpty()) {
      deltas.add(new Delta.DeliveryConfirmed(confirmations));
      confirmations.clear();
    }
    if (headerChanged || (causes & ReplicationRecord.CAUSE_TIMER) != 0) {
      // The timer carries the RTO and settings along; a structural change goes at once.
      deltas.add(new Delta.HeaderChanged(SnapshotImage.header(a, tcb)));
      fingerprint = fp;
    }
    pending.clear();
    pendingForEvents = false;
    send(new ReplicationRecord(a.id(), nextSequence, causes, null, deltas), next, now);
  }

  private void emitSnapshot(Tcb tcb, long now) {
    AssociationSnapshot snapshot = SnapshotImage.snapshot(a, tcb, now, redelivery());
    snapshotWanted = false;
    pending.clear();
    pendingForEvents = false;
    confirmations.clear();
    replicatedCumAck = cumulativeTsnAck;
    replicatedRwnd = peerRwnd;
    fingerprint = SnapshotImage.fingerprint(a, tcb);
    tsnSequence = nextSequence;
    a.counters.increment(MibCounter.SCTP_HA_SNAPSHOTS);
    send(new ReplicationRecord(a.id(), nextSequence, ReplicationRecord.CAUSE_UPDATE, snapshot,
        List.of()), tcb.sender.nextTsn(), now);
  }

  private void send(ReplicationRecord record, int next, long now) {
    a.counters.increment(MibCounter.SCTP_HA_RECORDS);
    lastEmitted = record.sequence();
    nextSequence = record.sequence() + 1;
    lastEmitAt = now;
    urgent = false;
    emittedNextTsn = next;
    progress.addLast(new Progress(record.sequence(), next, a.options.haSyncTsnThreshold()));
    a.ctx.replicate(record);
  }

  /**
   * The standby stored every record up to {@code upTo}: acknowledgements, packets and events
   * that waited for them go.
   */
  void replicated(long upTo, long now) {
    if (upTo <= confirmed) {
      return;
    }
    confirmed = Math.min(upTo, lastEmitted);
    while (!progress.isEmpty() && progress.peekFirst().sequence() <= confirmed) {
      Progress p = progress.pollFirst();
      confirmedNextTsn = p.nextTsn();
      confirmedThreshold = p.threshold();
    }
    Tcb tcb = a.tcb();
    if (tcb != null) {
      tcb.receiver.replicated(confirmed);
    }
    while (!heldPackets.isEmpty() && heldPackets.peekFirst().sequence() <= confirmed) {
      a.ctx.transmit(heldPackets.pollFirst().transmit());
    }
    while (!heldEvents.isEmpty() && heldEvents.peekFirst().sequence() <= confirmed) {
      a.ctx.emit(heldEvents.pollFirst().event());
    }
    a.touch();
  }

  /** Whether packets or events wait for the standby. */
  boolean holding() {
    return !heldPackets.isEmpty() || !heldEvents.isEmpty();
  }

  /** The association ends: the standby learns it, held events go, held packets are dropped. */
  void close(String reason, long now) {
    Tcb tcb = a.tcb();
    if (!snapshotWanted || lastEmitted > 0) {
      List<Delta> deltas = List.of(new Delta.Closed(reason));
      send(new ReplicationRecord(a.id(), nextSequence, ReplicationRecord.CAUSE_UPDATE, null,
          deltas), tcb != null ? tcb.sender.nextTsn() : emittedNextTsn, now);
    }
    detach(tcb, false);
  }

  private void releaseAll() {
    heldPackets.clear();
    while (!heldEvents.isEmpty()) {
      a.ctx.emit(heldEvents.pollFirst().event());
    }
  }

  /** Whether {@code tsn} is ahead of what the standby confirmed knowing (tests and stats). */
  boolean unreplicated(int tsn) {
    return SerialNumbers.lt32(confirmedNextTsn - 1, tsn);
  }
}
