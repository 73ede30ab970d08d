package org.jsctp.tx;

/**
 * A scheduler that orders only the streams with data: it counts the messages of each stream and
 * learns when a stream gets its first message ({@link #activated}) and loses its last ({@link
 * #deactivated}), so that its own structure holds the active streams alone.
 */
abstract sealed class ActiveStreamScheduler implements StreamScheduler
    permits RoundRobin, PriorityScheduler, FairQueueing {

  /** Messages queued per stream. */
  private final StreamInts queued = new StreamInts();

  /** {@code stream} got a message after having none. */
  abstract void activated(int stream);

  /** {@code stream} lost its last message. */
  abstract void deactivated(int stream);

  /** Every stream lost its messages at once. */
  abstract void deactivatedAll();

  @Override
  public final void enqueued(int stream) {
    int n = queued.get(stream);
    queued.set(stream, n + 1);
    if (n == 0) {
      activated(stream);
    }
  }

  @Override
  public final void dequeued(int stream) {
    int n = queued.get(stream);
    if (n == 0) {
      throw new IllegalStateException("no message is queued on stream " + stream);
    }
    queued.set(stream, n - 1);
    if (n == 1) {
      deactivated(stream);
    }
  }

  @Override
  public final void removed(int stream, int index) {
    dequeued(stream);
  }

  @Override
  public final void clear() {
    queued.clear();
    deactivatedAll();
  }
}
