package org.jsctp.examples;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import org.jsctp.netty.HandlerResult;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.Notification;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SendFailedNotification;

/**
 * The echo client's receiving side, event-driven: every receive completes on the stack's event
 * loop, where the echo is checked and timed at once (no thread switch between its arrival and
 * its measurement), and the next receive is posted.
 */
final class EchoReader {

  private final SctpChannel ch;
  private final EchoStats stats;
  private final Events events;
  private final Semaphore window;
  private final ByteBuffer buf;
  private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  EchoReader(SctpChannel ch, EchoStats stats, Events events, Semaphore window, int size) {
    this.ch = ch;
    this.stats = stats;
    this.events = events;
    this.window = window;
    this.buf = ByteBuffer.allocate(Math.max(size, 1 << 16));
  }

  void start() {
    next();
  }

  /** Whether receiving goes on (the association has not ended). */
  boolean isAlive() {
    return !done.isDone();
  }

  private void next() {
    while (!done.isDone()) {
      buf.clear();
      CompletableFuture<MessageInfo> f = ch.receiveAsync(buf, null, this::onNotification);
      if (!f.isDone()) {
        f.whenComplete((info, error) -> {
          if (handle(info, error)) {
            next();
          }
        });
        return;
      }
      MessageInfo info = null;
      Throwable error = null;
      try {
        info = f.join();
      } catch (CompletionException e) {
        error = e.getCause();
      }
      if (!handle(info, error)) {
        return;
      }
    }
  }

  /**
   * Prints the notification; a message that the stack hands back unsent is taken back from the
   * count of sent messages, so that the RESULT line counts only what went.
   */
  private HandlerResult onNotification(Notification n, Void attachment) {
    if (n instanceof SendFailedNotification f && !f.dataSent()) {
      ByteBuffer b = f.buffer();
      byte[] data = new byte[b.remaining()];
      b.get(data);
      if (stats.unsent(data, data.length, f.streamNumber())) {
        window.release();
      }
    }
    return events.handleNotification(n, attachment);
  }

  /** Handles one receive; returns whether to go on. */
  private boolean handle(MessageInfo info, Throwable error) {
    long now = System.nanoTime();
    if (error != null) {
      if (!(error instanceof ClosedChannelException)) {
        events.line("receive failed: " + error);
      }
      done.complete(null);
      return false;
    }
    if (info == null) {
      return true;
    }
    if (info.bytes() < 0) {
      done.complete(null);
      return false;
    }
    partial.write(buf.array(), 0, info.bytes());
    if (!info.isComplete()) {
      return true;
    }
    byte[] data = partial.toByteArray();
    partial.reset();
    if (!stats.echoed(data, data.length, info.streamNumber(), now)) {
      events.line("mismatched echo of " + data.length + " bytes on stream " + info.streamNumber());
    }
    window.release();
    return true;
  }
}
