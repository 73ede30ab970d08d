package org.jsctp.rx;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jsctp.ha.ReceiverSnapshot;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.IDataChunk;
import org.jsctp.wire.UserDataChunk;

/**
 * Reassembly of I-DATA messages (RFC 8260 section 2.1): the fragments of a message are those
 * with its stream, U bit and message identifier, in the order of their fragment sequence numbers;
 * their TSNs need not be consecutive, because fragments of messages on other streams may come
 * between. A message is complete when it holds every FSN from 0 (the B fragment) to that of the E
 * fragment.
 *
 * <p>Partial delivery interleaves as RFC 6458 section 8.1.20 level 2 allows: one message at a
 * time per stream and kind (ordered or unordered) is delivered in pieces, messages of other
 * streams meanwhile go on being delivered. Lookups by message, by TSN and by MID range each cost
 * O(log n) in the fragments held.
 */
final class InterleavedReassembly implements Reassembler {

  private static final long HALF = 1L << 31;
  private static final long MASK32 = 0xFFFF_FFFFL;

  /** A fragment held, with the message it belongs to. */
  private static final class Fragment {
    final long tsn;
    final long fsn;
    final IDataChunk chunk;
    final Held message;

    Fragment(long tsn, long fsn, IDataChunk chunk, Held message) {
      this.tsn = tsn;
      this.fsn = fsn;
      this.chunk = chunk;
      this.message = message;
    }
  }

  /** The fragments of one message held so far, and its partial delivery if one is under way. */
  private static final class Held {
    final int streamId;
    final boolean unordered;
    final int messageId;
    final TreeMap<Long, Fragment> byFsn = new TreeMap<>();
    long endFsn = -1;
    int ppid;
    int firstTsn;
    long firstTsnUnwrapped = -1;
    InetAddress source;
    boolean delivering;
    long nextFsn;

    Held(int streamId, boolean unordered, int messageId) {
      this.streamId = streamId;
      this.unordered = unordered;
      this.messageId = messageId;
    }

    boolean hasBeginning() {
      return firstTsnUnwrapped >= 0;
    }

    boolean complete() {
      return hasBeginning() && endFsn >= 0 && byFsn.size() == endFsn + 1 && byFsn.lastKey() == endFsn;
    }
  }

  /** The messages held per stream and kind ({@link #kind}), by MID as an unsigned number. */
  private final Map<Integer, TreeMap<Long, Held>> byStream = new HashMap<>();
  private final TreeMap<Long, Fragment> byTsn = new TreeMap<>();
  /** First-fragment TSNs of messages that may be delivered now: unordered, or next on their stream. */
  private final TreeSet<Long> startable = new TreeSet<>();
  /** The message delivered in pieces per stream and kind. */
  private final Map<Integer, Held> delivering = new HashMap<>();
  private long bytes;

  private static int kind(int streamId, boolean unordered) {
    return streamId << 1 | (unordered ? 1 : 0);
  }

  @Override
  public long bytes() {
    return bytes;
  }

  @Override
  public boolean partialDeliveryActive() {
    return !delivering.isEmpty();
  }

  @Override
  public boolean blocksDelivery(int streamId) {
    return !delivering.isEmpty()
        && (delivering.containsKey(kind(streamId, false)) || delivering.containsKey(kind(streamId, true)));
  }

  @Override
  public boolean partiallyDelivering(int streamId, int messageId) {
    Held h = delivering.get(kind(streamId, false));
    return h != null && h.messageId == messageId;
  }

