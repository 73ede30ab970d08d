package org.jsctp.ha;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.PartialDeliveryAborted;
import org.jsctp.api.SctpEvent;
import org.jsctp.config.ReceiveMemory;
import org.jsctp.rx.DataReceiver;
import org.jsctp.rx.ReceiverEnvironment;
import org.jsctp.rx.ReceiverSettings;
import org.jsctp.stats.MibCounters;
import org.jsctp.wire.ForwardTsnChunk;
import org.jsctp.wire.IForwardTsnChunk;

/**
 * A standby's copy of one association, kept current from the active's {@link ReplicationRecord}s:
 * a snapshot record replaces it, a delta record is folded in, in order. The receiving half is a
 * live receiver that makes the moves the active's made (so reassembly, ordering, stream resets and
 * FORWARD-TSNs come out the same); what it would deliver joins what the active's application was
 * handed and did not confirm, all of it handed again after a takeover. The sending half is a model
 * of messages and chunks by TSN.
 *
 * <p>{@link #snapshot()} gives the current state for {@code Endpoint.restore}. Memory is bounded
 * by the active's windows and buffers: what the peer acknowledged leaves, what the application
 * confirmed leaves. Not thread-safe.
 */
public final class StandbyAssociationState {

  private AssociationHeader header;
  private SenderModel sender;
  private DataReceiver receiver;
  private final List<ReceiverSnapshot.Redelivery> redelivery = new ArrayList<>();
  private long lastSequence;
  private boolean closed;
  private String closeReason;

  /** An empty copy: the first record applied must be a snapshot. */
  public StandbyAssociationState() {}

  /** A copy starting from {@code record}, a snapshot record. */
  public static StandbyAssociationState of(ReplicationRecord record) {
    StandbyAssociationState s = new StandbyAssociationState();
    s.apply(record);
    return s;
  }

  /** The association id on the active endpoint, or 0 before a snapshot. */
  public int associationId() {
    return header == null ? 0 : header.associationId();
  }

  /** The sequence number of the last record applied (0 before any). */
  public long lastSequence() {
    return lastSequence;
  }

  /** Whether the active reported the association ended: there is nothing to take over. */
  public boolean isClosed() {
    return closed;
  }

  /** Why the association ended, or null. */
  public String closeReason() {
    return closeReason;
  }

  /** Whether a snapshot was applied, so that {@link #snapshot()} has something to give. */
  public boolean hasSnapshot() {
    return header != null;
  }

  /**
   * Applies the next record: a snapshot replaces the copy (a newer one only), a delta record must
   * follow the last record applied.
   *
   * @throws ReplicationGapException when a delta record does not follow the last one (nothing is
   *     applied; ask the active for a snapshot)
   * @throws IllegalStateException when the records contradict the copy (a broken replicator)
   */
  public void apply(ReplicationRecord record) {
    if (record.isSnapshot()) {
      if (record.sequence() <= lastSequence) {
        return;
      }
      reset(record.snapshot());
      lastSequence = record.sequence();
      return;
    }
    if (header == null) {
      throw new ReplicationGapException(0, record.sequence());
    }
    if (record.sequence() <= lastSequence) {
      return;
    }
    if (record.sequence() != lastSequence + 1) {
      throw new ReplicationGapException(lastSequence + 1, record.sequence());
    }
    for (Delta d : record.deltas()) {
      fold(d);
    }
    lastSequence = record.sequence();
  }

  /**
   * The association as a standby takes it over now.
   *
   * @throws IllegalStateException before a snapshot was applied
   */
  public AssociationSnapshot snapshot() {
    if (header == null) {
      throw new IllegalStateException("no snapshot was replicated yet");
    }
    return new AssociationSnapshot(header, sender.snapshot(),
        receiver.exportState(new ArrayList<>(redelivery)));
  }

  /** Messages (and pieces) that would be handed again after a takeover. */
  public int redeliveryCount() {
    return redelivery.size();
  }

  private void reset(AssociationSnapshot s) {
    header = s.header();
    boolean interleaving = header.extensions().interleaving();
    sender = new SenderModel(s.sender(), interleaving);
    redelivery.clear();
    redelivery.addAll(s.receiver().redelivery());
    receiver = DataReceiver.restore(s.receiver(), interleaving, SHADOW_SETTINGS, new ShadowEnv(),
        header.paths().get(0).address());
    closed = false;
    closeReason = null;
  }

