package org.jsctp.tx;

import java.util.List;
import java.util.function.IntConsumer;
import org.jsctp.api.StreamSchedulerKind;

/**
 * The outbound streams of a sender as the application and stream reconfiguration change them:
 * which scheduler picks the next stream and its per-stream values (RFC 8260 sections 3, 4.3.2
 * and 4.3.3), pausing and resuming streams for a reset, resetting their SSNs or MIDs, and adding
 * streams (RFC 6525).
 */
public final class OutboundStreams {

  private final SendQueue queue;
  private final PartialReliability pr;
  private final Runnable changed;
  private StreamSchedulerKind scheduler = StreamSchedulerKind.FIRST_COME_FIRST_SERVED;

  OutboundStreams(SendQueue queue, PartialReliability pr, Runnable changed) {
    this.queue = queue;
    this.pr = pr;
    this.changed = changed;
  }

  public int count() {
    return queue.streamCount();
  }

  /**
   * SCTP_STREAM_SCHEDULER: from now on {@code kind} picks the stream whose message goes next. The
   * queued messages and the per-stream values carry over; a message under way without I-DATA is
   * finished first.
   *
   * @throws IllegalArgumentException for null
   */
  public void setScheduler(StreamSchedulerKind kind) {
    if (kind == null) {
      throw new IllegalArgumentException("SCTP_STREAM_SCHEDULER needs a scheduler, got null");
    }
    if (kind != scheduler) {
      queue.setScheduler(StreamSchedulers.create(kind));
      scheduler = kind;
    }
  }

  /** SCTP_STREAM_SCHEDULER: the scheduler in use. */
  public StreamSchedulerKind scheduler() {
    return scheduler;
  }

  /**
   * SCTP_STREAM_SCHEDULER_VALUE of one outbound stream: its priority (PRIORITY, 0 the highest) or
   * weight (WEIGHTED_FAIR_QUEUEING, at least 1). The value is kept for the stream whatever the
   * scheduler, and applies again when a scheduler that uses values is chosen.
   *
   * @throws IllegalArgumentException for a stream that is not an outbound stream, a value outside
   *     0..65535, or a weight of 0
   */
  public void setSchedulerValue(int stream, int value) {
    checkStream(stream);
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException(
          "SCTP_STREAM_SCHEDULER_VALUE = " + value + " is out of range 0..65535");
    }
    queue.setSchedulerValue(stream, value);
  }

  /**
   * SCTP_STREAM_SCHEDULER_VALUE of one outbound stream as the scheduler in use has it: the value
   * set, or the default (priority 0, weight 1); 0 for schedulers without values, as in Linux.
   *
   * @throws IllegalArgumentException for a stream that is not an outbound stream
   */
  public int schedulerValue(int stream) {
    checkStream(stream);
    return queue.schedulerValue(stream);
  }

  private void checkStream(int stream) {
    if (stream < 0 || stream >= queue.streamCount()) {
      throw new IllegalArgumentException("SCTP_STREAM_SCHEDULER_VALUE: stream " + stream
          + " is out of range 0.." + (queue.streamCount() - 1) + " (the outbound streams)");
    }
  }

  /**
   * Pauses {@code streams} (every outbound stream when empty) for a stream reset (RFC 6525
   * section 5.1.2 A1): their messages not yet started wait, those under way go on to their end.
   */
  public void pause(List<Integer> streams) {
    forEach(streams, queue::pause);
    changed.run();
  }

  /** Lets paused {@code streams} (all when empty) send again. */
  public void resume(List<Integer> streams) {
    forEach(streams, queue::resume);
    changed.run();
  }

  /** Whether none of {@code streams} (all when empty) has a message partly cut into chunks. */
  public boolean settled(List<Integer> streams) {
    if (streams.isEmpty()) {
      for (int s = 0; s < queue.streamCount(); s++) {
        if (queue.hasStartedMessage(s)) {
          return false;
        }
      }
      return true;
    }
    for (int s : streams) {
      if (queue.hasStartedMessage(s)) {
        return false;
      }
    }
    return true;
  }

  /** The next SSN or MIDs of {@code streams} (all when empty) start again at 0. */
  public void reset(List<Integer> streams) {
    forEach(streams, queue::resetMessageIds);
    changed.run();
  }

  /** {@code count} more outbound streams (RFC 6525 section 5.1.5). */
  public void add(int count) {
    int streams = queue.streamCount() + count;
    queue.setStreamCount(streams);
    pr.setStreamCount(streams);
    changed.run();
  }

  private void forEach(List<Integer> streams, IntConsumer action) {
    if (streams.isEmpty()) {
      for (int s = 0; s < queue.streamCount(); s++) {
        action.accept(s);
      }
    } else {
      for (int s : streams) {
        action.accept(s);
      }
    }
  }
}
