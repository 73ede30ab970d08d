package org.jsctp.interop;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The chaos client's account of every message it sent: in flight until its echo comes back or its
 * association ends, then exactly one outcome.
 *
 * <ul>
 *   <li><b>echoed</b>: came back once, whole, on its stream, with its ordering flag, on the
 *       association that sent it, and in order among the ordered messages of its stream;
 *   <li><b>returned</b>: its association ended and the stack handed (part of) its data back in a
 *       SendFailedNotification, every returned piece a true piece of the message;
 *   <li><b>unanswered</b>: its association ended with a notification (COMM_LOST, SHUTDOWN) and
 *       neither an echo nor returned data came: the peer acknowledged it (a graceful shutdown
 *       delivers everything sent; after an abort the stack returns what was not acknowledged), and
 *       its echo died with the association.
 * </ul>
 *
 * Anything else is a violation: a second echo, an echo of a message never sent, an echo that
 * differs, an echo on another stream or association or out of order, an echo of a message whose
 * data was returned as never sent, returned data that is not part of the message it names, and
 * messages of an association that ended without any notification. Memory: the messages in flight
 * (at most the window) and three bits per message sent.
 *
 * <p>Thread-safe: the sending thread registers, the receiving thread reports echoes, returned data
 * and the end of the association.
 */
final class MessageLedger {

  private static final int PRINTED_VIOLATIONS = 20;
  private static final int PROGRESS_EVERY = 100;

  /** What happened to the messages of one association. */
  static final class Tally {
    final int association;
    long sent;
    long echoed;
    long returned;
    long unanswered;

    Tally(int association) {
      this.association = association;
    }

    @Override
    public String toString() {
      return "sent="
          + sent
          + " echoed="
          + echoed
          + " returned="
          + returned
          + " unanswered="
          + unanswered;
    }
  }

  private static final class Entry {
    final int association;
    final int stream;
    final boolean unordered;
    boolean returnedSent;
    boolean returnedUnsent;

    Entry(int association, int stream, boolean unordered) {
      this.association = association;
      this.stream = stream;
      this.unordered = unordered;
    }
  }

  private final ChaosPayload payload;
  private final int window;
  private final Consumer<String> out;
  private final Map<Long, Entry> inFlight = new HashMap<>();
  private final BitSet echoedIds = new BitSet();
  private final BitSet endedIds = new BitSet();
  private final BitSet notTakenIds = new BitSet();
  private final Map<Integer, Long> lastOrdered = new HashMap<>();
  private final Map<String, Long> violations = new TreeMap<>();
  private long nextId;
  private long sent;
  private long echoed;
  private long returned;
  private long returnedAfterEcho;
  private long unanswered;
  private long notTaken;
  private long printed;
  private Tally tally = new Tally(0);

  /**
   * @param window messages in flight at most
   * @param out where progress and violation lines go
   */
  MessageLedger(ChaosPayload payload, int window, Consumer<String> out) {
    this.payload = payload;
    this.window = window;
    this.out = out;
  }

  /** A new association (numbered from 1) starts: what is sent from now on belongs to it. */
  synchronized void begin(int association) {
    tally = new Tally(association);
    lastOrdered.clear();
  }

