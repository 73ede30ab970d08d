package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jsctp.netty.MessageInfo;
import org.junit.jupiter.api.Test;

/** The receive loop without a channel: receives are futures the test completes. */
class ReceiveLoopTest {

  @Test
  void aStepThatThrowsWhereTheReceiveCompletedGoesToTheUncaughtExceptionHandler()
      throws InterruptedException {
    CompletableFuture<MessageInfo> pending = new CompletableFuture<>();
    AtomicInteger receives = new AtomicInteger();
    ReceiveLoop loop =
        new ReceiveLoop(
            () -> {
              receives.incrementAndGet();
              return pending;
            },
            (info, error) -> {
              throw new IllegalStateException("step failed");
            },
            () -> false);
    loop.run();
    AtomicReference<Throwable> reported = new AtomicReference<>();
    Thread completer = new Thread(() -> pending.complete(null), "completer");
    completer.setUncaughtExceptionHandler((t, e) -> reported.set(e));

    completer.start();
    completer.join();

    assertThat(reported.get()).isInstanceOf(IllegalStateException.class).hasMessage("step failed");
    assertThat(receives).as("the loop posts no receive after the step failed").hasValue(1);
  }

  @Test
  void aReceiveThatHadToWaitIsHandledWhereItCompletesAndTheNextIsPosted() {
    CompletableFuture<MessageInfo> first = new CompletableFuture<>();
    CompletableFuture<MessageInfo> second = new CompletableFuture<>();
    AtomicInteger receives = new AtomicInteger();
    AtomicInteger handled = new AtomicInteger();
    ReceiveLoop loop =
        new ReceiveLoop(
            () -> receives.getAndIncrement() == 0 ? first : second,
            (info, error) -> {
              handled.incrementAndGet();
              return true;
            },
            () -> false);
    loop.run();

    first.complete(null);

    assertThat(handled).hasValue(1);
    assertThat(receives).hasValue(2);
  }
}
