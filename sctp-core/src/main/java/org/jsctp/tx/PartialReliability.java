package org.jsctp.tx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.PrPolicy;
import org.jsctp.api.SendFailed;
import org.jsctp.util.SequenceUnwrapper;
import org.jsctp.util.SerialNumbers;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.ForwardTsnChunk;
import org.jsctp.wire.IForwardTsnChunk;
import org.jsctp.wire.SackChunk;
import org.jsctp.wire.UserDataChunk;

/**
 * PR-SCTP on the sending side (RFC 3758 section 3.5, RFC 7496): which messages are abandoned and
 * when (their lifetime ended, their chunks used up their retransmissions, or a message of higher
 * priority needs room in a full send buffer), telling the application about each one with its
 * data, and the FORWARD-TSN that moves the peer's cumulative TSN over what was abandoned. Only
 * messages not yet sent are ever abandoned on an association that did not negotiate PR-SCTP (by
 * their lifetime), and nothing is abandoned silently.
 *
 * <p>A FORWARD-TSN goes out when the Advanced.Peer.Ack.Point moved past what the last one said,
 * and again after a T3-rtx expiry while the peer has not acknowledged it; never once per SACK
 * (trap 24).
 */
final class PartialReliability {

  private final boolean enabled;
  private final OutstandingData outstanding;
  private final SendQueue queue;
  private final SendBuffer buffer;
  private final ChunkCutter cutter;
  private final SenderEnvironment env;
  private int streams;
  /** Abandoned messages per stream; both null until the first one (most associations have none). */
  private long[] sentByStream;
  private long[] unsentByStream;
  private long lastForwardTsn;
  private long lastForwardTsnAt;
  private boolean resendForwardTsn;
  private long nextExpiry = Long.MAX_VALUE;
  /** The association's replication (HA), or null. */
  private SendReplication replication;
  /**
   * After a THRESHOLD takeover: the stream entries that go with every FORWARD-TSN reaching {@link
   * #takeoverEnd}, so that the peer skips the SSNs and MIDs the active may have used (docs/ha.md).
   */
  private List<IForwardTsnChunk.Entry> takeoverSkips = List.of();
  private long takeoverEnd = -1;

  PartialReliability(boolean enabled, int streams, OutstandingData outstanding, SendQueue queue,
      SendBuffer buffer, ChunkCutter cutter, SenderEnvironment env) {
    this.enabled = enabled;
    this.cutter = cutter;
    this.outstanding = outstanding;
    this.queue = queue;
    this.buffer = buffer;
    this.env = env;
    this.streams = streams;
    this.lastForwardTsn = outstanding.cumulativeAckPoint();
  }

  /** The outbound streams grew (RFC 6525 section 5.1.5): their counters start at 0. */
  void setStreamCount(int streams) {
    this.streams = streams;
    if (sentByStream != null) {
      sentByStream = java.util.Arrays.copyOf(sentByStream, streams);
      unsentByStream = java.util.Arrays.copyOf(unsentByStream, streams);
    }
  }

  private void countsNeeded() {
    if (sentByStream == null) {
      sentByStream = new long[streams];
      unsentByStream = new long[streams];
    }
  }

  boolean enabled() {
    return enabled;
  }

  void setReplication(SendReplication replication) {
    this.replication = replication;
  }

  // ---- abandoning -------------------------------------------------------------------------

  /** A chunk of {@code m} went out for the first time: its lifetime is watched from now on. */
  void sent(QueuedMessage m) {
    if (enabled && m.message.prPolicy() == PrPolicy.TTL) {
      nextExpiry = Math.min(nextExpiry, m.expiresAt());
    }
  }

