package org.jsctp.tx;

/**
 * The DATA chunks sent and not yet cumulatively acknowledged, indexed by unwrapped TSN. TSNs are
 * consecutive from the cumulative TSN ack point + 1, so this is a ring buffer with O(1) lookup.
 */
final class OutstandingData {

  private OutstandingChunk[] ring = new OutstandingChunk[16];
  private int head;
  private int size;
  private long firstTsn;

  OutstandingData(long firstTsn) {
    this.firstTsn = firstTsn;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Unwrapped TSN of the oldest chunk (valid when not empty; otherwise the next TSN). */
  long firstTsn() {
    return firstTsn;
  }

  void add(OutstandingChunk chunk) {
    if (chunk.tsn != firstTsn + size) {
      throw new IllegalStateException("TSN " + chunk.tsn + " is not next after " + (firstTsn + size - 1));
    }
    if (size == ring.length) {
      OutstandingChunk[] bigger = new OutstandingChunk[ring.length * 2];
      for (int i = 0; i < size; i++) {
        bigger[i] = ring[(head + i) & (ring.length - 1)];
      }
      ring = bigger;
      head = 0;
    }
    ring[(head + size) & (ring.length - 1)] = chunk;
    size++;
  }

  /** The chunk at position {@code i} from the oldest. */
  OutstandingChunk at(int i) {
    return ring[(head + i) & (ring.length - 1)];
  }

  /** The chunk with unwrapped TSN {@code tsn}, or null. */
  OutstandingChunk get(long tsn) {
    long i = tsn - firstTsn;
    if (i < 0 || i >= size) {
      return null;
    }
    return at((int) i);
  }

  /** Removes and returns the oldest chunk. */
  OutstandingChunk removeFirst() {
    OutstandingChunk c = ring[head];
    ring[head] = null;
    head = (head + 1) & (ring.length - 1);
    size--;
    firstTsn++;
    return c;
  }

  /** Releases the buffer when it grew large and emptied again. */
  void trim() {
    if (size == 0 && ring.length > 256) {
      ring = new OutstandingChunk[16];
      head = 0;
    }
  }
}
