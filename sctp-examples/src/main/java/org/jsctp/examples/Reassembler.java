package org.jsctp.examples;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Joins the pieces of messages that arrive in parts (larger than the receive buffer, or handed over
 * early by the stack's partial delivery), so that each message is handled whole. Pieces of one
 * message never interleave with another message of the same key {@code K}: the association (with
 * SCTP_FRAGMENT_INTERLEAVE 1), or its stream and kind as well ({@link MessageKey}, needed with
 * level 2 and I-DATA). So each key has at most one unfinished message.
 *
 * <p>Bounded: a message may hold at most {@code maxMessage} bytes and all unfinished messages
 * together at most {@code budget}. A piece beyond either is refused and the key's pieces are
 * dropped at once; the caller ends the association. {@link #forget} and {@link #forgetIf} drop
 * what a message or an association that ended left unfinished. Thread-safe.
 */
final class Reassembler<K> {

  /** What became of a piece. */
  sealed interface Outcome permits Held, Whole, Refused {}

  /** The piece was kept; the message goes on. */
  record Held() implements Outcome {}

  /** The message is complete. */
  record Whole(ByteBuffer message) implements Outcome {}

  /** The piece went over a limit; the pieces of its key were dropped. */
  record Refused(String reason) implements Outcome {}

  private static final Held HELD = new Held();

  private final int maxMessage;
  private final long budget;
  private final Map<K, Pieces> partial = new HashMap<>();
  private long held;
  private int peakUnfinished;

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
  synchronized Outcome add(K key, ByteBuffer piece, boolean complete) {
    Pieces p = partial.get(key);
    int n = piece.remaining();
    long size = (p == null ? 0 : p.size) + n;
    if (size > maxMessage) {
      forget(key);
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
      forget(key);
      return new Refused(reason);
    }
    if (p == null) {
      p = new Pieces();
      partial.put(key, p);
      peakUnfinished = Math.max(peakUnfinished, partial.size());
    }
    byte[] copy = new byte[n];
    piece.get(copy);
    p.add(copy);
    held += n;
    if (!complete) {
      return HELD;
    }
    partial.remove(key);
    held -= p.size;
    return new Whole(ByteBuffer.wrap(p.join()));
  }

  /** Drops the unfinished message of {@code key}: it ended, or its association is being ended. */
  synchronized void forget(K key) {
    Pieces p = partial.remove(key);
    if (p != null) {
      held -= p.size;
    }
  }

  /** Drops the unfinished messages of the keys {@code which} selects (all of an association). */
  synchronized void forgetIf(Predicate<K> which) {
    for (Iterator<Map.Entry<K, Pieces>> it = partial.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<K, Pieces> e = it.next();
      if (which.test(e.getKey())) {
        held -= e.getValue().size;
        it.remove();
      }
    }
  }

  /** Bytes held for unfinished messages, over every key. */
  synchronized long heldBytes() {
    return held;
  }

  /** The keys with an unfinished message. */
  synchronized int unfinished() {
    return partial.size();
  }

  /** The most keys that had an unfinished message at once. */
  synchronized int peakUnfinished() {
    return peakUnfinished;
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
