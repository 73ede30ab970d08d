package org.jsctp.association;

import java.util.ArrayDeque;
import java.util.Iterator;
import org.jsctp.wire.Chunk;

/**
 * Control chunks waiting to be sent, each with its destination and the verification tag its
 * packet must carry. Chunks for the same destination and tag are bundled in queue order.
 */
final class ControlQueue {

  /** A queued control chunk. */
  record Entry(Chunk chunk, Destination destination, int verificationTag) {}

  /** Room for one at first (it grows): an idle association rarely has more queued. */
  private final ArrayDeque<Entry> entries = new ArrayDeque<>(1);

  void add(Chunk chunk, Destination destination, int verificationTag) {
    entries.addLast(new Entry(chunk, destination, verificationTag));
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  Entry peek() {
    return entries.peekFirst();
  }

  Iterator<Entry> iterator() {
    return entries.iterator();
  }

  void clear() {
    entries.clear();
  }

  /** Whether a chunk of this class is queued. */
  boolean contains(Class<? extends Chunk> type) {
    for (Entry e : entries) {
      if (type.isInstance(e.chunk())) {
        return true;
      }
    }
    return false;
  }

  /** Removes queued chunks of this class (a newer one replaces them). */
  void removeAll(Class<? extends Chunk> type) {
    entries.removeIf(e -> type.isInstance(e.chunk()));
  }
}
