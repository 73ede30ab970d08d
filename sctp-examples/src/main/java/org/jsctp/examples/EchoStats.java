package org.jsctp.examples;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the echo client sent and got back: which messages are outstanding, which echo matched, which
 * message PR-SCTP abandoned, and the longest time without an echo while messages were outstanding.
 */
final class EchoStats {

  /** What an echo was. */
  enum Echo {
    /** An outstanding message came back intact; its place in the window is free. */
    INTACT,
    /**
     * A message abandoned after it went came back intact all the same; its place in the window was
     * freed when the stack handed it back.
     */
    LATE,
    /** Not a message that was sent, or not intact: counted as a mismatch. */
    MISMATCHED
  }

  /** How many abandoned messages are remembered, so that a late echo of one is recognized. */
  static final int ABANDONED_REMEMBERED = 4096;

  private final int size;
  private final boolean unordered;
  /** Whether sends carry a PR-SCTP policy: messages handed back were abandoned, not lost. */
  private final boolean countAbandoned;
  /** The latest abandoned messages, whose echo may still come (the peer may have them). */
  private final Set<Long> abandonedSeqs = new LinkedHashSet<>();
  private final Set<Long> outstanding = new LinkedHashSet<>();
  private final Map<Integer, ArrayDeque<Long>> perStream = new HashMap<>();
  /** Send times of outstanding messages by sequence number; null without latency samples. */
  private final Map<Long, Long> sentAt;
  /** Round-trip times in nanoseconds of the messages echoed intact, when measured. */
  private long[] samples = new long[0];
  private int sampleCount;
  private long sent;
  private long echoed;
  private long mismatched;
  private long abandoned;
  private long bytes;
  private long firstSend;
  private long lastEcho;
  private long mark;
  private long maxGap;

  EchoStats(int size, boolean unordered) {
    this(size, unordered, false);
  }

  /** With {@code latency}, keeps the round-trip time of every message echoed intact. */
  EchoStats(int size, boolean unordered, boolean latency) {
    this(size, unordered, latency, false);
  }

  /**
   * With {@code countAbandoned} (sends carry a PR-SCTP policy), a message the stack hands back is
   * counted as abandoned, and the RESULT line says how many were.
   */
  EchoStats(int size, boolean unordered, boolean latency, boolean countAbandoned) {
    this.size = size;
    this.unordered = unordered;
    this.sentAt = latency ? new HashMap<>() : null;
    this.countAbandoned = countAbandoned;
  }

  synchronized void sent(long seq, int stream, long now) {
    if (sent == 0) {
      firstSend = now;
    }
    if (outstanding.isEmpty()) {
      mark = now;
    }
    outstanding.add(seq);
    if (sentAt != null) {
      sentAt.put(seq, now);
    }
    perStream.computeIfAbsent(stream, s -> new ArrayDeque<>()).addLast(seq);
    sent++;
  }

  /**
   * Takes back message {@code seq}, counted by {@link #sent} just before its send call: the send
   * failed, so the message never went.
   */
  synchronized void unsent(long seq, int stream) {
    if (!outstanding.contains(seq)) {
      return;
    }
    forgetOutstanding(seq, stream);
    sent--;
  }

  /**
   * Takes back the message the stack handed back unsent (a SEND_FAILED notification with data
   * that never left): the newest outstanding message of {@code stream} with exactly this content.
   * Returns whether one was found; part of a message (the rest of one partly sent) is not.
   */
  synchronized boolean unsent(byte[] data, int length, int stream) {
    long seq = find(data, length, stream);
    if (seq < 0) {
      return false;
    }
    unsent(seq, stream);
    return true;
  }

