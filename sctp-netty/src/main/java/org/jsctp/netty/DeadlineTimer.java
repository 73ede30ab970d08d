package org.jsctp.netty;

import io.netty.channel.EventLoop;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one scheduled task of an endpoint: it fires at the core's next deadline. It is moved only
 * when the deadline gets earlier; when the deadline moved later, the task fires early and the core
 * treats the call as spurious, after which the task is set again.
 */
final class DeadlineTimer {

  private final EventLoop loop;
  private final Runnable onDue;
  private ScheduledFuture<?> task;
  private long at = Long.MAX_VALUE;

  DeadlineTimer(EventLoop loop, Runnable onDue) {
    this.loop = loop;
    this.onDue = onDue;
  }

  /** Makes sure the task fires no later than {@code deadline} (monotonic ns); call on the loop. */
  void update(long deadline, long now) {
    if (deadline == Long.MAX_VALUE || deadline >= at) {
      return;
    }
    if (task != null) {
      task.cancel(false);
    }
    at = deadline;
    task = loop.schedule(this::fire, Math.max(0, deadline - now), TimeUnit.NANOSECONDS);
  }

  private void fire() {
    task = null;
    at = Long.MAX_VALUE;
    onDue.run();
  }

  void cancel() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
    at = Long.MAX_VALUE;
  }
}
