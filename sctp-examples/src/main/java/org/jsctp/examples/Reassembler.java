package org.jsctp.examples;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the pieces of messages that arrive in parts (larger than the receive buffer, or handed over
 * early by the stack's partial delivery), per association, so that the echo server sends each
 * message back whole. Pieces of one association never interleave with each other, so each
 * association (a key {@code K}, the server's {@code Association}) has at most one unfinished
 * message.
 *
 * <p>Bounded: a message may hold at most {@code maxMessage} bytes and all unfinished messages
 * together at most {@code budget}. A piece beyond either is refused and the association's pieces
 * are dropped at once; the caller ends the association. {@link #forget} drops what an association
 * that ended left unfinished. Thread-safe.
 */
final class Reassembler<K> {

  /** What became of a piece. */
  sealed interface Outcome permits Held, Whole, Refused {}

  /** The piece was kept; the message goes on. */
  record Held() implements Outcome {}

  /** The message is complete. */
  record Whole(ByteBuffer message) implements Outcome {}

  /** The piece went over a limit; the association's pieces were dropped. */
  record Refused(String reason) implements Outcome {}

  private static final Held HELD = new Held();

  private final int maxMessage;
  private final long budget;
  private final Map<K, Pieces> partial = new HashMap<>();
  private long held;

  /**
   * @param maxMessage the largest message, in bytes
   * @param budget the bytes all unfinished messages may hold together
   */
  Reassembler(int maxMessage, long budget) {
    if (maxMessage < 1 || budget < 1) {
      throw new IllegalArgumentException(
          "limits must be positive: maxMessage " + maxMessage + ", budget " + budget);
    }
    this.maxMessage = maxMessage;
    this.budget = budget;
  }

  /**
   * Adds a piece (its remaining bytes; copied when kept). A message in one piece comes back as it
   * is, without a copy.
   */
  synchronized Outcome add(K association, ByteBuffer piece, boolean complete) {
    Pieces p = partial.get(association);
    int n = piece.remaining();
    long size = (p == null ? 0 : p.size) + n;
    if (size > maxMessage) {
      forget(association);
      return new Refused("message larger than " + maxMessage + " bytes (--max-message)");
    }
    if (p == null && complete) {
      return new Whole(piece);
    }
    if (held + n > budget) {
      String reason =
          "unfinished messages hold "
              + held
              + " bytes; no room for "
              + n
              + " more (--reassembly-memory "
              + budget
              + ")";
      forget(association);
      return new Refused(reason);
    }
    if (p == null) {
      p = new Pieces();
      partial.put(association, p);
    }
    byte[] copy = new byte[n];
    piece.get(copy);
    p.add(copy);
    held += n;
    if (!complete) {
      return HELD;
    }
    partial.remove(association);
    held -= p.size;
    return new Whole(ByteBuffer.wrap(p.join()));
  }

  /** Drops the unfinished message of an association that ended (or is being ended). */
  synchronized void forget(K association) {
    Pieces p = partial.remove(association);
    if (p != null) {
      held -= p.size;
    }
  }

  /** Bytes held for unfinished messages, over every association. */
  synchronized long heldBytes() {
    return held;
  }

  /** The associations with an unfinished message. */
  synchronized int unfinished() {
    return partial.size();
  }

  /** The pieces of one unfinished message. */
  private static final class Pieces {
    private final List<byte[]> list = new ArrayList<>();
    private long size;

    void add(byte[] piece) {
      list.add(piece);
      size += piece.length;
    }

    byte[] join() {
      byte[] whole = new byte[(int) size];
      int at = 0;
      for (byte[] piece : list) {
        System.arraycopy(piece, 0, whole, at, piece.length);
        at += piece.length;
      }
      return whole;
    }
  }
}
