package org.jsctp.association;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import org.jsctp.endpoint.Transmit;
import org.jsctp.timer.Timer;

/**
 * The endpoint's view of when its associations need attention, so that none of its answers
 * costs time proportional to the number of associations: a list of associations touched since
 * the last look, a fair rotation of associations that may have packets to send, and a heap of
 * deadlines with lazy removal (an entry is stale once its association was rescheduled).
 */
public final class AssociationScheduler {

  private record Entry(long deadline, long version, SctpAssociation association) {}

  /** Told of an exception from an association's timer or packet building: a bug of ours. */
  public interface InternalErrors {
    void failed(SctpAssociation association, long now, RuntimeException error);
  }

  private final ArrayDeque<SctpAssociation> touched = new ArrayDeque<>();
  private final ArrayDeque<SctpAssociation> sending = new ArrayDeque<>();
  private final PriorityQueue<Entry> heap =
      new PriorityQueue<>((x, y) -> Long.compare(x.deadline, y.deadline));
  private int live;

  private final InternalErrors errors;

  /** An empty schedule, for a new endpoint; {@code errors} hears of an association's bug. */
  public AssociationScheduler(InternalErrors errors) {
    this.errors = errors;
  }

  /** An association changed: its deadline and its output must be looked at again. */
  public void touch(SctpAssociation a) {
    if (!a.schedule.touched) {
      a.schedule.touched = true;
      touched.addLast(a);
    }
  }

  public void added() {
    live++;
  }

  public void removed(SctpAssociation a) {
    live--;
    a.schedule.version++;
  }

  private void flush() {
    SctpAssociation a;
    while ((a = touched.pollFirst()) != null) {
      a.schedule.touched = false;
      if (a.state() == AssociationState.CLOSED) {
        continue;
      }
      long d = a.nextDeadline();
      if (d != a.schedule.deadline) {
        a.schedule.deadline = d;
        a.schedule.version++;
        if (d != Timer.NEVER) {
          heap.add(new Entry(d, a.schedule.version, a));
        }
      }
      if (!a.schedule.sending) {
        a.schedule.sending = true;
        sending.addLast(a);
      }
    }
    if (heap.size() > 4 * live + 64) {
      rebuild();
    }
  }

  private void rebuild() {
    Entry[] entries = heap.toArray(new Entry[0]);
    heap.clear();
    for (Entry e : entries) {
      if (isCurrent(e)) {
        heap.add(e);
      }
    }
  }

  private static boolean isCurrent(Entry e) {
    return e.version == e.association.schedule.version && e.association.state() != AssociationState.CLOSED;
  }

  /** The next packet of any association, rotating between them one packet at a time. */
  public Transmit pollTransmit(long now) {
    flush();
    SctpAssociation a;
    while ((a = sending.peekFirst()) != null) {
      Transmit t = a.state() == AssociationState.CLOSED ? null : poll(a, now);
      if (t != null) {
        sending.pollFirst();
        sending.addLast(a);
        touch(a);
        return t;
      }
      sending.pollFirst();
      a.schedule.sending = false;
    }
    return null;
  }

  private Transmit poll(SctpAssociation a, long now) {
    try {
      return a.pollTransmit(now);
    } catch (RuntimeException e) {
      errors.failed(a, now, e);
      return null;
    }
  }

  /** The earliest deadline of all associations, or {@link Timer#NEVER}. */
  public long nextDeadline() {
    flush();
    Entry top;
    while ((top = heap.peek()) != null && !isCurrent(top)) {
      heap.poll();
    }
    return top == null ? Timer.NEVER : top.deadline;
  }

  /** Runs the timers of every association due at {@code now}, each once. */
  public void handleTimeout(long now) {
    flush();
    ArrayDeque<SctpAssociation> due = new ArrayDeque<>();
    Entry top;
    while ((top = heap.peek()) != null && top.deadline <= now) {
      heap.poll();
      if (isCurrent(top)) {
        top.association.schedule.deadline = Timer.NEVER;
        due.add(top.association);
      }
    }
    for (SctpAssociation a : due) {
      if (a.state() != AssociationState.CLOSED) {
        try {
          a.handleTimeout(now);
        } catch (RuntimeException e) {
          errors.failed(a, now, e);
        }
        touch(a);
      }
    }
  }
}
