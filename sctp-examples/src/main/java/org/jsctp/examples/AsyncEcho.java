package org.jsctp.examples;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.SctpMultiChannel;

/**
 * The echo server's loop, event-driven: each receive completes on the stack's event loop, the
 * echo is handed to the stack from there, and the next receive is posted, so a message is echoed
 * without any thread switch. While an association's send buffer is full the loop waits for that
 * send before receiving more (as the blocking version would).
 */
final class AsyncEcho {

  private final SctpMultiChannel ch;
  private final Events events;
  private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
  private final Reassembler pieces = new Reassembler(EchoServerCommand.MAX_MESSAGE);
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  AsyncEcho(SctpMultiChannel ch, Events events) {
    this.ch = ch;
    this.events = events;
  }

  Reassembler reassembler() {
    return pieces;
  }

  /** Starts echoing; the future completes when the channel closes. */
  CompletableFuture<Void> start() {
    next();
    return done;
  }

  private void next() {
    while (!done.isDone()) {
      buf.clear();
      CompletableFuture<MessageInfo> f = ch.receiveAsync(buf, null, events);
      if (!f.isDone()) {
        f.whenComplete((info, error) -> {
          if (handle(info, error)) {
            next();
          }
        });
        return;
      }
      MessageInfo info;
      Throwable error = null;
      try {
        info = f.join();
      } catch (CompletionException e) {
        info = null;
        error = e.getCause();
      }
      if (!handle(info, error)) {
        return;
      }
    }
  }

  /** Handles one receive; returns whether the caller goes on at once. */
  private boolean handle(MessageInfo info, Throwable error) {
    if (error != null) {
      done.complete(null);
      return false;
    }
    if (info == null || info.bytes() < 0) {
      return true;
    }
    buf.flip();
    ByteBuffer message = pieces.add(info.association(), buf, info.isComplete());
    if (message == null) {
      return true;
    }
    CompletableFuture<Integer> sent;
    try {
      // sendAsync copies the bytes before it returns: the receive buffer can be reused.
      sent = ch.sendAsync(message,
          MessageInfo.createOutgoing(info.association(), null, info.streamNumber())
              .payloadProtocolID(info.payloadProtocolID())
              .unordered(info.isUnordered()));
    } catch (RuntimeException e) {
      events.line("association " + info.association().associationID() + ": no echo: " + e);
      return true;
    }
    int id = info.association().associationID();
    if (sent.isDone()) {
      report(sent, id);
      return true;
    }
    sent.whenComplete((n, e) -> {
      report(sent, id);
      next();
    });
    return false;
  }

  private void report(CompletableFuture<Integer> sent, int associationId) {
    if (sent.isCompletedExceptionally()) {
      try {
        sent.join();
      } catch (CompletionException e) {
        events.line("association " + associationId + ": no echo: " + e.getCause());
      }
    }
  }
}