  /**
   * Waits until fewer than the window are in flight; false when {@code timeoutNanos} passed first.
   */
  synchronized boolean awaitRoom(long timeoutNanos) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    while (inFlight.size() >= window) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** Waits until nothing is in flight; false when {@code timeoutNanos} passed first. */
  synchronized boolean awaitEmpty(long timeoutNanos) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    while (!inFlight.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  synchronized int inFlight() {
    return inFlight.size();
  }

  /** The number of the next message; {@link #sending} must follow before its send call. */
  synchronized long nextId() {
    return nextId++;
  }

  /** Message {@code id} is about to be handed to the stack on the current association. */
  synchronized void sending(long id, int stream, boolean unordered) {
    inFlight.put(id, new Entry(tally.association, stream, unordered));
    sent++;
    tally.sent++;
  }

  /** The send call refused message {@code id}: it was never sent. */
  synchronized void notTaken(long id) {
    if (inFlight.remove(id) != null) {
      sent--;
      tally.sent--;
      notTaken++;
      notTakenIds.set(Math.toIntExact(id));
      notifyAll();
    }
  }

  /** A whole message arrived on the current association. */
  synchronized void echo(int ppid, int stream, boolean unordered, byte[] data, int length) {
    long id = ChaosPayload.idOf(ppid);
    Entry e = inFlight.remove(id);
    if (e == null) {
      int i = (int) Math.min(id, Integer.MAX_VALUE);
      violation(
          echoedIds.get(i)
              ? "duplicate echo"
              : endedIds.get(i)
                  ? "echo after its association ended"
                  : notTakenIds.get(i)
                      ? "echo of a message the send call refused"
                      : "echo of a message never sent",
          "message " + id + " on stream " + stream);
      return;
    }
    echoedIds.set(Math.toIntExact(id));
    echoed++;
    tally.echoed++;
    notifyAll();
    if (!payload.isWhole(id, data, length)) {
      violation("echo differs from the message", "message " + id + ", " + length + " bytes");
    }
    if (e.association != tally.association) {
      violation("echo on another association", "message " + id);
    }
    if (e.stream != stream || e.unordered != unordered) {
      violation(
          "echo on another stream or with another ordering flag",
          "message "
              + id
              + " sent on "
              + e.stream
              + (e.unordered ? " unordered" : "")
              + ", echoed on "
              + stream
              + (unordered ? " unordered" : ""));
    }
    if (e.returnedUnsent) {
      violation("echo of a message returned as never sent", "message " + id);
    } else if (e.returnedSent) {
      returnedAfterEcho++;
    }
    if (!unordered) {
      Long last = lastOrdered.put(stream, id);
      if (last != null && last > id) {
        violation(
            "ordered echo out of order",
            "message " + id + " after " + last + " on stream " + stream);
      }
    }
    if (echoed % PROGRESS_EVERY == 0) {
      out.accept("progress echoed=" + echoed + " sent=" + sent);
    }
  }

  /** The stack returned {@code piece} of the message the PPID names (SCTP_SEND_FAILED_EVENT). */
  synchronized void returned(int ppid, int stream, boolean dataSent, byte[] piece) {
    long id = ChaosPayload.idOf(ppid);
    if (!payload.isPart(id, piece)) {
      violation(
          "returned data is not part of its message",
          "message " + id + ", " + piece.length + " bytes");
      return;
    }
    Entry e = inFlight.get(id);
    if (e != null) {
      if (e.stream != stream) {
        violation("returned data on another stream", "message " + id);
      }
      if (dataSent) {
        e.returnedSent = true;
      } else {
        e.returnedUnsent = true;
      }
    } else if (id < nextId && echoedIds.get((int) id)) {
      if (dataSent) {
        returnedAfterEcho++;
      } else {
        violation("echoed message returned as never sent", "message " + id);
      }
    } else {
      violation("returned data of a message not in flight", "message " + id);
    }
  }

  /**
   * The current association ended: every message still in flight gets its outcome. {@code notified}
   * says whether the application was told (an association change notification).
   */
  synchronized Tally end(boolean notified) {
    for (Iterator<Map.Entry<Long, Entry>> it = inFlight.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, Entry> me = it.next();
      Entry e = me.getValue();
      if (e.returnedSent || e.returnedUnsent) {
        returned++;
        tally.returned++;
      } else if (notified) {
        unanswered++;
        tally.unanswered++;
      } else {
        violation(
            "message lost with an association that ended without a notification",
            "message " + me.getKey());
      }
      endedIds.set(Math.toIntExact(me.getKey()));
      it.remove();
    }
    notifyAll();
    return tally;
  }

  private void violation(String kind, String detail) {
    violations.merge(kind, 1L, Long::sum);
    if (printed++ < PRINTED_VIOLATIONS) {
      out.accept("VIOLATION " + kind + ": " + detail);
    }
  }

  /** The totals as {@code key=value} pairs for the REPORT line. */
  synchronized String totals() {
    return "sent="
        + sent
        + " echoed="
        + echoed
        + " returned="
        + returned
        + " returnedAfterEcho="
        + returnedAfterEcho
        + " unanswered="
        + unanswered
        + " notTaken="
        + notTaken
        + " violations="
        + violations.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The violations by kind, empty when there were none. */
  synchronized Map<String, Long> violations() {
    return Map.copyOf(violations);
  }
}
