package org.jsctp.examples;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.jsctp.netty.Association;
import org.jsctp.netty.AssociationChangeNotification;
import org.jsctp.netty.AssociationChangeNotification.AssocChangeEvent;
import org.jsctp.netty.HandlerResult;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.Notification;
import org.jsctp.netty.NotificationHandler;

/**
 * One echo loop, event-driven: each receive completes on the stack's event loop, the echo is handed
 * to the stack from there, and the next receive is posted, so a message is echoed without any
 * thread switch. Pieces are joined per association by the shared {@link Reassembler}; a peer that
 * goes over its limits loses its association, and an association that ends leaves nothing behind.
 *
 * <p>The loop runs on a channel: the server's one-to-many channel, or one association branched off
 * it. What happens when an echo has to wait for room in its send buffer is the {@link Owner}'s
 * choice: the one-to-many loop hands the association to a loop of its own and goes on, so that a
 * peer that does not read its echoes holds back only itself.
 */
final class EchoLoop {

  /**
   * The {@code receiveAsync} of the loop's channel, as a method reference: the one-to-many and the
   * one-to-one channel share no interface.
   */
  interface Receiver {
    CompletableFuture<MessageInfo> receiveAsync(
        ByteBuffer dst, Void attachment, NotificationHandler<Void> handler);
  }

  /** The {@code sendAsync} of the loop's channel, as a method reference. */
  interface Sender {
    CompletableFuture<Integer> sendAsync(ByteBuffer message, MessageInfo info);
  }

  /** What the owner of a loop's channel decides and does for the loop. */
  interface Owner {
    /**
     * An echo on {@code association} waits for room in the send buffer. Returns true when this loop
     * is to wait for it before receiving more, false to go on at once.
     */
    boolean mustWait(Association association, CompletableFuture<Integer> echo);

    /** Ends {@code association} with an ABORT: its peer went over a limit. */
    void abort(Association association);

    /** The loop has stopped: end of stream, or the channel closed. */
    void stopped();
  }

  private final Receiver receiver;
  private final Sender sender;
  private final Owner owner;
  private final Reassembler<Association> pieces;
  private final Events events;
  private final NotificationHandler<Void> handler;
  /** Associations whose failed echo was reported: one line each, however many a peer causes. */
  private final Set<Association> quiet = ConcurrentHashMap.newKeySet();
  private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  EchoLoop(
      Receiver receiver,
      Sender sender,
      Owner owner,
      Reassembler<Association> pieces,
      Events events) {
    this.receiver = receiver;
    this.sender = sender;
    this.owner = owner;
    this.pieces = pieces;
    this.events = events;
    this.handler = this::onNotification;
  }

  /** Starts echoing; the future completes when the loop has stopped. */
  CompletableFuture<Void> start() {
    next();
    return done;
  }

  /** Starts echoing once {@code echo}, an echo of this loop's association, has been taken. */
  CompletableFuture<Void> startAfter(CompletableFuture<Integer> echo) {
    echo.whenComplete((n, e) -> next());
    return done;
  }

  private HandlerResult onNotification(Notification n, Void attachment) {
    if (n instanceof AssociationChangeNotification c && endsMessages(c.event())) {
      pieces.forget(c.association());
      quiet.remove(c.association());
    }
    return events.handleNotification(n, attachment);
  }

  /** The events after which an association sends no more pieces of its unfinished message. */
  static boolean endsMessages(AssocChangeEvent e) {
    // RESTART: the peer's new incarnation starts over (RFC 9260 section 5.2.4).
    return e == AssocChangeEvent.COMM_LOST
        || e == AssocChangeEvent.SHUTDOWN
        || e == AssocChangeEvent.CANT_START
        || e == AssocChangeEvent.RESTART;
  }

  private void next() {
    while (!done.isDone()) {
      buf.clear();
      CompletableFuture<MessageInfo> f = receiver.receiveAsync(buf, null, handler);
      if (!f.isDone()) {
        f.whenComplete(
            (info, error) -> {
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
    if (error != null || (info != null && info.bytes() < 0)) {
      stop();
      return false;
    }
    if (info == null) {
      return true;
    }
    buf.flip();
    Association association = info.association();
    Reassembler.Outcome outcome = pieces.add(association, buf, info.isComplete());
    if (outcome instanceof Reassembler.Refused r) {
      events.line("association " + association.associationID() + " aborted: " + r.reason());
      quiet.remove(association);
      owner.abort(association);
      return true;
    }
    if (!(outcome instanceof Reassembler.Whole whole)) {
      return true;
    }
    CompletableFuture<Integer> sent;
    try {
      // The send copies the bytes before it returns: the receive buffer can be reused.
      sent =
          sender.sendAsync(
              whole.message(),
              MessageInfo.createOutgoing(association, null, info.streamNumber())
                  .payloadProtocolID(info.payloadProtocolID())
                  .unordered(info.isUnordered()));
    } catch (RuntimeException e) {
      noEcho(association, e);
      return true;
    }
    if (sent.isDone()) {
      report(sent, association);
      return true;
    }
    if (!owner.mustWait(association, sent)) {
      // Handed to a loop of its own: this loop hears no more of the association.
      quiet.remove(association);
      sent.whenComplete((n, e) -> report(sent, association));
      return true;
    }
    sent.whenComplete(
        (n, e) -> {
          report(sent, association);
          next();
        });
    return false;
  }

  private void stop() {
    if (done.complete(null)) {
      owner.stopped();
    }
  }

  private void report(CompletableFuture<Integer> sent, Association association) {
    if (sent.isCompletedExceptionally()) {
      try {
        sent.join();
      } catch (CompletionException e) {
        noEcho(association, e.getCause());
      }
    }
  }

  /** Messages read after their association ended cannot be echoed; a line for the first only. */
  private void noEcho(Association association, Throwable why) {
    if (quiet.add(association)) {
      events.line(
          "association "
              + association.associationID()
              + ": no echo: "
              + why
              + " (later failures of this association are not reported)");
    }
  }
}
