package org.jsctp.examples;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jsctp.netty.MessageInfo;

/**
 * Receives on a channel one message after another, handling each where its receive completes: on
 * the stack's event loop when the receive had to wait (no thread switch between the arrival and
 * its handling), at once on the calling thread when something was there already.
 */
final class ReceiveLoop {

  /** Handles what one receive gave. */
  interface Step {
    /**
     * @param info the message (or piece), null when a notification handler said RETURN or the
     *     receive failed
     * @param error why the receive failed, or null
     * @return whether to post the next receive at once; false stops the loop until {@link #run()}
     *     is called again
     */
    boolean handle(MessageInfo info, Throwable error);
  }

  private final Supplier<CompletableFuture<MessageInfo>> receive;
  private final Step step;
  private final BooleanSupplier stopped;

  /**
   * @param receive posts one receive (clearing the buffer it reads into first)
   * @param step handles each result
   * @param stopped whether the loop has ended for good
   */
  ReceiveLoop(Supplier<CompletableFuture<MessageInfo>> receive, Step step, BooleanSupplier stopped) {
    this.receive = receive;
    this.step = step;
    this.stopped = stopped;
  }

  /** Posts receives until the step says to wait or the loop has ended. */
  void run() {
    while (!stopped.getAsBoolean()) {
      CompletableFuture<MessageInfo> f = receive.get();
      if (!f.isDone()) {
        f.whenComplete(this::resume);
        return;
      }
      MessageInfo info = null;
      Throwable error = null;
      try {
        info = f.join();
      } catch (CompletionException e) {
        error = e.getCause();
      }
      if (!step.handle(info, error)) {
        return;
      }
    }
  }

  /**
   * Goes on where a receive that had to wait completed. A step that throws there ends the loop, and
   * goes to the thread's uncaught exception handler: the future would swallow it, and the loop
   * would stop without a word.
   */
  private void resume(MessageInfo info, Throwable error) {
    try {
      if (step.handle(info, error)) {
        run();
      }
    } catch (RuntimeException | Error e) {
      Thread t = Thread.currentThread();
      t.getUncaughtExceptionHandler().uncaughtException(t, e);
    }
  }
}
