package org.jsctp.netty;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for futures in blocking calls, with the exceptions a socket call would throw. */
final class Blocking {

  private Blocking() {}

  /** Nanoseconds of a timeout; a null or negative duration means forever (-1). */
  static long nanos(Duration timeout) {
    if (timeout == null || timeout.isNegative()) {
      return -1;
    }
    try {
      return timeout.toNanos();
    } catch (ArithmeticException e) {
      return -1;
    }
  }

  /**
   * Refuses blocking calls on an event loop thread of the stack: they would wait for themselves.
   */
  static void checkNotOnLoop(SctpStack stack) {
    if (stack.onLoopThread()) {
      throw new IllegalStateException(
          "blocking call on an event loop thread of the stack: use the async variant");
    }
  }

  /**
   * Waits for {@code f} up to {@code nanos} (forever when negative) and unwraps its failure.
   *
   * @throws SocketTimeoutException on timeout (the operation goes on)
   */
  static <T> T await(CompletableFuture<T> f, long nanos, String what) throws IOException {
    try {
      return nanos < 0 ? f.get() : f.get(nanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new SocketTimeoutException(what + " timed out");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(what + " interrupted");
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  /** Rethrows a future's failure as what the blocking call declares. */
  static IOException unwrap(Throwable t) {
    if (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof UncheckedIOException u) {
      return u.getCause();
    }
    if (t instanceof IOException io) {
      return io;
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error err) {
      throw err;
    }
    return new IOException(t);
  }

  /**
   * Waits for a send: on timeout or interrupt the send is withdrawn unless the event loop holds it
   * at that moment, in which case its result is imminent and is awaited.
   */
  static int awaitSend(PendingSend p, long nanos) throws IOException {
    try {
      return await(p.future, nanos, "send");
    } catch (InterruptedIOException e) {
      if (p.withdraw()) {
        throw e instanceof SocketTimeoutException
            ? new SocketTimeoutException(
                "send timed out with the send buffer full; the message was not sent")
            : new InterruptedIOException("send interrupted; the message was not sent");
      }
      try {
        return p.future.join();
      } catch (CompletionException | java.util.concurrent.CancellationException c) {
        throw unwrap(c.getCause() != null ? c.getCause() : c);
      }
    }
  }
}
