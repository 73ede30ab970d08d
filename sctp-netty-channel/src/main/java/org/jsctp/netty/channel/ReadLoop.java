package org.jsctp.netty.channel;

import io.netty.channel.AbstractChannel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.RecvByteBufAllocator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Netty's read contract over jsctp's asynchronous receives, for a channel's event loop: a {@code
 * read()} (from {@code autoRead} or the application) starts receives; whatever is there already is
 * delivered at once, up to what the channel's {@link RecvByteBufAllocator} allows per read; when
 * nothing is, one receive waits in jsctp and its result comes back through the event loop.
 *
 * <p>Backpressure: without a pending {@code read()} no receive is started, so unread data stays in
 * jsctp, where it closes the association's receive window. A receive that completes after {@code
 * autoRead} was turned off is held and delivered on the next {@code read()}: with {@code autoRead}
 * off, each {@code read()} delivers exactly one message, as Netty's own transports do.
 *
 * <p>All state is confined to the channel's event loop; only {@link #discard} runs elsewhere, when
 * that loop has shut down.
 *
 * @param <R> what one receive returns
 */
// RecvByteBufAllocator.Handle, deprecated for ExtendedHandle, is what Channel.Unsafe hands out.
@SuppressWarnings("deprecation")
abstract class ReadLoop<R> {

  /** What {@link #decode} returns when the source has ended: the channel closes. */
  static final Object END = new Object();

  /** What {@link #decode} returns when nothing is ready for the pipeline yet: receive again. */
  static final Object MORE = new Object();

  /**
   * A user event for the pipeline.
   *
   * @param event the event
   * @param last whether the channel closes after it
   */
  record UserEvent(Object event, boolean last) {}

  private final AbstractChannel channel;
  private boolean readPending;
  private boolean waiting;
  private boolean inBatch;
  private CompletableFuture<R> held;

  ReadLoop(AbstractChannel channel) {
    this.channel = channel;
  }

  /** Starts one receive. */
  abstract CompletableFuture<R> receive(RecvByteBufAllocator.Handle handle);

  /**
   * What a receive returned, for the pipeline: a message, a {@link UserEvent}, {@link #END}, or
   * {@link #MORE}.
   */
  abstract Object decode(R result, RecvByteBufAllocator.Handle handle);

  /** Frees what a receive holds that will never reach the pipeline; {@code result} may be null. */
  abstract void discard(R result);

  /** {@code doBeginRead}: the application wants data. */
  final void beginRead() {
    readPending = true;
    if (inBatch || waiting || !channel.isActive()) {
      return;
    }
    CompletableFuture<R> h = held;
    held = null;
    batch(h);
  }

  /** {@code autoRead} was turned off: no read is pending any more. */
  final void clearReadPending() {
    readPending = false;
  }

  /** The channel has closed: frees a result held for a read that will not come. */
  final void closed() {
    CompletableFuture<R> h = held;
    held = null;
    if (h != null) {
      discard(resultOf(h));
    }
  }

  private void await(CompletableFuture<R> f) {
    waiting = true;
    f.whenComplete(
        (r, e) -> Handoff.toLoop(channel, () -> completed(f), () -> discard(resultOf(f))));
  }

  private void completed(CompletableFuture<R> f) {
    waiting = false;
    if (!channel.isOpen()) {
      discard(resultOf(f));
    } else if (!readPending) {
      held = f;
    } else {
      batch(f);
    }
  }

  /** After a batch that stopped at the allocator's limit while reads are still wanted. */
  private void resume() {
    if (readPending && !inBatch && !waiting && held == null && channel.isActive()) {
      batch(null);
    }
  }

  /** Delivers {@code first} (null: none yet) and whatever else is there, then waits for more. */
  private void batch(CompletableFuture<R> first) {
    RecvByteBufAllocator.Handle handle = channel.unsafe().recvBufAllocHandle();
    handle.reset(channel.config());
    ChannelPipeline pipeline = channel.pipeline();
    boolean fired = false;
    boolean close = false;
    Throwable error = null;
    inBatch = true;
    try {
      CompletableFuture<R> f = first;
      while (true) {
        if (f == null) {
          f = receive(handle);
          if (!f.isDone()) {
            await(f);
            break;
          }
        }
        Object out;
        try {
          out = decode(f.join(), handle);
        } catch (CompletionException | CancellationException e) {
          error = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
          discard(null);
          break;
        } catch (RuntimeException e) {
          error = e;
          discard(null);
          break;
        }
        f = null;
        if (out == MORE) {
          continue;
        }
        if (out == END) {
          close = true;
          break;
        }
        fired = true;
        if (out instanceof UserEvent u) {
          pipeline.fireUserEventTriggered(u.event());
          if (u.last()) {
            close = true;
            break;
          }
        } else {
          readPending = false;
          handle.incMessagesRead(1);
          pipeline.fireChannelRead(out);
          if (!continueReading(handle)) {
            break;
          }
        }
        if (!channel.isOpen()) {
          break;
        }
      }
    } finally {
      inBatch = false;
    }
    if (fired) {
      handle.readComplete();
      pipeline.fireChannelReadComplete();
    }
    if (error != null && channel.isOpen()) {
      pipeline.fireExceptionCaught(error);
      close = true;
    }
    if (close && channel.isOpen()) {
      channel.unsafe().close(channel.unsafe().voidPromise());
    } else if (readPending && !waiting) {
      // Stopped at the allocator's limit: go on after the loop's other work.
      Handoff.toLoop(channel, this::resume, () -> {});
    }
  }

  /**
   * The allocator's limit (autoRead, messages per read); whether more data waits is known only by
   * trying, since a receive that finds nothing simply waits.
   */
  private static boolean continueReading(RecvByteBufAllocator.Handle handle) {
    return handle instanceof RecvByteBufAllocator.ExtendedHandle e
        ? e.continueReading(() -> true)
        : handle.continueReading();
  }

  private R resultOf(CompletableFuture<R> f) {
    return f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
  }
}
