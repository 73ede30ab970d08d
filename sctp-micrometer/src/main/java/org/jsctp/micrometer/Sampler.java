package org.jsctp.micrometer;

import io.micrometer.core.instrument.Clock;
import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jsctp.netty.SctpStack;

/**
 * Reads a stack at most once per refresh interval and shares the sample between every meter: a
 * registry reads its meters one by one, and each read of the stack asks every endpoint's event loop.
 * The first read after the interval takes a new sample and hands it to the listeners (the
 * bindings, which register meters for new ports and groups) before it returns. It holds the
 * stack weakly, as Micrometer's meters do: a registry keeps the sampler (through the gauges of the
 * association rows), and must not keep a stack the application dropped; once the stack is gone the
 * last sample stays. Thread-safe.
 */
final class Sampler {

  private final WeakReference<SctpStack> stack;
  private final Clock clock;
  private final long intervalNanos;
  private final Function<InetAddress, String> peerTag;
  private final List<Consumer<StackSample>> listeners = new CopyOnWriteArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private StackSample current = StackSample.EMPTY;
  private long takenAt;
  private boolean taken;

  /**
   * @param peerTag the tag of an association's peer, or null to tag no peer
   */
  Sampler(SctpStack stack, Clock clock, long intervalNanos, Function<InetAddress, String> peerTag) {
    this.stack = new WeakReference<>(stack);
    this.clock = clock;
    this.intervalNanos = intervalNanos;
    this.peerTag = peerTag;
  }

  /** The stack, or null once the application dropped it. */
  SctpStack stack() {
    return stack.get();
  }

  void onSample(Consumer<StackSample> listener) {
    listeners.add(listener);
  }

  /** The current sample, taken now if the last one is older than the interval. */
  StackSample sample() {
    lock.lock();
    try {
      long now = clock.monotonicTime();
      SctpStack s = stack.get();
      if (s != null && (!taken || now - takenAt >= intervalNanos)) {
        current = StackSample.take(s, current, peerTag);
        takenAt = now;
        taken = true;
        // Under the lock, so that the bindings see the samples in the order they were taken.
        for (Consumer<StackSample> l : listeners) {
          l.accept(current);
        }
      }
      return current;
    } finally {
      lock.unlock();
    }
  }
}
