package org.jsctp.tx;

import java.util.Arrays;

/**
 * The streams with data as a binary min-heap, for the priority and fair schedulers: each stream
 * has a rank (compared first, as a number) and an order (compared next, in serial arithmetic, so
 * that it may wrap around as long as the orders present are less than 2^63 apart), and the stream
 * number breaks ties. Adding, removing and re-keying a stream cost O(log n) in the streams
 * present; the arrays grow with the streams present and the position index with the highest
 * stream added, and nothing is allocated once they have grown.
 */
final class StreamHeap {

  private int[] streams = new int[8];
  private int[] ranks = new int[8];
  private long[] orders = new long[8];
  private int size;
  /** Each present stream's position in the heap, plus one; 0 when absent. */
  private final StreamInts positions = new StreamInts();

  boolean contains(int stream) {
    return positions.get(stream) > 0;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The stream with the least (rank, order, stream), or -1 when the heap is empty. */
  int peek() {
    return size == 0 ? -1 : streams[0];
  }

  int rank(int stream) {
    return ranks[position(stream)];
  }

  long order(int stream) {
    return orders[position(stream)];
  }

  void add(int stream, int rank, long order) {
    if (contains(stream)) {
      throw new IllegalStateException("stream " + stream + " is already scheduled");
    }
    if (size == streams.length) {
      streams = Arrays.copyOf(streams, size * 2);
      ranks = Arrays.copyOf(ranks, size * 2);
      orders = Arrays.copyOf(orders, size * 2);
    }
    place(size, stream, rank, order);
    size++;
    siftUp(size - 1);
  }

  /** Gives a present stream a new rank and order. */
  void update(int stream, int rank, long order) {
    int i = position(stream);
    ranks[i] = rank;
    orders[i] = order;
    siftDown(siftUp(i));
  }

  void remove(int stream) {
    int i = position(stream);
    positions.set(stream, 0);
    size--;
    if (i == size) {
      return;
    }
    place(i, streams[size], ranks[size], orders[size]);
    siftDown(siftUp(i));
  }

  void clear() {
    for (int i = 0; i < size; i++) {
      positions.set(streams[i], 0);
    }
    size = 0;
  }

  private int position(int stream) {
    int p = positions.get(stream) - 1;
    if (p < 0) {
      throw new IllegalStateException("stream " + stream + " is not scheduled");
    }
    return p;
  }

  private void place(int i, int stream, int rank, long order) {
    streams[i] = stream;
    ranks[i] = rank;
    orders[i] = order;
    positions.set(stream, i + 1);
  }

  private boolean less(int i, int j) {
    if (ranks[i] != ranks[j]) {
      return ranks[i] < ranks[j];
    }
    long d = orders[i] - orders[j];
    return d != 0 ? d < 0 : streams[i] < streams[j];
  }

  private int siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(i, parent)) {
        break;
      }
      swap(i, parent);
      i = parent;
    }
    return i;
  }

  private void siftDown(int i) {
    while (true) {
      int least = i;
      int left = 2 * i + 1;
      if (left < size && less(left, least)) {
        least = left;
      }
      if (left + 1 < size && less(left + 1, least)) {
        least = left + 1;
      }
      if (least == i) {
        return;
      }
      swap(i, least);
      i = least;
    }
  }

  private void swap(int i, int j) {
    int s = streams[i];
    int r = ranks[i];
    long o = orders[i];
    place(i, streams[j], ranks[j], orders[j]);
    place(j, s, r, o);
  }
}