  /**
   * A message the stack handed back in a SEND_FAILED notification ({@code dataSent}: after some of
   * it went out). With a PR-SCTP policy it was abandoned: it is counted as such and no longer
   * awaited, and an echo of it that comes all the same still counts as echoed. Without one, a
   * message that never left is taken back from the sent count, as {@link #unsent(byte[], int,
   * int)}. Returns whether an outstanding message was found, whose window slot is free now.
   */
  synchronized boolean handedBack(byte[] data, int length, int stream, boolean dataSent) {
    if (!countAbandoned) {
      return !dataSent && unsent(data, length, stream);
    }
    long seq = find(data, length, stream);
    if (seq < 0) {
      return false;
    }
    forgetOutstanding(seq, stream);
    abandoned++;
    abandonedSeqs.add(seq);
    if (abandonedSeqs.size() > ABANDONED_REMEMBERED) {
      Iterator<Long> oldest = abandonedSeqs.iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  /** The outstanding message of {@code stream} whose content {@code data} is exactly, or -1. */
  private long find(byte[] data, int length, int stream) {
    long seq = Payload.sequence(data, length);
    if (seq >= 0) {
      return outstanding.contains(seq) && Payload.matches(data, length, seq, size) ? seq : -1;
    }
    ArrayDeque<Long> q = perStream.get(stream);
    if (q != null) {
      for (Iterator<Long> it = q.descendingIterator(); it.hasNext(); ) {
        long candidate = it.next();
        if (Payload.matches(data, length, candidate, size)) {
          return candidate;
        }
      }
    }
    return -1;
  }

  private void forgetOutstanding(long seq, int stream) {
    outstanding.remove(seq);
    ArrayDeque<Long> q = perStream.get(stream);
    if (q != null) {
      q.remove(seq);
    }
    if (sentAt != null) {
      sentAt.remove(seq);
    }
  }

  /** An echo longer than the messages sent was dropped unread: a mismatch. */
  synchronized void oversized(long now) {
    mark = now;
    lastEcho = now;
    echoed++;
    mismatched++;
  }

  /** Whether messages handed back are counted as abandoned (sends carry a PR-SCTP policy). */
  boolean countsAbandoned() {
    return countAbandoned;
  }

  /** Checks one echoed message. */
  synchronized Echo echoed(byte[] data, int length, int stream, long now) {
    if (!outstanding.isEmpty()) {
      maxGap = Math.max(maxGap, now - mark);
    }
    mark = now;
    lastEcho = now;
    echoed++;
    long seq = identify(data, length, stream);
    boolean awaited = seq >= 0 && outstanding.contains(seq) && Payload.matches(data, length, seq, size);
    if (!awaited && lateEchoOfAbandoned(data, length, seq)) {
      return Echo.LATE;
    }
    boolean ok = seq >= 0 && outstanding.remove(seq) && awaited;
    if (seq >= 0) {
      ArrayDeque<Long> q = perStream.get(stream);
      if (q != null) {
        q.remove(seq);
      }
    }
    Long at = sentAt == null || seq < 0 ? null : sentAt.remove(seq);
    if (ok && at != null) {
      if (sampleCount == samples.length) {
        samples = java.util.Arrays.copyOf(samples, Math.max(1024, samples.length * 2));
      }
      samples[sampleCount++] = now - at;
    }
    if (ok) {
      bytes += length;
    } else {
      mismatched++;
    }
    return ok ? Echo.INTACT : Echo.MISMATCHED;
  }

  /**
   * Whether the echo is one of a message abandoned after it went out: then it is counted as
   * echoed, and as abandoned no more. {@code seq} is what {@link #identify} found, or -1.
   */
  private boolean lateEchoOfAbandoned(byte[] data, int length, long seq) {
    long match = -1;
    if (seq >= 0 && Payload.sequence(data, length) >= 0) {
      match = abandonedSeqs.contains(seq) && Payload.matches(data, length, seq, size) ? seq : -1;
    } else {
      for (long candidate : abandonedSeqs) {
        if (Payload.matches(data, length, candidate, size)) {
          match = candidate;
          break;
        }
      }
    }
    if (match < 0) {
      return false;
    }
    abandonedSeqs.remove(match);
    abandoned--;
    bytes += length;
    return true;
  }

  /**
   * The sequence number of an echo: carried in it, or the next one of its stream, or by content.
   */
  private long identify(byte[] data, int length, int stream) {
    long seq = Payload.sequence(data, length);
    if (seq >= 0) {
      return seq;
    }
    ArrayDeque<Long> q = perStream.get(stream);
    if (!unordered) {
      return q == null || q.isEmpty() ? -1 : q.peekFirst();
    }
    if (q != null) {
      for (long candidate : q) {
        if (Payload.matches(data, length, candidate, size)) {
          return candidate;
        }
      }
    }
    return -1;
  }

  synchronized long sent() {
    return sent;
  }

  synchronized long echoed() {
    return echoed;
  }

  synchronized long mismatched() {
    return mismatched;
  }

  synchronized long abandoned() {
    return abandoned;
  }

  /** Whether every message sent came back intact or was abandoned by PR-SCTP. */
  synchronized boolean allAccountedFor() {
    return echoed + abandoned == sent && mismatched == 0;
  }

  synchronized int outstanding() {
    return outstanding.size();
  }

  synchronized long lastProgress() {
    return Math.max(lastEcho, firstSend);
  }

  /**
   * The latency line, {@code LATENCY samples=N p50_us=X p90_us=Y p99_us=Z max_us=W}: round-trip
   * times (send call to complete echo read) of the messages echoed intact, nearest-rank
   * percentiles in microseconds (all 0 without samples).
   */
  synchronized String latencyLine() {
    return latencyLine("LATENCY", 0);
  }

  /**
   * The same for the later half of the samples, in the order the echoes came ({@code
   * LATENCY_SECOND_HALF samples=N ...}): the run without its first half, where a fresh JVM warms
   * up.
   */
  synchronized String secondHalfLatencyLine() {
    return latencyLine("LATENCY_SECOND_HALF", sampleCount / 2);
  }

  private String latencyLine(String tag, int from) {
    long[] sorted = java.util.Arrays.copyOfRange(samples, from, sampleCount);
    java.util.Arrays.sort(sorted);
    return String.format(
        java.util.Locale.ROOT,
        "%s samples=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d",
        tag,
        sorted.length,
        percentile(sorted, 50) / 1000,
        percentile(sorted, 90) / 1000,
        percentile(sorted, 99) / 1000,
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000);
  }

  /** Nearest rank: the smallest sample with at least p percent of the samples at or below it. */
  static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** The closing line; {@code end} closes a gap still open. */
  synchronized String result(long end) {
    long gap = maxGap;
    if (!outstanding.isEmpty()) {
      gap = Math.max(gap, end - mark);
    }
    long last = echoed > 0 ? lastEcho : end;
    double seconds = sent == 0 ? 0 : Math.max(1e-9, (last - firstSend) / 1e9);
    double rate = seconds == 0 ? 0 : (echoed - mismatched) / seconds;
    return String.format(
        java.util.Locale.ROOT,
        "RESULT sent=%d echoed=%d mismatched=%d bytes=%d seconds=%.3f msgs_per_s=%.1f"
            + " max_gap_ms=%d%s",
        sent,
        echoed,
        mismatched,
        bytes,
        seconds,
        rate,
        gap / 1_000_000,
        countAbandoned ? " abandoned=" + abandoned : "");
  }
}
