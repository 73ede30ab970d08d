package org.jsctp.netty.channel;

import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.sctp.SctpMessage;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.SctpChannel;

/**
 * The outbound side of a {@link JsctpSctpChannel}: flushed {@link SctpMessage}s go to jsctp's
 * asynchronous send with their stream, PPID and unordered flag, and a write's promise completes
 * when jsctp has accepted the message into the association's send buffer, as a kernel socket's
 * write completes once its buffer took the bytes; a message jsctp refuses fails its own promise.
 *
 * <p>A message stays in Netty's outbound buffer until jsctp accepted it, and at most one send
 * buffer (SO_SNDBUF) of messages is handed to jsctp and not accepted yet: while the association's
 * send buffer is full, messages wait in Netty's outbound buffer, which makes the channel unwritable
 * past its high water mark, and writable again as the peer acknowledges data. So the channel's
 * writability follows jsctp's send buffer, and a writer that respects it never meets jsctp's {@code
 * SendBufferFullException}.
 *
 * <p>jsctp copies a message's bytes when it is handed over, and accepts messages in the order they
 * were handed over; acceptances come back through the channel's event loop, where they complete the
 * promises in that order. All state but the scheduling flag is confined to the event loop.
 */
final class MessageWriter {

  private record Submitted(Object message, int bytes, CompletableFuture<Integer> accepted) {}

  private final JsctpSctpChannel channel;
  private final SctpChannel ch;
  private final ArrayDeque<Submitted> submitted = new ArrayDeque<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final Runnable drain = this::drain;
  private long submittedBytes;

  MessageWriter(JsctpSctpChannel channel, SctpChannel ch) {
    this.channel = channel;
    this.ch = ch;
  }

  /**
   * {@code doWrite}: hands the flushed messages not handed over yet to jsctp, while there is room.
   */
  void write(ChannelOutboundBuffer in) throws Exception {
    if (in.size() <= submitted.size()) {
      return;
    }
    long limit = channel.jsctpConfig().sendBufferLimit();
    if (!submitted.isEmpty() && submittedBytes >= limit) {
      return;
    }
    int[] skip = {submitted.size()};
    in.forEachFlushedMessage(
        msg -> {
          if (skip[0] > 0) {
            skip[0]--;
            return true;
          }
          SctpMessage m = (SctpMessage) msg;
          int n = m.content().readableBytes();
          if (!submitted.isEmpty() && submittedBytes + n > limit) {
            return false;
          }
          submit(m, n);
          return true;
        });
  }

  private void submit(SctpMessage m, int bytes) {
    CompletableFuture<Integer> f;
    if (bytes == 0) {
      // As Netty's NIO channel: an empty message sends nothing and succeeds.
      f = CompletableFuture.completedFuture(0);
    } else {
      try {
        MessageInfo info =
            MessageInfo.createOutgoing(null, m.streamIdentifier())
                .payloadProtocolID(m.protocolIdentifier())
                .unordered(m.isUnordered());
        f = ch.sendAsync(m.content().nioBuffer(), info);
      } catch (RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
    }
    submitted.addLast(new Submitted(m, bytes, f));
    submittedBytes += bytes;
    f.whenComplete((n, e) -> scheduleDrain());
  }

  private void scheduleDrain() {
    if (drainScheduled.compareAndSet(false, true)) {
      // A loop that has shut down failed the outbound buffer when the channel closed.
      Handoff.toLoop(channel, drain, () -> {});
    }
  }

  /** Completes the promises of the messages jsctp took, in order, and hands over more. */
  private void drain() {
    drainScheduled.set(false);
    ChannelOutboundBuffer in = channel.unsafe().outboundBuffer();
    if (in == null) {
      // Closed: Netty failed every promise and released every message already.
      submitted.clear();
      submittedBytes = 0;
      return;
    }
    boolean removed = false;
    while (!submitted.isEmpty() && submitted.peekFirst().accepted.isDone()) {
      Submitted s = submitted.pollFirst();
      submittedBytes -= s.bytes;
      // Entries cancelled before their flush were skipped when handing over; they go first.
      while (in.current() != null && in.current() != s.message) {
        in.remove();
      }
      Throwable failure = failure(s.accepted);
      if (failure == null) {
        in.remove();
      } else {
        in.remove(failure);
      }
      removed = true;
    }
    if (removed) {
      channel.writeMore();
    }
  }

  private static Throwable failure(CompletableFuture<Integer> f) {
    if (!f.isCompletedExceptionally()) {
      return null;
    }
    try {
      f.join();
      return null;
    } catch (java.util.concurrent.CompletionException e) {
      return e.getCause() != null ? e.getCause() : e;
    } catch (java.util.concurrent.CancellationException e) {
      return e;
    }
  }
}
