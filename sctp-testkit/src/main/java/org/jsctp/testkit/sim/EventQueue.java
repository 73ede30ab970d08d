package org.jsctp.testkit.sim;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.PriorityQueue;

/** Pending events ordered by time, then by insertion: equal times run in the order scheduled. */
final class EventQueue {

  /** An event with its place in the queue. */
  record Scheduled(long time, long sequence, SimEvent event) {}

  private static final Comparator<Scheduled> ORDER =
      Comparator.comparingLong(Scheduled::time).thenComparingLong(Scheduled::sequence);

  private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(ORDER);
  private final EnumMap<SimEvent.Kind, Integer> pending = new EnumMap<>(SimEvent.Kind.class);
  private long nextSequence;

  void schedule(long time, SimEvent event) {
    queue.add(new Scheduled(time, nextSequence++, event));
    pending.merge(event.kind(), 1, Integer::sum);
  }

  /** The earliest event, or {@code null}. */
  Scheduled peek() {
    return queue.peek();
  }

  /** Removes and answers the earliest event, or {@code null}. */
  Scheduled poll() {
    Scheduled next = queue.poll();
    if (next != null) {
      pending.merge(next.event().kind(), -1, Integer::sum);
    }
    return next;
  }

  int pending(SimEvent.Kind kind) {
    return pending.getOrDefault(kind, 0);
  }
}
