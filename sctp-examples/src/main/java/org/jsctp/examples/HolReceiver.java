package org.jsctp.examples;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.SctpChannel;

/**
 * The receiving side of the {@code hol} benchmark, event-driven as the echo client's reader: each
 * receive completes on the stack's event loop, where a small message is timed at once (its send
 * time travels in its first 8 bytes, its number in the next 8), and the next receive is posted.
 * Bulk bytes are counted while the measurement runs.
 */
final class HolReceiver {

  /** The stream of the small messages; the bulk goes on stream 0. */
  static final int PROBE_STREAM = 1;

  private final SctpChannel ch;
  private final long measureFrom;
  private final long measureTo;
  private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
  /** Latency in nanoseconds by probe number, -1 until it arrived. */
  private final AtomicLongArray latency;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong bulkBytes = new AtomicLong();
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  /**
   * @param probes how many small messages will be numbered at most
   * @param measureFrom {@link System#nanoTime()} at which bulk bytes start to count
   * @param measureTo the time at which they stop
   */
  HolReceiver(SctpChannel ch, int probes, long measureFrom, long measureTo) {
    this.ch = ch;
    this.latency = new AtomicLongArray(probes);
    for (int i = 0; i < probes; i++) {
      latency.set(i, -1);
    }
    this.measureFrom = measureFrom;
    this.measureTo = measureTo;
  }

  void start() {
    new ReceiveLoop(
            () -> {
              buf.clear();
              return ch.receiveAsync(buf, null, null);
            },
            this::handle,
            done::isDone)
        .run();
  }

  /** The latency of small message {@code seq} in nanoseconds, or -1 when it has not arrived. */
  long latency(int seq) {
    return latency.get(seq);
  }

  /** Small messages arrived so far. */
  long delivered() {
    return delivered.get();
  }

  long bulkBytes() {
    return bulkBytes.get();
  }

  /** Handles one receive; returns whether to go on. */
  private boolean handle(MessageInfo info, Throwable error) {
    long now = System.nanoTime();
    if (error != null || (info != null && info.bytes() < 0)) {
      done.complete(null);
      return false;
    }
    if (info == null) {
      return true;
    }
    if (info.streamNumber() == PROBE_STREAM && info.bytes() >= 16) {
      int seq = (int) buf.getLong(8);
      if (seq >= 0 && seq < latency.length() && latency.compareAndSet(seq, -1, now - buf.getLong(0))) {
        delivered.incrementAndGet();
      }
    } else if (now >= measureFrom && now < measureTo) {
      bulkBytes.addAndGet(info.bytes());
    }
    return true;
  }
}