  @Override
  public void add(long tsn, UserDataChunk fragment, InetAddress source, TsnTracker tracker,
      Sink sink) {
    IDataChunk d = (IDataChunk) fragment;
    TreeMap<Long, Held> stream = byStream.computeIfAbsent(kind(d.streamId(), d.unordered()),
        k -> new TreeMap<>());
    long mid = d.messageId() & MASK32;
    Held m = stream.get(mid);
    if (m == null) {
      m = new Held(d.streamId(), d.unordered(), d.messageId());
      stream.put(mid, m);
    }
    long fsn = d.fragmentSequenceNumber() & MASK32;
    if (m.byFsn.containsKey(fsn) || (m.delivering && fsn < m.nextFsn)) {
      // A second fragment with this FSN under another TSN: the peer broke RFC 8260 section 2.1.
      forgetIfEmpty(m);
      return;
    }
    Fragment f = new Fragment(tsn, fsn, d, m);
    m.byFsn.put(fsn, f);
    byTsn.put(tsn, f);
    bytes += d.userData().length();
    m.source = source;
    if (d.beginning()) {
      m.ppid = d.payloadProtocolId();
      m.firstTsn = d.tsn();
      m.firstTsnUnwrapped = tsn;
      if (d.unordered() || sink.deliverableNow(d.streamId(), d.messageId(), false)) {
        startable.add(tsn);
      }
    }
    if (d.ending()) {
      m.endFsn = fsn;
    }
    if (m.delivering) {
      deliverContiguous(m, sink);
    } else if (m.complete()) {
      sink.complete(extract(m));
    }
  }

  private InboundMessage extract(Held m) {
    int total = 0;
    long low = Long.MAX_VALUE;
    long high = -1;
    for (Fragment f : m.byFsn.values()) {
      total += f.chunk.userData().length();
      low = Math.min(low, f.tsn);
      high = Math.max(high, f.tsn);
    }
    byte[] data = new byte[total];
    int off = 0;
    int count = m.byFsn.size();
    long[] tsns = high - low + 1 == count ? null : new long[count];
    int i = 0;
    for (Fragment f : m.byFsn.values()) {
      f.chunk.userData().copyTo(data, off);
      off += f.chunk.userData().length();
      byTsn.remove(f.tsn);
      if (tsns != null) {
        tsns[i++] = f.tsn;
      }
    }
    bytes -= total;
    startable.remove(m.firstTsnUnwrapped);
    m.byFsn.clear();
    forget(m);
    return new InboundMessage(m.streamId, m.messageId, m.ppid, m.unordered, m.firstTsn, low, high,
        m.source, Bytes.wrap(data), tsns);
  }

  @Override
  public boolean startPartialDelivery(Sink sink) {
    Long b;
    while ((b = startable.pollFirst()) != null) {
      Fragment first = byTsn.get(b);
      if (first == null || first.fsn != 0) {
        continue;
      }
      Held m = first.message;
      int kind = kind(m.streamId, m.unordered);
      if (m.delivering || delivering.containsKey(kind)
          || !sink.deliverableNow(m.streamId, m.messageId, m.unordered)) {
        continue;
      }
      m.delivering = true;
      m.nextFsn = 0;
      delivering.put(kind, m);
      deliverContiguous(m, sink);
      return true;
    }
    return false;
  }

  private void deliverContiguous(Held m, Sink sink) {
    int total = 0;
    long fsn = m.nextFsn;
    Fragment f;
    boolean last = false;
    while ((f = m.byFsn.get(fsn)) != null) {
      total += f.chunk.userData().length();
      fsn++;
      if (fsn - 1 == m.endFsn) {
        last = true;
        break;
      }
    }
    if (fsn == m.nextFsn) {
      return;
    }
    NavigableMap<Long, Fragment> parts = m.byFsn.subMap(m.nextFsn, true, fsn - 1, true);
    byte[] data = new byte[total];
    int off = 0;
    long high = -1;
    for (Fragment part : parts.values()) {
      part.chunk.userData().copyTo(data, off);
      off += part.chunk.userData().length();
      byTsn.remove(part.tsn);
      high = Math.max(high, part.tsn);
    }
    parts.clear();
    bytes -= total;
    m.nextFsn = fsn;
    if (last) {
      delivering.remove(kind(m.streamId, m.unordered));
      dropRest(m);
    }
    sink.piece(new InboundMessage(m.streamId, m.messageId, m.ppid, m.unordered, m.firstTsn,
        m.firstTsnUnwrapped, high, m.source, Bytes.wrap(data)), last);
  }

  @Override
  public void streamAdvanced(int streamId, int messageId) {
    TreeMap<Long, Held> stream = byStream.get(kind(streamId, false));
    Held m = stream == null ? null : stream.get(messageId & MASK32);
    if (m != null && m.hasBeginning() && !m.delivering) {
      startable.add(m.firstTsnUnwrapped);
    }
  }

