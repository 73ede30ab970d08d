package org.jsctp.rx;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import org.jsctp.wire.UserDataChunk;

/**
 * A reset of incoming streams that waits for the cumulative TSN to reach the peer's last TSN
 * before it (RFC 6525 section 5.2.2 E2, "deferred reset processing"): the data of those streams
 * with later TSNs is held here, acknowledged but not delivered, until the reset is done. What is
 * held counts in the receive window, so it is bounded by the receive buffer.
 */
final class DeferredStreamReset {

  /** A chunk held until the reset. */
  record Held(long tsn, UserDataChunk chunk, InetAddress source) {}

  final long lastAssignedTsn;
  final List<Integer> streams;
  private final BitSet affected;
  private final List<Held> held = new ArrayList<>();
  private long bytes;

  /** @param streams the streams; empty means all */
  DeferredStreamReset(long lastAssignedTsn, List<Integer> streams) {
    this.lastAssignedTsn = lastAssignedTsn;
    this.streams = List.copyOf(streams);
    if (streams.isEmpty()) {
      this.affected = null;
    } else {
      this.affected = new BitSet();
      for (int s : streams) {
        affected.set(s);
      }
    }
  }

  /** Whether a chunk of {@code stream} with unwrapped TSN {@code tsn} must wait for the reset. */
  boolean holds(long tsn, int stream) {
    return tsn > lastAssignedTsn && (affected == null || affected.get(stream));
  }

  void hold(long tsn, UserDataChunk chunk, InetAddress source) {
    held.add(new Held(tsn, chunk, source));
    bytes += chunk.userData().length();
  }

  /** The held chunks, as held. */
  List<Held> held() {
    return held;
  }

  /** The held chunks in TSN order. */
  List<Held> release() {
    held.sort(Comparator.comparingLong(Held::tsn));
    return held;
  }

  long bytes() {
    return bytes;
  }
}
