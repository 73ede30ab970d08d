package org.jsctp.rx;

import java.net.InetAddress;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.DataChunk;

/**
 * Reassembly of fragmented messages (RFC 9260 section 6.9) and partial delivery of large ones
 * (RFC 6458 section 8.1.21). Fragments are kept by unwrapped TSN; because the fragments of a
 * message carry consecutive TSNs, a message is complete when the TSNs from its B fragment to
 * its E fragment have all been received. Lookups are logarithmic, so a message of many
 * fragments arriving in order costs O(n log n), not O(n^2).
 */
final class Reassembly {

  /** What to do with a message or a piece of one. */
  interface Sink {
    /** A whole message was reassembled. */
    void complete(InboundMessage message);

    /** A piece of a partially delivered message; {@code last} ends it. */
    void piece(InboundMessage message, boolean last);

    /** Whether a message with this stream and SSN may start being delivered now. */
    boolean deliverableNow(int streamId, int ssn, boolean unordered);
  }

  private final TreeMap<Long, DataChunk> fragments = new TreeMap<>();
  private final TreeSet<Long> beginnings = new TreeSet<>();
  private final TreeSet<Long> endings = new TreeSet<>();
  private long bytes;

  private boolean partialActive;
  private long partialNextTsn;
  private int partialStream;
  private int partialSsn;
  private boolean partialUnordered;
  private int partialPpid;
  private int partialFirstTsn;

  /** Bytes of fragments held. */
  long bytes() {
    return bytes;
  }

  boolean partialDeliveryActive() {
    return partialActive;
  }

  int partialStream() {
    return partialStream;
  }

  int partialSsn() {
    return partialSsn;
  }

  boolean partialUnordered() {
    return partialUnordered;
  }

  /**
   * Takes one fragment (not both B and E) with unwrapped TSN {@code tsn}, delivering whatever it
   * completes.
   */
  void add(long tsn, DataChunk d, InetAddress source, TsnTracker tracker, Sink sink) {
    if (partialActive && tsn == partialNextTsn) {
      continuePartial(d, tsn, source, sink);
      return;
    }
    fragments.put(tsn, d);
    bytes += d.userData().length();
    if (d.beginning()) {
      beginnings.add(tsn);
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

  private InboundMessage extract(long from, long to, InetAddress source) {
    NavigableMap<Long, DataChunk> parts = fragments.subMap(from, true, to, true);
    int total = 0;
    for (DataChunk c : parts.values()) {
      total += c.userData().length();
    }
    byte[] data = new byte[total];
    int off = 0;
    DataChunk first = null;
    for (DataChunk c : parts.values()) {
      if (first == null) {
        first = c;
      }
      c.userData().copyTo(data, off);
      off += c.userData().length();
    }
    parts.clear();
    beginnings.remove(from);
    endings.remove(to);
    bytes -= total;
    return new InboundMessage(
        first.streamId(),
        first.streamSequenceNumber(),
        first.payloadProtocolId(),
        first.unordered(),
        first.tsn(),
        source,
        Bytes.wrap(data));
  }

  /**
   * Starts partial delivery of the lowest message that may be delivered now, handing over the
   * contiguous fragments from its beginning. Returns whether it started.
   */
  boolean startPartialDelivery(Sink sink) {
    if (partialActive) {
      return false;
    }
    for (Long b : beginnings) {
      DataChunk first = fragments.get(b);
      if (!sink.deliverableNow(first.streamId(), first.streamSequenceNumber(), first.unordered())) {
        continue;
      }
      partialActive = true;
      partialStream = first.streamId();
      partialSsn = first.streamSequenceNumber();
      partialUnordered = first.unordered();
      partialPpid = first.payloadProtocolId();
      partialFirstTsn = first.tsn();
      partialNextTsn = b;
      beginnings.remove(b);
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
            source,
            Bytes.wrap(data));
    if (last) {
      partialActive = false;
    }
    sink.piece(piece, last);
  }

  /** Whether a chunk with this unwrapped TSN continues the message being partially delivered. */
  boolean continuesPartial(long tsn) {
    return partialActive && tsn == partialNextTsn;
  }
}