  private void fold(Delta delta) {
    boolean interleaving = header.extensions().interleaving();
    if (delta instanceof Delta.InboundData d) {
      receiver.onData(DataReceiver.chunk(d.chunk(), interleaving), d.chunk().source());
    } else if (delta instanceof Delta.InboundTsn d) {
      receiver.tracker().receive(d.tsn());
    } else if (delta instanceof Delta.InboundForwardTsn d) {
      forwardTsn(d, interleaving);
    } else if (delta instanceof Delta.InboundStreamReset d) {
      receiver.resetStreams(d.lastAssignedTsn(), d.streams());
    } else if (delta instanceof Delta.InboundStreamsAdded d) {
      receiver.addStreams(d.count());
    } else if (delta instanceof Delta.InboundTsnRestart d) {
      receiver.restartTsn(d.nextTsn());
    } else if (delta instanceof Delta.InboundReneged d) {
      for (int tsn : d.tsns()) {
        receiver.renege(tsn);
      }
    } else if (delta instanceof Delta.DeliveryConfirmed d) {
      Set<Integer> confirmed = new HashSet<>(d.firstTsns());
      redelivery.removeIf(r -> confirmed.contains(r.firstTsn()));
    } else if (delta instanceof Delta.MessageQueued d) {
      sender.queued(d.message());
    } else if (delta instanceof Delta.ChunkCut d) {
      sender.cut(d.chunk());
    } else if (delta instanceof Delta.MessageAbandoned d) {
      sender.abandoned(d.messageId(), d.sent());
    } else if (delta instanceof Delta.Acknowledged d) {
      sender.acknowledged(d.cumulativeTsnAck(), d.peerRwnd());
    } else if (delta instanceof Delta.OutboundStreams d) {
      sender.streams(d.nextTsn(), d.streams());
    } else if (delta instanceof Delta.HeaderChanged d) {
      header = d.header();
    } else if (delta instanceof Delta.Closed d) {
      closed = true;
      closeReason = d.reason();
    }
  }

  private void forwardTsn(Delta.InboundForwardTsn d, boolean interleaving) {
    if (interleaving) {
      List<IForwardTsnChunk.Entry> entries = new ArrayList<>(d.skips().size());
      for (Delta.Skip s : d.skips()) {
        entries.add(new IForwardTsnChunk.Entry(s.streamId(), s.unordered(), s.messageId()));
      }
      receiver.onIForwardTsn(new IForwardTsnChunk(d.newCumulativeTsn(), entries));
    } else {
      List<ForwardTsnChunk.StreamEntry> entries = new ArrayList<>(d.skips().size());
      for (Delta.Skip s : d.skips()) {
        entries.add(new ForwardTsnChunk.StreamEntry(s.streamId(), s.messageId()));
      }
      receiver.onForwardTsn(new ForwardTsnChunk(d.newCumulativeTsn(), entries));
    }
  }

  /** What the copy's receiver delivers joins the messages to hand again. */
  private final class ShadowEnv implements ReceiverEnvironment {

    private final MibCounters counters = new MibCounters();

    @Override
    public int associationId() {
      return header.associationId();
    }

    @Override
    public MibCounters counters() {
      return counters;
    }

    @Override
    public void emit(SctpEvent event) {
      if (event instanceof MessageReceived m) {
        redelivery.add(new ReceiverSnapshot.Redelivery(m.firstTsn(), false, m.streamId(),
            m.streamSequenceNumber(), m.payloadProtocolId(), m.unordered(), m.source(),
            m.complete(), m.data()));
      } else if (event instanceof PartialDeliveryAborted p) {
        redelivery.add(new ReceiverSnapshot.Redelivery(partialFirstTsn(p), true, p.streamId(),
            p.streamSequenceNumber(), 0, p.unordered(), null, false, org.jsctp.wire.Bytes.EMPTY));
      }
    }

    private int partialFirstTsn(PartialDeliveryAborted p) {
      for (int i = redelivery.size() - 1; i >= 0; i--) {
        ReceiverSnapshot.Redelivery r = redelivery.get(i);
        if (!r.aborted() && r.streamId() == p.streamId() && r.unordered() == p.unordered()
            && r.messageId() == p.streamSequenceNumber()) {
          return r.firstTsn();
        }
      }
      return 0;
    }

    @Override
    public ReceiveMemory memory() {
      return UNBOUNDED;
    }
  }

  /** The copy's receiver holds whatever the active's held: its bounds were the active's. */
  private static final ReceiverSettings SHADOW_SETTINGS = new ReceiverSettings() {
    @Override
    public long rcvbuf() {
      return 1L << 40;
    }

    @Override
    public long sackDelayNanos() {
      return 200_000_000L;
    }

    @Override
    public int sackFrequency() {
      return 2;
    }

    @Override
    public long partialDeliveryPoint() {
      return 0;
    }
  };

  private static final ReceiveMemory UNBOUNDED = ReceiveMemory.bounded(Long.MAX_VALUE);
}
