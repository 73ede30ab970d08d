package org.jsctp.testkit.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Watches the events of one run call: fails on an exhausted event budget or on a livelock (too
 * many events at one virtual time), and remembers the last events for the failure report.
 */
final class DriveGuard {

  private DriveLimits limits = DriveLimits.DEFAULT;
  private EventQueue.Scheduled[] recent = new EventQueue.Scheduled[limits.recentEventsReported()];
  private long recorded;
  private long eventsThisRun;
  private long instant = Long.MIN_VALUE;
  private long eventsAtInstant;

  DriveLimits limits() {
    return limits;
  }

  void limits(DriveLimits newLimits) {
    limits = newLimits;
    recent = new EventQueue.Scheduled[newLimits.recentEventsReported()];
    recorded = 0;
  }

  void startRun() {
    eventsThisRun = 0;
  }

  /** Answers why {@code next} must not run, or {@code null} when it may; records it if so. */
  String admit(EventQueue.Scheduled next) {
    if (next.time() != instant) {
      instant = next.time();
      eventsAtInstant = 0;
    }
    if (++eventsAtInstant > limits.maxEventsPerInstant()) {
      return "livelock: more than " + limits.maxEventsPerInstant()
          + " events at " + SimTime.format(instant) + " without virtual time advancing";
    }
    if (++eventsThisRun > limits.maxEventsPerRun()) {
      return "event budget exceeded: more than " + limits.maxEventsPerRun() + " events in one run call";
    }
    if (recent.length > 0) {
      recent[(int) (recorded % recent.length)] = next;
    }
    recorded++;
    return null;
  }

  /** The last events admitted, oldest first, one line each. */
  List<String> recentEvents() {
    List<String> lines = new ArrayList<>();
    long count = Math.min(recorded, recent.length);
    for (long i = recorded - count; i < recorded; i++) {
      EventQueue.Scheduled e = recent[(int) (i % recent.length)];
      lines.add(SimTime.format(e.time()) + " [" + e.sequence() + "] " + e.event().describe());
    }
    return lines;
  }
}
