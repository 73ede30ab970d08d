package org.jsctp.netty;

import java.util.concurrent.atomic.AtomicLong;
import org.jsctp.config.ReceiveMemory;

/**
 * The stack's one budget for received data, {@code rcvbuf_total}: every endpoint of an {@link
 * SctpStack} reserves from it and gives back to it, each on its own event loop, so reserving and
 * releasing are atomic (compare-and-set, no lock). A reservation that would exceed the limit takes
 * nothing.
 */
final class SharedReceiveMemory implements ReceiveMemory {

  private final long limit;
  private final AtomicLong used = new AtomicLong();

  SharedReceiveMemory(long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    this.limit = limit;
  }

  @Override
  public boolean reserve(long bytes) {
    while (true) {
      long u = used.get();
      if (bytes > limit - u) {
        return false;
      }
      if (used.compareAndSet(u, u + bytes)) {
        return true;
      }
    }
  }

  /** Gives back {@code bytes}; never below zero, as {@link ReceiveMemory#bounded(long)}. */
  @Override
  public void release(long bytes) {
    while (true) {
      long u = used.get();
      long after = Math.max(0, u - bytes);
      if (used.compareAndSet(u, after)) {
        return;
      }
    }
  }

  @Override
  public long used() {
    return used.get();
  }

  @Override
  public long limit() {
    return limit;
  }

  @Override
  public String toString() {
    return "SharedReceiveMemory[" + used.get() + " of " + limit + " bytes]";
  }
}
