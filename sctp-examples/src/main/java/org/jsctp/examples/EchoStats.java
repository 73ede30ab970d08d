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
  private long sent;
  private long echoed;
  private long mismatched;
  private long bytes;
  private long firstSend;
  private long lastEcho;
  private long mark;
  private long maxGap;

  EchoStats(int size, boolean unordered) {
    this.size = size;
    this.unordered = unordered;
  }

  synchronized void sent(long seq, int stream, long now) {
    if (sent == 0) {
      firstSend = now;
    }
    if (outstanding.isEmpty()) {
      mark = now;
    }
    outstanding.add(seq);
    perStream.computeIfAbsent(stream, s -> new ArrayDeque<>()).addLast(seq);
    sent++;
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
