package org.jsctp.examples;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the echo client sent and got back: which messages are outstanding, which echo matched, and
 * the longest time without an echo while messages were outstanding.
 */
final class EchoStats {

  private final int size;
  private final boolean unordered;
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
    this.size = size;
    this.unordered = unordered;
    this.sentAt = latency ? new HashMap<>() : null;
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
    if (!outstanding.remove(seq)) {
      return;
    }
    ArrayDeque<Long> q = perStream.get(stream);
    if (q != null) {
      q.remove(seq);
    }
    if (sentAt != null) {
      sentAt.remove(seq);
    }
    sent--;
  }

  /**
   * Takes back the message the stack handed back unsent (a SEND_FAILED notification with data
   * that never left): the newest outstanding message of {@code stream} with exactly this content.
   * Returns whether one was found; part of a message (the rest of one partly sent) is not.
   */
  synchronized boolean unsent(byte[] data, int length, int stream) {
    long seq = Payload.sequence(data, length);
    if (seq >= 0) {
      if (outstanding.contains(seq) && Payload.matches(data, length, seq, size)) {
        unsent(seq, stream);
        return true;
      }
      return false;
    }
    ArrayDeque<Long> q = perStream.get(stream);
    if (q != null) {
      for (java.util.Iterator<Long> it = q.descendingIterator(); it.hasNext(); ) {
        long candidate = it.next();
        if (Payload.matches(data, length, candidate, size)) {
          unsent(candidate, stream);
          return true;
        }
      }
    }
    return false;
  }

  /** Checks one echoed message; returns whether it matched. */
  synchronized boolean echoed(byte[] data, int length, int stream, long now) {
    if (!outstanding.isEmpty()) {
      maxGap = Math.max(maxGap, now - mark);
    }
    mark = now;
    lastEcho = now;
    echoed++;
    long seq = identify(data, length, stream);
    boolean ok = seq >= 0 && outstanding.remove(seq) && Payload.matches(data, length, seq, size);
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
    return ok;
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
    long[] sorted = java.util.Arrays.copyOf(samples, sampleCount);
    java.util.Arrays.sort(sorted);
    return String.format(
        java.util.Locale.ROOT,
        "LATENCY samples=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d",
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
            + " max_gap_ms=%d",
        sent,
        echoed,
        mismatched,
        bytes,
        seconds,
        rate,
        gap / 1_000_000);
  }
}
