package org.jsctp.tx;

/**
 * The first-come-first-served stream scheduler (RFC 8260 section 3.1): messages leave in the
 * order they were queued, whatever their stream. It keeps the stream of every queued message in
 * arrival order, in a ring of ints.
 */
final class FirstComeFirstServed implements StreamScheduler {

  /** A power of two; small at first, as most associations queue little. */
  private int[] ring = new int[2];
  private int head;
  private int size;

  @Override
  public void enqueued(int stream) {
    if (size == ring.length) {
      int[] bigger = new int[ring.length * 2];
      for (int i = 0; i < size; i++) {
        bigger[i] = ring[(head + i) & (ring.length - 1)];
      }
      ring = bigger;
      head = 0;
    }
    ring[(head + size) & (ring.length - 1)] = stream;
    size++;
  }

  @Override
  public void dequeued(int stream) {
    if (size > 0 && ring[head] != stream) {
      // Another scheduler started this stream's message out of arrival order.
      removed(stream, 0);
      return;
    }
    if (size == 0) {
      throw new IllegalStateException("no message is queued on stream " + stream);
    }
    head = (head + 1) & (ring.length - 1);
    size--;
  }

  @Override
  public void removed(int stream, int index) {
    int seen = 0;
    for (int i = 0; i < size; i++) {
      if (ring[(head + i) & (ring.length - 1)] != stream || seen++ != index) {
        continue;
      }
      for (int j = i; j < size - 1; j++) {
        ring[(head + j) & (ring.length - 1)] = ring[(head + j + 1) & (ring.length - 1)];
      }
      size--;
      return;
    }
    throw new IllegalStateException("stream " + stream + " has no message " + index);
  }

  @Override
  public int next() {
    return size == 0 ? -1 : ring[head];
  }

  @Override
  public void clear() {
    head = 0;
    size = 0;
    if (ring.length > 256) {
      ring = new int[16];
    }
  }
}