  /** Abandons every sent message whose lifetime (TTL policy) ended at {@code now}. */
  void expire(long now) {
    if (now < nextExpiry) {
      return;
    }
    long next = Long.MAX_VALUE;
    for (int i = 0; i < outstanding.size(); i++) {
      OutstandingChunk c = outstanding.at(i);
      QueuedMessage m = c.message;
      if (c.abandoned || m.message.prPolicy() != PrPolicy.TTL) {
        continue;
      }
      if (m.expiresAt() <= now) {
        abandonSent(m, "lifetime expired (PR-SCTP TTL)", SendFailed.Cause.EXPIRED);
      } else {
        next = Math.min(next, m.expiresAt());
      }
    }
    nextExpiry = next;
  }

  /**
   * Whether {@code c} may be sent again; if its message's retransmissions are used up (RTX
   * policy, RFC 7496 section 3.1: 0 means sent once, never again) the message is abandoned.
   */
  boolean mayRetransmit(OutstandingChunk c) {
    OutgoingMessage m = c.message.message;
    if (!enabled || m.prPolicy() != PrPolicy.RTX || c.transmissions <= m.prValue()) {
      return true;
    }
    abandonSent(c.message, "retransmission limit of " + m.prValue() + " reached (PR-SCTP RTX)",
        SendFailed.Cause.RETRANSMISSIONS_EXHAUSTED);
    return false;
  }

  /**
   * Abandons the messages of chunks waiting for a retransmission they are no longer allowed
   * (RTX policy), right after they were marked, so that the FORWARD-TSN goes out instead.
   */
  void abandonExhausted() {
    if (!enabled || outstanding.markedCount() == 0) {
      return;
    }
    for (int i = 0; i < outstanding.size(); i++) {
      OutstandingChunk c = outstanding.at(i);
      if (c.isMarked()) {
        mayRetransmit(c);
      }
    }
  }

  /**
   * Abandons a message some of whose chunks went out: they are skipped by the next FORWARD-TSN,
   * what was not cut into chunks yet leaves the queue (its end still takes a TSN, so that the
   * FORWARD-TSN covers the message even when every chunk sent was acknowledged), and the
   * application gets the whole message back in a SEND_FAILED saying it was (partly) sent.
   */
  void abandonSent(QueuedMessage m, String reason, SendFailed.Cause cause) {
    if (m.abandoned) {
      return;
    }
    m.abandoned = true;
    if (replication != null) {
      replication.abandoned(m.arrival, true);
    }
    outstanding.abandon(m);
    if (queue.remove(m)) {
      buffer.released(m.remaining());
      UserDataChunk end = cutter.endOfAbandoned(m, SequenceUnwrapper.wrap(outstanding.nextTsn()));
      outstanding.addAbandonedEnd(end, m);
      if (replication != null) {
        replication.cut(end, m.arrival, m.offset(), true);
      }
    }
    countsNeeded();
    sentByStream[m.streamId()]++;
    report(m, true, reason, m.payload(), cause);
  }

  /** Abandons a message no chunk of which went out; the application gets it back unsent. */
  void abandonUnsent(QueuedMessage m, String reason, SendFailed.Cause cause) {
    m.abandoned = true;
    if (replication != null) {
      replication.abandoned(m.arrival, false);
    }
    buffer.released(m.remaining());
    countsNeeded();
    unsentByStream[m.streamId()]++;
    report(m, false, reason, m.unsentPart(), cause);
  }

  private void report(QueuedMessage m, boolean sent, String reason, org.jsctp.wire.Bytes data,
      SendFailed.Cause cause) {
    env.emit(new SendFailed(env.associationId(), sent, m.streamId(), m.payloadProtocolId(),
        m.unordered(), m.context(), reason, data, cause));
  }

