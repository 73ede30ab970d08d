package org.jsctp.rx;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.PartialDeliveryAborted;
import org.jsctp.stats.MibCounter;
import org.jsctp.wire.UserDataChunk;

/**
 * From accepted chunks to the application: reassembly, ordering per stream (RFC 9260 section
 * 6.6), partial delivery with the interleaving rules of RFC 6458 section 8.1.20, and the bytes
 * delivered but not yet read (or, with replication, not yet confirmed), which the window counts.
 */
final class MessageDelivery implements Reassembler.Sink, OrderedDelivery.Sink {

  private final ReceiverEnvironment env;
  private final boolean interleaving;
  // Package-private for the receiver's window and FORWARD-TSN rules and for ReceiverImage.
  Reassembler reassembly;
  OrderedDelivery ordered;
  /** Complete messages of a stream whose partial delivery is under way. */
  final ArrayDeque<InboundMessage> deferred = new ArrayDeque<>(1);
  long deferredBytes;
  private long unread;
  /** With replication: bytes delivered that the application has not confirmed. */
  private long unconfirmed;
  private boolean replicating;

  MessageDelivery(boolean interleaving, int streams, ReceiverEnvironment env) {
    this.env = env;
    this.interleaving = interleaving;
    this.reassembly = interleaving ? new InterleavedReassembly() : new Reassembly();
    this.ordered = new OrderedDelivery(interleaving);
    this.ordered.setStreamCount(streams);
  }

  /** Reassembles or delivers a chunk whose TSN was recorded. */
  void take(long t, UserDataChunk d, InetAddress source, TsnTracker tracker, long pdPoint) {
    if (d.beginning() && d.ending()) {
      offerComplete(new InboundMessage(d.streamId(), d.messageId(), d.payloadProtocolId(),
          d.unordered(), d.tsn(), t, t, source, d.userData()));
    } else {
      reassembly.add(t, d, source, tracker, this);
      if (reassembly.bytes() > pdPoint) {
        reassembly.startPartialDelivery(this);
      }
    }
  }

  void startPartialDelivery() {
    reassembly.startPartialDelivery(this);
  }

  /** An ordered stream skips every SSN (or MID) up to {@code ssn}, delivering what waited. */
  void skipThrough(int streamId, int ssn) {
    ordered.skipThrough(streamId, ssn, this);
  }

  /** The stream expects SSN or MID 0 again (RFC 6525). */
  void resetStream(int streamId) {
    ordered.reset(streamId, this);
  }

  void setStreamCount(int streams) {
    ordered.setStreamCount(streams);
  }

  /** A TSN restart (RFC 6525 section 5.2.4): fragments go, every stream starts again. */
  void restart(int streams) {
    reassembly = interleaving ? new InterleavedReassembly() : new Reassembly();
    ordered = new OrderedDelivery(interleaving);
    ordered.setStreamCount(streams);
    for (InboundMessage m : deferred) {
      emit(m, true);
    }
    deferred.clear();
    deferredBytes = 0;
  }

  /** A partial delivery ended because its message was abandoned: the application is told. */
  void aborted(InboundMessage aborted) {
    if (aborted == null) {
      return;
    }
    env.emit(new PartialDeliveryAborted(env.associationId(), aborted.streamId(),
        aborted.streamSequenceNumber(), aborted.unordered()));
    if (!aborted.unordered()) {
      ordered.skipThrough(aborted.streamId(), aborted.streamSequenceNumber(), this);
    }
    flushDeferred();
  }

  /** Bytes received but not yet deliverable (reassembly, reordering, waiting for a partial delivery). */
  long pendingBytes() {
    return reassembly.bytes() + ordered.waitingBytes() + deferredBytes;
  }

  /** Bytes handed to the application that still count against the window. */
  long handedBytes() {
    return replicating ? Math.max(unread, unconfirmed) : unread;
  }

  long unread() {
    return unread;
  }

  void consumed(long bytes) {
    unread = Math.max(0, unread - bytes);
  }

  void confirmed(long bytes) {
    unconfirmed = Math.max(0, unconfirmed - bytes);
  }

  /** Whether deliveries count as unconfirmed until the application confirms them (HA). */
  void setReplicating(boolean replicating) {
    this.replicating = replicating;
    this.unconfirmed = 0;
  }

  /** What a standby hands again after a takeover counts as unread like any delivery. */
  void redelivered(long bytes) {
    unread += bytes;
  }

  @Override
  public void deliver(InboundMessage m) {
    if (reassembly.blocksDelivery(m.streamId())) {
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
    flushDeferred();
  }

  /** Delivers the complete messages that waited for a partial delivery to end, in order. */
  private void flushDeferred() {
    if (deferred.isEmpty()) {
      return;
    }
    Iterator<InboundMessage> it = deferred.iterator();
    while (it.hasNext()) {
      InboundMessage next = it.next();
      if (!reassembly.blocksDelivery(next.streamId())) {
        it.remove();
        deferredBytes -= next.data().length();
        emit(next, true);
      }
    }
  }

  @Override
  public boolean deliverableNow(int streamId, int ssn, boolean unordered) {
    return unordered || ordered.isNext(streamId, ssn);
  }

  private void emit(InboundMessage m, boolean complete) {
    unread += m.data().length();
    if (replicating) {
      unconfirmed += m.data().length();
    }
    env.emit(new MessageReceived(env.associationId(), m.streamId(), m.streamSequenceNumber(),
        m.payloadProtocolId(), m.unordered(), m.firstTsn(), m.source(), complete, m.data()));
  }
}
