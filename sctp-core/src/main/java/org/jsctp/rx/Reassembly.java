package org.jsctp.rx;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsctp.ha.ReceiverSnapshot;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.UserDataChunk;

/**
 * Reassembly of fragmented DATA messages (RFC 9260 section 6.9) and partial delivery of large ones
 * (RFC 6458 section 8.1.21). Fragments are kept by unwrapped TSN; because the fragments of a
 * message carry consecutive TSNs, a message is complete when the TSNs from its B fragment to
 * its E fragment have all been received.
 *
 * <p>Every operation costs O(log n) in the fragments held, whatever a peer sends: the message
 * starts that may be partially delivered now are kept in their own set, updated when a
 * beginning arrives and when an ordered stream moves on, so that starting a partial delivery
 * never walks the held messages (a peer filling the buffer with beginnings that can never be
 * delivered would otherwise make every packet cost O(n)).
 */
final class Reassembly implements Reassembler {

  // The tables below are made with the first fragment: most associations never receive one, and
  // an idle association need not hold them (five collections, about 370 bytes). Null until then.
  private TreeMap<Long, DataChunk> fragments;
  private TreeSet<Long> beginnings;
  private TreeSet<Long> endings;
  /** Beginnings of messages that may be delivered now: unordered ones, and the next SSN of a stream. */
  private TreeSet<Long> startable;
  /** The lowest beginning TSN of each ordered (stream, SSN), to find it when the stream reaches it. */
  private Map<Integer, Long> orderedBeginnings;
  private long bytes;

  private boolean partialActive;
  private long partialNextTsn;
  private int partialStream;
  private int partialSsn;
  private boolean partialUnordered;
  private int partialPpid;
  private int partialFirstTsn;
  private long partialFirstUnwrapped;

  @Override
  public long bytes() {
    return bytes;
  }

  @Override
  public boolean partialDeliveryActive() {
    return partialActive;
  }

  /** With DATA a partial delivery holds back every stream (fragment interleave levels 0 and 1). */
  @Override
  public boolean blocksDelivery(int streamId) {
    return partialActive;
  }

  @Override
  public boolean partiallyDelivering(int streamId, int ssn) {
    return partialActive && !partialUnordered && partialStream == streamId && partialSsn == ssn;
  }

  private static int streamKey(int streamId, int ssn) {
    return streamId << 16 | (ssn & 0xFFFF);
  }

  @Override
  public void add(long tsn, UserDataChunk fragment, InetAddress source, TsnTracker tracker,
      Sink sink) {
    DataChunk d = (DataChunk) fragment;
    if (fragments == null) {
      fragments = new TreeMap<>();
      beginnings = new TreeSet<>();
      endings = new TreeSet<>();
      startable = new TreeSet<>();
      orderedBeginnings = new HashMap<>();
    }
    if (partialActive && tsn == partialNextTsn) {
      continuePartial(d, tsn, source, sink);
      return;
    }
    fragments.put(tsn, d);
    bytes += d.userData().length();
    if (d.beginning()) {
      addBeginning(tsn, d, sink);
    }
    if (d.ending()) {
      endings.add(tsn);
    }
    Long b = beginnings.floor(tsn);
    Long e = endings.ceiling(tsn);
    if (b == null || e == null) {
      return;
    }
    Long endBefore = tsn > b ? endings.floor(tsn - 1) : null;
    Long beginAfter = e > tsn ? beginnings.ceiling(tsn + 1) : null;
    if ((endBefore != null && endBefore >= b) || (beginAfter != null && beginAfter <= e)) {
      return;
    }
    if (!tracker.isRangeReceived(b, e)) {
      return;
    }
    sink.complete(extract(b, e, source));
  }

  private void addBeginning(long tsn, DataChunk d, Sink sink) {
    beginnings.add(tsn);
    if (d.unordered()) {
      startable.add(tsn);
      return;
    }
    orderedBeginnings.merge(streamKey(d.streamId(), d.streamSequenceNumber()), tsn, Math::min);
    if (sink.deliverableNow(d.streamId(), d.streamSequenceNumber(), false)) {
      startable.add(tsn);
    }
  }

  private void removeBeginning(long tsn, DataChunk first) {
    beginnings.remove(tsn);
    startable.remove(tsn);
    if (!first.unordered()) {
      orderedBeginnings.remove(streamKey(first.streamId(), first.streamSequenceNumber()), tsn);
    }
  }

  @Override
  public void streamAdvanced(int streamId, int ssn) {
    if (fragments == null) {
      return;
    }
    Long tsn = orderedBeginnings.get(streamKey(streamId, ssn));
    if (tsn != null) {
      startable.add(tsn);
    }
  }

