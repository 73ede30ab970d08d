package org.jsctp.tx;

/**
 * The priority stream scheduler (RFC 8260 section 3.4): strict priority by each stream's value,
 * the lowest first (0, the default, is the highest priority), so that a stream of higher priority
 * that gets data goes next: at once with I-DATA, after the message under way with DATA. Streams of
 * equal value take turns: a stream that sent a chunk goes behind the others of its value, and a
 * stream that gets data after being empty joins its value's turn last.
 *
 * <p>The streams with data are a {@link StreamHeap} ranked by value and ordered by turn: every call
 * costs O(log n) in the streams with data.
 */
final class PriorityScheduler extends ActiveStreamScheduler {

  private final StreamInts priorities = new StreamInts();
  private final StreamHeap active = new StreamHeap();
  /** Hands out the turns; compared in serial arithmetic, so it may wrap. */
  private long turn;

  @Override
  void activated(int stream) {
    active.add(stream, priorities.get(stream), ++turn);
  }

  @Override
  void deactivated(int stream) {
    active.remove(stream);
  }

  @Override
  void deactivatedAll() {
    active.clear();
  }

  @Override
  public int next() {
    return active.peek();
  }

  @Override
  public void sent(int stream, int bytes) {
    if (active.contains(stream)) {
      active.update(stream, active.rank(stream), ++turn);
    }
  }

  @Override
  public void setValue(int stream, int value) {
    priorities.set(stream, value);
    if (active.contains(stream)) {
      active.update(stream, value, active.order(stream));
    }
  }

  @Override
  public int value(int stream) {
    return priorities.get(stream);
  }
}
