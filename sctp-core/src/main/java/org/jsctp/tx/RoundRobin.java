package org.jsctp.tx;

/**
 * The round-robin stream scheduler (RFC 8260 section 3.2): the streams with data take turns in
 * stream order, wrapping around. After a chunk of stream s, the next is the first stream after s
 * that has data, so a stream that sends again and again (the fragments of one message, which the
 * send queue keeps together without I-DATA) still hands over to the one after it: one message per
 * turn with DATA, one chunk per turn with I-DATA.
 *
 * <p>The streams with data are a {@link StreamBitmap}: every call costs a few word operations.
 */
final class RoundRobin extends ActiveStreamScheduler {

  private final StreamBitmap active = new StreamBitmap();
  /** The stream of the latest chunk, or -1: the turn goes to the first active stream after it. */
  private int last = -1;

  @Override
  void activated(int stream) {
    active.add(stream);
  }

  @Override
  void deactivated(int stream) {
    active.remove(stream);
  }

  @Override
  void deactivatedAll() {
    active.clear();
    last = -1;
  }

  @Override
  public int next() {
    int after = active.nextAtOrAfter(last + 1);
    return after >= 0 ? after : active.nextAtOrAfter(0);
  }

  @Override
  public void sent(int stream, int bytes) {
    last = stream;
  }

  /** The stream of the latest chunk, or -1. */
  int last() {
    return last;
  }

  /** Whether {@code stream} has data. */
  boolean isActive(int stream) {
    return stream >= 0 && active.contains(stream);
  }
}