  /**
   * RFC 7496 section 3.2: when {@code length} bytes of {@code incoming} do not fit the send
   * buffer, messages not yet sent with the priority policy and a lower priority (a larger value;
   * a message without the policy ranks above them all) are abandoned, lowest first, until they
   * fit. Returns whether room was made.
   */
  boolean makeRoom(OutgoingMessage incoming, int length) {
    if (!enabled) {
      return false;
    }
    int priority = incoming.prPolicy() == PrPolicy.PRIO ? incoming.prValue() : -1;
    List<QueuedMessage> victims = queue.unstarted();
    victims.removeIf(v -> v.message.prPolicy() != PrPolicy.PRIO || v.message.prValue() <= priority);
    victims.sort(Comparator.comparingInt((QueuedMessage v) -> v.message.prValue()).reversed());
    long needed = buffer.amount() + length - buffer.limit();
    long freed = 0;
    for (QueuedMessage v : victims) {
      if (freed >= needed) {
        break;
      }
      freed += v.remaining();
    }
    if (freed < needed) {
      return false;
    }
    freed = 0;
    for (QueuedMessage v : victims) {
      if (freed >= needed) {
        break;
      }
      freed += v.remaining();
      queue.remove(v);
      abandonUnsent(v, "a message of higher priority needed the send buffer (PR-SCTP PRIO)",
          SendFailed.Cause.DISPLACED);
    }
    return true;
  }

  // ---- FORWARD-TSN ------------------------------------------------------------------------

  /**
   * A SACK reports TSNs beyond the last FORWARD-TSN while its cumulative TSN stays below it: the
   * peer receives what was sent after the FORWARD-TSN but did not get the FORWARD-TSN itself. It
   * goes again, at most once per smoothed round trip (not on every SACK, trap 24), instead of
   * waiting for T3-rtx.
   */
  void onSack(SackChunk sack, long now, long srtt) {
    long cum = outstanding.cumulativeAckPoint();
    if (!enabled || lastForwardTsn <= cum || now - lastForwardTsnAt < srtt) {
      return;
    }
    long highest = cum;
    for (SackChunk.GapAckBlock b : sack.gapAckBlocks()) {
      highest = Math.max(highest, cum + b.end());
    }
    if (highest > lastForwardTsn) {
      resendForwardTsn = true;
    }
  }

  /** T3-rtx expired: a FORWARD-TSN the peer did not acknowledge goes again. */
  void onT3Expired() {
    resendForwardTsn = outstanding.advancedPeerAckPoint() > outstanding.cumulativeAckPoint();
  }

  /** Whether a FORWARD-TSN should go out now (rules C2 to C5). */
  boolean forwardTsnDue() {
    if (!enabled) {
      return false;
    }
    long point = outstanding.advancedPeerAckPoint();
    return point > outstanding.cumulativeAckPoint() && (point > lastForwardTsn || resendForwardTsn);
  }

  /**
   * The FORWARD-TSN to send now, or null when none is due; an I-FORWARD-TSN naming the skipped
   * messages when the association uses I-DATA (RFC 8260 section 2.3).
   */
  Chunk forwardTsn() {
    if (!forwardTsnDue()) {
      return null;
    }
    long point = outstanding.advancedPeerAckPoint();
    int newCumulative = SequenceUnwrapper.wrap(point);
    if (queue.interleaving()) {
      return new IForwardTsnChunk(newCumulative, skippedMessages(point));
    }
    return new ForwardTsnChunk(newCumulative, skippedStreams(point));
  }

  /**
   * The ordered streams with abandoned chunks at or below {@code through}, each once with the
   * highest SSN skipped, for a FORWARD-TSN (RFC 3758 section 3.2).
   */
  private List<ForwardTsnChunk.StreamEntry> skippedStreams(long through) {
    Map<Integer, Integer> highest = new LinkedHashMap<>();
    for (int i = 0; i < outstanding.size() && outstanding.at(i).tsn <= through; i++) {
      UserDataChunk d = outstanding.at(i).chunk;
      if (!d.unordered() && outstanding.at(i).message != OutstandingData.UNKNOWN) {
        highest.merge(d.streamId(), d.messageId(), (a, b) -> SerialNumbers.lt16(a, b) ? b : a);
      }
    }
    if (through >= takeoverEnd && takeoverEnd >= 0) {
      for (IForwardTsnChunk.Entry e : takeoverSkips) {
        if (!e.unordered()) {
          highest.merge(e.streamId(), e.messageId() & 0xFFFF,
              (a, b) -> SerialNumbers.lt16(a, b) ? b : a);
        }
      }
    }
    List<ForwardTsnChunk.StreamEntry> entries = new ArrayList<>(highest.size());
    highest.forEach((stream, ssn) -> entries.add(new ForwardTsnChunk.StreamEntry(stream, ssn)));
    return entries;
  }

