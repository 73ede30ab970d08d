package org.jsctp.examples;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Prints the INTERVAL lines of throughput runs from a thread of its own, reading the runs'
 * counters as they go (the counting thread only writes them, it never waits for this one).
 */
final class IntervalReporter implements AutoCloseable {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "tput-interval");
    t.setDaemon(true);
    return t;
  });
  private final long intervalNanos;
  private final PrintStream out;

  IntervalReporter(long intervalNanos, PrintStream out) {
    this.intervalNanos = intervalNanos;
    this.out = out;
  }

  /** Reports {@code result} every interval from its start until the returned handle is closed. */
  Run start(TputResult result, String suffix) {
    Run run = new Run(result, new IntervalLine(result.startNanos(), suffix));
    long first = Math.max(0, result.startNanos() + intervalNanos - System.nanoTime());
    run.future = timer.scheduleAtFixedRate(run::tick, first, intervalNanos, TimeUnit.NANOSECONDS);
    return run;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** The reporting of one run; closing it stops its lines (none is printed after close returns). */
  final class Run implements AutoCloseable {
    private final TputResult result;
    private final IntervalLine line;
    private ScheduledFuture<?> future;
    private boolean closed;

    private Run(TputResult result, IntervalLine line) {
      this.result = result;
      this.line = line;
    }

    private synchronized void tick() {
      if (!closed) {
        out.println(line.next(System.nanoTime(), result.bytes(), result.messages()));
        out.flush();
      }
    }

    @Override
    public synchronized void close() {
      closed = true;
      future.cancel(false);
    }
  }
}
