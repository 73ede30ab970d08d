package org.jsctp.netty;

import io.netty.channel.IoEventLoop;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Ticker;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Event loops that run on a given {@link Ticker} instead of the system's: their scheduled tasks,
 * and so the endpoints' deadlines, fall due when that ticker says so. Netty lets an event loop
 * override {@link SingleThreadIoEventLoop#ticker()} but has no constructor argument for it; this is
 * that override. Only {@link SctpStack.Builder#ticker} builds one (for tests with Netty's {@link
 * io.netty.util.concurrent.MockTicker}); a stack without it uses Netty's loops unchanged.
 */
final class TickerEventLoopGroup extends MultiThreadIoEventLoopGroup {

  TickerEventLoopGroup(
      int threads, ThreadFactory threadFactory, IoHandlerFactory ioHandlerFactory, Ticker ticker) {
    // newChild runs inside this constructor, before any field of ours is set: the ticker travels
    // as a constructor argument of the children.
    super(threads, threadFactory, ioHandlerFactory, new SelectAwareTicker(ticker));
  }

  @Override
  protected IoEventLoop newChild(
      Executor executor, IoHandlerFactory ioHandlerFactory, Object... args) {
    return new Loop(this, executor, ioHandlerFactory, (Ticker) args[0]);
  }

  /**
   * Stops the loops once their queued tasks have run. Netty measures a graceful shutdown's quiet
   * period and timeout on the loop's ticker, which a mock ticker standing still never ends; the
   * stack has terminated its endpoints before it shuts the loops down, so there is nothing to wait
   * for.
   */
  @Override
  @SuppressWarnings("deprecation") // shutdown(): the immediate stop, the only one not timed
  public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
    shutdown();
    return terminationFuture();
  }

  private static final class Loop extends SingleThreadIoEventLoop {
    private final Ticker ticker;

    Loop(IoEventLoopGroup parent, Executor executor, IoHandlerFactory factory, Ticker ticker) {
      super(parent, executor, factory);
      this.ticker = ticker;
    }

    @Override
    public Ticker ticker() {
      // Null only while Netty's constructor runs (it notes a start time).
      Ticker t = ticker;
      return t != null ? t : super.ticker();
    }
  }

  /**
   * Netty's I/O handlers compute how long to wait for I/O from {@code System.nanoTime()} minus
   * {@link Ticker#initialNanoTime()}: this keeps {@code initialNanoTime() + nanoTime()} equal to
   * {@code System.nanoTime()}, as the system ticker does, so that a loop whose ticker stands still
   * waits for its next task's remaining ticker time instead of spinning. A task submitted to the
   * loop (for example after the ticker was advanced) wakes it as usual.
   */
  private static final class SelectAwareTicker implements Ticker {
    private final Ticker ticker;

    SelectAwareTicker(Ticker ticker) {
      this.ticker = ticker;
    }

    @Override
    public long initialNanoTime() {
      return System.nanoTime() - ticker.nanoTime();
    }

    @Override
    public long nanoTime() {
      return ticker.nanoTime();
    }

    @Override
    public void sleep(long delay, TimeUnit unit) throws InterruptedException {
      ticker.sleep(delay, unit);
    }
  }
}
