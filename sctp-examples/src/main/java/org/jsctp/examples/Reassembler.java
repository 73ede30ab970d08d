package org.jsctp.examples;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.jsctp.netty.Association;

/**
 * Joins the pieces of messages larger than the receive buffer, per association, so that the echo
 * server sends each message back whole. Bounded: one message under construction per association (a
 * one-to-many channel returns the pieces of one message together), at most {@code limit} bytes.
 */
final class Reassembler {

  private final int limit;
  private final Map<Association, ByteArrayOutputStream> partial = new HashMap<>();

  Reassembler(int limit) {
    this.limit = limit;
  }

  /**
   * Adds a piece; returns the whole message when {@code complete}, else null. A message beyond the
   * limit is dropped (and null returned) until its last piece.
   */
  synchronized ByteBuffer add(Association association, ByteBuffer piece, boolean complete) {
    ByteArrayOutputStream held = partial.get(association);
    if (held == null) {
      if (complete) {
        return piece;
      }
      held = new ByteArrayOutputStream();
      partial.put(association, held);
    }
    if (held.size() + piece.remaining() <= limit) {
      held.write(piece.array(), piece.arrayOffset() + piece.position(), piece.remaining());
    }
    if (!complete) {
      return null;
    }
    partial.remove(association);
    return ByteBuffer.wrap(held.toByteArray());
  }

  /** Bytes held for unfinished messages, over every association. */
  synchronized long heldBytes() {
    long sum = 0;
    for (ByteArrayOutputStream held : partial.values()) {
      sum += held.size();
    }
    return sum;
  }

  /** The associations with an unfinished message. */
  synchronized int unfinished() {
    return partial.size();
  }
}
