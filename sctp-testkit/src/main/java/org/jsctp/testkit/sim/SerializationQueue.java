package org.jsctp.testkit.sim;

import java.util.ArrayDeque;

/**
 * The transmit queue of a link with finite bandwidth: datagrams are serialized one after another
 * and a datagram that would overflow the byte limit is tail-dropped. Kept analytically (finish
 * times), so it needs no events of its own.
 */
final class SerializationQueue {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final ArrayDeque<long[]> backlog = new ArrayDeque<>();
  private long backlogBytes;
  private long busyUntil = Long.MIN_VALUE;

  /**
   * Admits {@code wireBytes} at {@code now} and answers when its last bit leaves the sender, or
   * {@code -1} when the queue has no room (bytes not yet fully serialized, the one on the wire
   * included, plus this datagram would exceed {@code limitBytes}).
   */
  long admit(long now, int wireBytes, long bitsPerSecond, long limitBytes) {
    while (!backlog.isEmpty() && backlog.peekFirst()[0] <= now) {
      backlogBytes -= backlog.pollFirst()[1];
    }
    if (backlogBytes + wireBytes > limitBytes) {
      return -1;
    }
    long start = Math.max(now, busyUntil);
    long finish = start + serializationNanos(wireBytes, bitsPerSecond);
    busyUntil = finish;
    backlog.addLast(new long[] {finish, wireBytes});
    backlogBytes += wireBytes;
    return finish;
  }

  /**
   * Time to clock {@code wireBytes} (at most 65535, as the MTU check guarantees) onto a link of
   * {@code bitsPerSecond}, rounded up to the nanosecond.
   */
  static long serializationNanos(int wireBytes, long bitsPerSecond) {
    long scaled = 8L * wireBytes * NANOS_PER_SECOND;
    return scaled / bitsPerSecond + (scaled % bitsPerSecond == 0 ? 0 : 1);
  }
}