  /**
   * The peer abandoned the messages of {@code streamId} of this kind up to {@code messageId}
   * (I-FORWARD-TSN, RFC 8260 section 2.3.2): their fragments are dropped. Returns the message
   * that was being delivered in pieces among them, or null.
   */
  InboundMessage discardThrough(int streamId, boolean unordered, int messageId) {
    int kind = kind(streamId, unordered);
    TreeMap<Long, Held> stream = byStream.get(kind);
    if (stream == null) {
      return null;
    }
    // Serial arithmetic (RFC 1982): the MIDs at or before messageId are the 2^31 up to it.
    long to = messageId & MASK32;
    long from = (to - HALF + 1) & MASK32;
    List<Held> dropped = new ArrayList<>();
    if (from <= to) {
      dropped.addAll(stream.subMap(from, true, to, true).values());
    } else {
      dropped.addAll(stream.headMap(to, true).values());
      dropped.addAll(stream.tailMap(from, true).values());
    }
    InboundMessage aborted = null;
    for (Held m : dropped) {
      startable.remove(m.firstTsnUnwrapped);
      if (m.delivering) {
        delivering.remove(kind);
        aborted = new InboundMessage(m.streamId, m.messageId, m.ppid, m.unordered, m.firstTsn,
            m.firstTsnUnwrapped, m.firstTsnUnwrapped, null, Bytes.EMPTY);
      }
      dropRest(m);
    }
    return aborted;
  }

  /** Forgets a message with the fragments it still holds (beyond its end, or abandoned). */
  private void dropRest(Held m) {
    for (Fragment f : m.byFsn.values()) {
      byTsn.remove(f.tsn);
      bytes -= f.chunk.userData().length();
    }
    m.byFsn.clear();
    forget(m);
  }

  @Override
  public void export(List<ReceiverSnapshot.InboundChunk> out,
      List<ReceiverSnapshot.PartialDelivery> partials) {
    for (Fragment f : byTsn.values()) {
      out.add(Reassembler.exported(f.chunk, f.message.source));
    }
    for (Held m : delivering.values()) {
      partials.add(new ReceiverSnapshot.PartialDelivery(m.streamId, m.messageId, m.unordered,
          m.ppid, m.firstTsn, (int) m.nextFsn));
    }
  }

  @Override
  public void restorePartial(ReceiverSnapshot.PartialDelivery p, TsnTracker tracker) {
    Held m = new Held(p.streamId(), p.unordered(), p.messageId());
    m.ppid = p.payloadProtocolId();
    m.firstTsn = p.firstTsn();
    m.firstTsnUnwrapped = tracker.unwrap(p.firstTsn());
    m.delivering = true;
    m.nextFsn = p.next() & MASK32;
    int kind = kind(p.streamId(), p.unordered());
    byStream.computeIfAbsent(kind, k -> new TreeMap<>()).put(p.messageId() & MASK32, m);
    delivering.put(kind, m);
  }

  @Override
  public long highestFragment() {
    return byTsn.isEmpty() ? -1 : byTsn.lastKey();
  }

  @Override
  public void evict(long tsn) {
    Fragment f = byTsn.remove(tsn);
    if (f == null) {
      return;
    }
    Held m = f.message;
    m.byFsn.remove(f.fsn);
    bytes -= f.chunk.userData().length();
    if (f.fsn == 0 && !m.delivering) {
      m.firstTsnUnwrapped = -1;
      startable.remove(tsn);
    }
    if (f.fsn == m.endFsn) {
      m.endFsn = -1;
    }
    forgetIfEmpty(m);
  }

  private void forgetIfEmpty(Held m) {
    if (m.byFsn.isEmpty() && !m.delivering) {
      forget(m);
    }
  }

  private void forget(Held m) {
    int kind = kind(m.streamId, m.unordered);
    TreeMap<Long, Held> stream = byStream.get(kind);
    if (stream != null && stream.remove(m.messageId & MASK32, m) && stream.isEmpty()) {
      byStream.remove(kind);
    }
  }
}
