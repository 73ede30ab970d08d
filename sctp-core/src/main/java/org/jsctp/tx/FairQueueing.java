package org.jsctp.tx;

/**
 * Start-time fair queueing (Goyal, Vin and Cheng, SIGCOMM 1996) over the streams with data: the
 * mechanism of the fair bandwidth and weighted fair queueing schedulers (RFC 8260 sections 3.5 and
 * 3.6). Each stream with data carries a virtual start tag and the least tag goes next; a chunk of
 * b bytes of user data moves its stream's tag on by b / weight. The virtual time is the greatest
 * start tag served so far. A stream that gets data after being empty starts at the virtual time:
 * it gets no credit for the time it had nothing to send, and since it was at most one chunk ahead
 * when it ran dry it gains at most that chunk. While streams stay backlogged, the bytes each sends
 * stay within about one chunk (one message without I-DATA) of its weighted share.
 *
 * <p>Tags count 1/720720 of a byte, so that every weight that divides 720720 (all up to 16, and
 * many more) moves them exactly. The tags of the streams with data lie within one message's charge
 * of each other, far below 2^63, so they are compared in serial arithmetic and may wrap. Every
 * call costs O(log n) in the streams with data ({@link StreamHeap}).
 */
abstract sealed class FairQueueing extends ActiveStreamScheduler
    permits FairBandwidth, WeightedFairQueueing {

  /** The least common multiple of 1..16. */
  static final long TAG_UNITS_PER_BYTE = 720_720;

  private final StreamHeap active = new StreamHeap();
  private long virtualTime;

  /** The weight of {@code stream}, at least 1. */
  abstract int weight(int stream);

  @Override
  final void activated(int stream) {
    active.add(stream, 0, virtualTime);
  }

  @Override
  final void deactivated(int stream) {
    active.remove(stream);
  }

  @Override
  final void deactivatedAll() {
    active.clear();
  }

  @Override
  public final int next() {
    return active.peek();
  }

  @Override
  public final void sent(int stream, int bytes) {
    if (!active.contains(stream)) {
      return;
    }
    long start = active.order(stream);
    if (start - virtualTime > 0) {
      virtualTime = start;
    }
    active.update(stream, 0, start + bytes * TAG_UNITS_PER_BYTE / weight(stream));
  }
}
