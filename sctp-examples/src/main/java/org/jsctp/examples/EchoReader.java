package org.jsctp.examples;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.jsctp.netty.HandlerResult;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.Notification;
import org.jsctp.netty.PartialDeliveryNotification;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SendFailedNotification;

/**
 * The echo client's receiving side, event-driven: every receive completes on the stack's event
 * loop, where the echo is checked and timed at once (no thread switch between its arrival and
 * its measurement), and the next receive is posted. Pieces are joined per stream and kind: with
 * I-DATA those of different streams interleave.
 */
final class EchoReader {

  private final SctpChannel ch;
  private final EchoStats stats;
  private final Events events;
  private final Semaphore window;
  private final ByteBuffer buf;
  private final Reassembler<MessageKey> pieces;
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  /**
   * @param size the size of every message: a longer echo is a mismatch
   * @param streams the streams messages go out on, each with at most one unfinished echo
   */
  EchoReader(SctpChannel ch, EchoStats stats, Events events, Semaphore window, int size, int streams) {
    this.ch = ch;
    this.stats = stats;
    this.events = events;
    this.window = window;
    this.buf = ByteBuffer.allocate(Math.max(size, 1 << 16));
    this.pieces = new Reassembler<>(size, (long) size * streams);
  }

  void start() {
    new ReceiveLoop(
            () -> {
              buf.clear();
              return ch.receiveAsync(buf, null, this::onNotification);
            },
            this::handle,
            done::isDone)
        .run();
  }

  /** Whether receiving goes on (the association has not ended). */
  boolean isAlive() {
    return !done.isDone();
  }

  /**
   * Prints the notification. A message the stack hands back frees its place in the window: without
   * a PR-SCTP policy, one that never left is taken back from the count of sent messages, so that
   * the RESULT line counts only what went; with one, it was abandoned, and is counted so without a
   * line of its own (the client sums them up at the end). The pieces of an echo the server
   * abandoned are dropped.
   */
  private HandlerResult onNotification(Notification n, Void attachment) {
    if (n instanceof SendFailedNotification f) {
      ByteBuffer b = f.buffer();
      byte[] data = new byte[b.remaining()];
      b.get(data);
      if (stats.handedBack(data, data.length, f.streamNumber(), f.dataSent())) {
        window.release();
        if (stats.countsAbandoned()) {
          return HandlerResult.CONTINUE;
        }
      }
    } else if (n instanceof PartialDeliveryNotification p) {
      pieces.forget(new MessageKey(p.association(), p.streamNumber(), p.unordered()));
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
    buf.flip();
    Reassembler.Outcome outcome = pieces.add(MessageKey.of(info), buf, info.isComplete());
    if (outcome instanceof Reassembler.Refused) {
      stats.oversized(now);
      events.line("mismatched echo on stream " + info.streamNumber() + ": more bytes than sent");
      window.release();
      return true;
    }
    if (!(outcome instanceof Reassembler.Whole whole)) {
      return true;
    }
    ByteBuffer message = whole.message();
    byte[] data = new byte[message.remaining()];
    message.get(data);
    EchoStats.Echo echo = stats.echoed(data, data.length, info.streamNumber(), now);
    if (echo == EchoStats.Echo.MISMATCHED) {
      events.line("mismatched echo of " + data.length + " bytes on stream " + info.streamNumber());
    }
    if (echo != EchoStats.Echo.LATE) {
      // A late echo's place was freed when its message was handed back: freeing it again would
      // widen the window, and overflow the permits of an unlimited one (--rate).
      window.release();
    }
    return true;
  }
}