  /**
   * The streams with abandoned chunks at or below {@code through}, ordered and unordered apart,
   * each once with the highest MID skipped, for an I-FORWARD-TSN (RFC 8260 section 2.3.1).
   * Chunks acknowledged or still under way are not listed: only those of abandoned messages.
   */
  private List<IForwardTsnChunk.Entry> skippedMessages(long through) {
    Map<Integer, Integer> highest = new LinkedHashMap<>();
    for (int i = 0; i < outstanding.size() && outstanding.at(i).tsn <= through; i++) {
      OutstandingChunk c = outstanding.at(i);
      if (c.abandoned && c.message != OutstandingData.UNKNOWN) {
        int key = c.chunk.streamId() << 1 | (c.chunk.unordered() ? 1 : 0);
        highest.merge(key, c.chunk.messageId(), (a, b) -> SerialNumbers.lt32(a, b) ? b : a);
      }
    }
    if (through >= takeoverEnd && takeoverEnd >= 0) {
      for (IForwardTsnChunk.Entry e : takeoverSkips) {
        int key = e.streamId() << 1 | (e.unordered() ? 1 : 0);
        highest.merge(key, e.messageId(), (a, b) -> SerialNumbers.lt32(a, b) ? b : a);
      }
    }
    List<IForwardTsnChunk.Entry> entries = new ArrayList<>(highest.size());
    highest.forEach((key, mid) -> entries.add(new IForwardTsnChunk.Entry(key >>> 1, (key & 1) != 0, mid)));
    return entries;
  }

  /** The FORWARD-TSN {@link #forwardTsn()} gave went out. */
  void forwardTsnSent(long now) {
    lastForwardTsn = outstanding.advancedPeerAckPoint();
    lastForwardTsnAt = now;
    resendForwardTsn = false;
  }

  // ---- replication (docs/ha.md) ------------------------------------------------------------

  /**
   * After a THRESHOLD takeover (docs/ha.md): every FORWARD-TSN that reaches {@code end} (unwrapped)
   * also skips {@code skips}, the SSNs and MIDs the active may have used in the TSNs the standby
   * cannot know; once the peer acknowledged {@code end} they are dropped.
   */
  void skipOnTakeover(List<IForwardTsnChunk.Entry> skips, long end) {
    this.takeoverSkips = List.copyOf(skips);
    this.takeoverEnd = end;
  }

  /** The peer's cumulative TSN reached the end of the takeover's skip: its entries are done. */
  void takeoverAcknowledged() {
    if (takeoverEnd >= 0 && outstanding.cumulativeAckPoint() >= takeoverEnd) {
      takeoverSkips = List.of();
      takeoverEnd = -1;
    }
  }

  /** Puts back the abandoned counts of {@code stream} (a standby taking over). */
  void restoreCounts(int stream, long sent, long unsent) {
    countsNeeded();
    sentByStream[stream] = sent;
    unsentByStream[stream] = unsent;
  }

  /** Watches the lifetime of {@code m}, whose chunks a standby took over, as if just sent. */
  void watch(QueuedMessage m) {
    sent(m);
  }

  // ---- SCTP_PR_ASSOC_STATUS and SCTP_PR_STREAM_STATUS ----------------------------------------

  /** Messages abandoned after some of them was sent: on {@code stream}, or all when -1. */
  long abandonedSent(int stream) {
    return sum(sentByStream, stream);
  }

  /** Messages abandoned before anything of them was sent: on {@code stream}, or all when -1. */
  long abandonedUnsent(int stream) {
    return sum(unsentByStream, stream);
  }

  private static long sum(long[] counts, int stream) {
    if (counts == null) {
      return 0;
    }
    if (stream >= 0) {
      return stream < counts.length ? counts[stream] : 0;
    }
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total;
  }
}