  private InboundMessage extract(long from, long to, InetAddress source) {
    NavigableMap<Long, DataChunk> parts = fragments.subMap(from, true, to, true);
    int total = 0;
    for (DataChunk c : parts.values()) {
      total += c.userData().length();
    }
    byte[] data = new byte[total];
    int off = 0;
    DataChunk first = parts.firstEntry().getValue();
    for (DataChunk c : parts.values()) {
      c.userData().copyTo(data, off);
      off += c.userData().length();
    }
    parts.clear();
    removeBeginning(from, first);
    endings.remove(to);
    bytes -= total;
    return new InboundMessage(
        first.streamId(),
        first.streamSequenceNumber(),
        first.payloadProtocolId(),
        first.unordered(),
        first.tsn(),
        from,
        to,
        source,
        Bytes.wrap(data));
  }

  /** Starts the partial delivery of the lowest message that may be delivered now. */
  @Override
  public boolean startPartialDelivery(Sink sink) {
    if (partialActive || fragments == null) {
      return false;
    }
    Long b;
    while ((b = startable.pollFirst()) != null) {
      DataChunk first = fragments.get(b);
      if (first == null || !beginnings.contains(b)
          || !sink.deliverableNow(first.streamId(), first.streamSequenceNumber(), first.unordered())) {
        continue;
      }
      partialActive = true;
      partialStream = first.streamId();
      partialSsn = first.streamSequenceNumber();
      partialUnordered = first.unordered();
      partialPpid = first.payloadProtocolId();
      partialFirstTsn = first.tsn();
      partialFirstUnwrapped = b;
      partialNextTsn = b;
      removeBeginning(b, first);
      deliverContiguous(null, sink);
      return true;
    }
    return false;
  }

  private void continuePartial(DataChunk d, long tsn, InetAddress source, Sink sink) {
    fragments.put(tsn, d);
    bytes += d.userData().length();
    if (d.ending()) {
      endings.add(tsn);
    }
    deliverContiguous(source, sink);
  }

  private void deliverContiguous(InetAddress source, Sink sink) {
    int total = 0;
    long t = partialNextTsn;
    boolean last = false;
    DataChunk c;
    while ((c = fragments.get(t)) != null) {
      total += c.userData().length();
      t++;
      if (c.ending()) {
        last = true;
        break;
      }
    }
    if (t == partialNextTsn) {
      return;
    }
    NavigableMap<Long, DataChunk> parts = fragments.subMap(partialNextTsn, true, t - 1, true);
    byte[] data = new byte[total];
    int off = 0;
    for (DataChunk part : parts.values()) {
      part.userData().copyTo(data, off);
      off += part.userData().length();
    }
    parts.clear();
    if (last) {
      endings.remove(t - 1);
    }
    bytes -= total;
    partialNextTsn = t;
    InboundMessage piece =
        new InboundMessage(
            partialStream,
            partialSsn,
            partialPpid,
            partialUnordered,
            partialFirstTsn,
            partialFirstUnwrapped,
            t - 1,
            source,
            Bytes.wrap(data));
    if (last) {
      partialActive = false;
    }
    sink.piece(piece, last);
  }

  /**
   * The peer moved the cumulative TSN to {@code tsn} (FORWARD-TSN, RFC 3758 section 3.6): every
   * fragment at or below it belongs to an abandoned message and is dropped, and a partial
   * delivery of such a message ends. Returns the message that was being partially delivered, or
   * null.
   */
  InboundMessage discardThrough(long tsn) {
    while (fragments != null && !fragments.isEmpty() && fragments.firstKey() <= tsn) {
      evict(fragments.firstKey());
    }
    if (!partialActive || partialNextTsn > tsn) {
      return null;
    }
    partialActive = false;
    return new InboundMessage(partialStream, partialSsn, partialPpid, partialUnordered,
        partialFirstTsn, partialFirstUnwrapped, partialNextTsn - 1, null, Bytes.EMPTY);
  }

  @Override
  public void export(List<ReceiverSnapshot.InboundChunk> out,
      List<ReceiverSnapshot.PartialDelivery> partials) {
    if (fragments != null) {
      for (DataChunk d : fragments.values()) {
        out.add(Reassembler.exported(d, null));
      }
    }
    if (partialActive) {
      partials.add(new ReceiverSnapshot.PartialDelivery(partialStream, partialSsn,
          partialUnordered, partialPpid, partialFirstTsn, (int) partialNextTsn));
    }
  }

  @Override
  public void restorePartial(ReceiverSnapshot.PartialDelivery p, TsnTracker tracker) {
    partialActive = true;
    partialStream = p.streamId();
    partialSsn = p.messageId();
    partialUnordered = p.unordered();
    partialPpid = p.payloadProtocolId();
    partialFirstTsn = p.firstTsn();
    partialFirstUnwrapped = tracker.unwrap(p.firstTsn());
    partialNextTsn = tracker.unwrap(p.next());
  }

  @Override
  public long highestFragment() {
    return fragments == null || fragments.isEmpty() ? -1 : fragments.lastKey();
  }

  @Override
  public void evict(long tsn) {
    DataChunk d = fragments == null ? null : fragments.remove(tsn);
    if (d == null) {
      return;
    }
    bytes -= d.userData().length();
    if (d.beginning()) {
      removeBeginning(tsn, d);
    }
    if (d.ending()) {
      endings.remove(tsn);
    }
  }
}
