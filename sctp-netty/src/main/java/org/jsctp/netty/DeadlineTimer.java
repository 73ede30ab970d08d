package org.jsctp.netty;

import io.netty.channel.EventLoop;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one scheduled task of an endpoint: it fires at the core's next deadline. It is moved only
 * when the deadline gets earlier; when the deadline moved later, the task fires early and the core
 * treats the call as spurious, after which the task is set again.
 *
 * <p>Deadlines are in nanoseconds of the loop's ticker, and the task is scheduled on that loop,
 * whose scheduler runs on the same ticker: advancing a mock ticker makes due deadlines fire.
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

  /** Makes sure the task fires no later than {@code deadline} (ticker ns); call on the loop. */
  void update(long deadline) {
    if (deadline == Long.MAX_VALUE || deadline >= at) {
      return;
    }
    if (task != null) {
      task.cancel(false);
    }
    at = deadline;
    long delay = Math.max(0, deadline - loop.ticker().nanoTime());
    task = loop.schedule(this::fire, delay, TimeUnit.NANOSECONDS);
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
