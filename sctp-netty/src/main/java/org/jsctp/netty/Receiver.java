package org.jsctp.netty;

import io.netty.util.concurrent.Ticker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadPendingException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * The receive calls of a channel with the JDK's semantics: notifications go to the handler until it
 * says RETURN or a message arrives; a message larger than the buffer is returned in parts with
 * {@link MessageInfo#isComplete()} false; the bytes read are reported to the association so that
 * its window reopens. One receive at a time: blocking receives wait for each other, an asynchronous
 * receive while another is pending fails with {@link ReadPendingException}.
 */
final class Receiver {

  private static final MessageInfo CONTINUE = MessageInfo.endOfStream(null);

  /** Set while a notification handler runs on this thread: receiving from it is refused. */
  private static final ThreadLocal<Boolean> IN_HANDLER = new ThreadLocal<>();

  private final Inbox inbox;
  private final IntSupplier interleaveLevel;
  private final SctpStack stack;
  private final Ticker ticker;
  private final Semaphore permit = new Semaphore(1, true);
  private volatile AssociationHandle partial;
  /**
   * The messages of {@link #partial} read in part, as stream << 1 | unordered: with I-DATA
   * (RFC 8260) parts of messages of different streams interleave, and the association stays
   * exclusive until none is left half read. Touched only by the one receive running.
   */
  private final java.util.Set<Integer> partialStreams = new java.util.HashSet<>();

  /**
   * @param interleaveLevel SCTP_FRAGMENT_INTERLEAVE of the channel; 0 keeps a partly read message's
   *     association exclusive until the message is complete
   * @param stack the channel's stack, whose clock counts a receive's timeout down between the
   *     notifications it hands to the handler (each wait itself is a real-time wait)
   */
  Receiver(Inbox inbox, IntSupplier interleaveLevel, SctpStack stack) {
    this.inbox = inbox;
    this.interleaveLevel = interleaveLevel;
    this.stack = stack;
    this.ticker = stack.ticker();
  }

  private Predicate<AssociationHandle> filter() {
    AssociationHandle p = partial;
    if (p == null || interleaveLevel.getAsInt() > 0) {
      return h -> true;
    }
    return h -> h == p || p.ended();
  }

  private static void check(ByteBuffer dst) {
    if (dst.isReadOnly()) {
      throw new IllegalArgumentException("read-only buffer");
    }
    if (IN_HANDLER.get() != null) {
      throw new IllegalReceiveException("receive called from within a notification handler");
    }
  }

  /** A branched-off association no longer holds this channel's partial-read lock. */
  void forget(AssociationHandle h) {
    if (partial == h) {
      partial = null;
    }
  }

  /** Records what a receive returned: a message read in part keeps its association exclusive. */
  private void track(AssociationHandle h, int stream, boolean unordered, boolean complete) {
    if (h != partial) {
      partialStreams.clear();
    }
    Integer key = stream << 1 | (unordered ? 1 : 0);
    if (complete) {
      partialStreams.remove(key);
    } else {
      partialStreams.add(key);
    }
    partial = partialStreams.isEmpty() ? null : h;
  }

  /**
   * A blocking receive, refused on an event loop of the stack.
   *
   * @param timeout null waits forever
   */
  <T> MessageInfo receive(
      ByteBuffer dst, T attachment, NotificationHandler<T> handler, Duration timeout)
      throws IOException {
    Blocking.checkNotOnLoop(stack);
    long nanos = Blocking.nanos(timeout);
    check(dst);
    if (inbox.isClosed()) {
      throw new ClosedChannelException();
    }
    long deadline = nanos < 0 ? 0 : ticker.nanoTime() + nanos;
    try {
      if (nanos < 0) {
        permit.acquire();
      } else if (!permit.tryAcquire(nanos, TimeUnit.NANOSECONDS)) {
        throw new SocketTimeoutException("receive timed out waiting for another receive");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("receive interrupted");
    }
    try {
      while (true) {
        long left = nanos < 0 ? -1 : Math.max(0, deadline - ticker.nanoTime());
        Inbox.Polled p;
        try {
          p = inbox.take(dst, filter(), left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("receive interrupted");
        }
        if (p == null) {
          if (inbox.isClosed()) {
            throw new AsynchronousCloseException();
          }
          throw new SocketTimeoutException("receive timed out");
        }
        MessageInfo result = handle(p, attachment, handler);
        if (result != CONTINUE) {
          return result;
        }
      }
    } finally {
      permit.release();
    }
  }

  /**
   * An asynchronous receive: completes when a message was read into {@code dst} or the handler said
   * RETURN (with null). The handler runs on the completing thread, possibly the event loop.
   */
  <T> CompletableFuture<MessageInfo> receiveAsync(
      ByteBuffer dst, T attachment, NotificationHandler<T> handler) {
    check(dst);
    CompletableFuture<MessageInfo> f = new CompletableFuture<>();
    if (inbox.isClosed()) {
      f.completeExceptionally(new ClosedChannelException());
      return f;
    }
    if (!permit.tryAcquire()) {
      f.completeExceptionally(new ReadPendingException());
      return f;
    }
    new AsyncReceive<>(dst, attachment, handler, f).run();
    return f;
  }

  private final class AsyncReceive<T> implements Runnable {
    private final ByteBuffer dst;
    private final T attachment;
    private final NotificationHandler<T> handler;
    private final CompletableFuture<MessageInfo> future;

    AsyncReceive(
        ByteBuffer dst,
        T attachment,
        NotificationHandler<T> handler,
        CompletableFuture<MessageInfo> future) {
      this.dst = dst;
      this.attachment = attachment;
      this.handler = handler;
      this.future = future;
    }

    @Override
    public void run() {
      try {
        while (true) {
          Predicate<AssociationHandle> filter = filter();
          Inbox.Polled p = inbox.poll(dst, filter);
          if (p == null) {
            if (inbox.isClosed()) {
              finish(null, new AsynchronousCloseException());
              return;
            }
            if (inbox.await(filter, this)) {
              return;
            }
            continue;
          }
          MessageInfo result = handle(p, attachment, handler);
          if (result != CONTINUE) {
            finish(result, null);
            return;
          }
        }
      } catch (RuntimeException | Error e) {
        finish(null, e);
      }
    }

    private void finish(MessageInfo result, Throwable error) {
      permit.release();
      if (error != null) {
        future.completeExceptionally(error);
      } else {
        future.complete(result);
      }
    }
  }

  private <T> MessageInfo handle(Inbox.Polled p, T attachment, NotificationHandler<T> handler) {
    if (p == Inbox.Polled.END) {
      return MessageInfo.endOfStream(null);
    }
    if (p.notification() != null) {
      if (p.notification() instanceof PartialDeliveryNotification a && a.association() == p.handle().api) {
        // The message will not be completed: it no longer holds the association (RFC 6458 6.1.7).
        track(p.handle(), a.streamNumber(), a.unordered(), true);
      }
      if (handler == null) {
        return CONTINUE;
      }
      HandlerResult r;
      IN_HANDLER.set(Boolean.TRUE);
      try {
        r = handler.handleNotification(p.notification(), attachment);
      } finally {
        IN_HANDLER.remove();
      }
      return r == HandlerResult.RETURN ? null : CONTINUE;
    }
    p.handle().consumed(p.bytes());
    track(p.handle(), p.info().streamNumber(), p.info().isUnordered(), p.info().isComplete());
    return p.info();
  }
}
