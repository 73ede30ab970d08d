package org.jsctp.netty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jsctp.api.PrPolicy;
import org.jsctp.netty.option.DefaultSendParam;
import org.jsctp.netty.option.PrInfo;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.wire.Bytes;

/** Turns a send call's buffer and {@link MessageInfo} into a message for the core. */
final class OutgoingMessages {

  /** A channel's own step of a send: checks it, prepares the message and hands it to the loop. */
  interface Submit {
    /** Returns null when the bytes went into a message SCTP_EXPLICIT_COMPLETE keeps open. */
    PendingSend submit(ByteBuffer src, MessageInfo info, boolean blocking) throws IOException;
  }

  private OutgoingMessages() {}

  /** A blocking send of a channel; returns the bytes sent, once the send buffer took them. */
  static int send(
      SctpStack stack, ByteBuffer src, MessageInfo info, Duration timeout, Submit submit)
      throws IOException {
    Blocking.checkNotOnLoop(stack);
    int n = src.remaining();
    PendingSend p = submit.submit(src, info, true);
    // A send that found room has returned already (PendingSend.detached).
    if (p != null && !p.detached) {
      Blocking.awaitSend(p, Blocking.nanos(timeout));
    }
    return n;
  }

  /** An asynchronous send of a channel; the future carries the bytes sent. */
  static CompletableFuture<Integer> sendAsync(ByteBuffer src, MessageInfo info, Submit submit) {
    try {
      int n = src.remaining();
      PendingSend p = submit.submit(src, info, false);
      return p == null ? CompletableFuture.completedFuture(n) : p.future.thenApply(x -> n);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Copies the buffer's remaining bytes (its position advances to its limit) and builds the pending
   * send, with the channel's default send parameters when {@code info} is null. Returns null when
   * the bytes were only added to a message that SCTP_EXPLICIT_COMPLETE keeps open. A null {@code
   * staging} takes every send as a whole message.
   *
   * @param now the current time of the stack's ticker, where a time-to-live starts
   */
  static PendingSend prepare(
      ByteBuffer src,
      MessageInfo info,
      ChannelOptions opts,
      MessageStaging staging,
      long sndbuf,
      boolean blocking,
      long now)
      throws IOException {
    Objects.requireNonNull(src, "src");
    DefaultSendParam d = opts.defaultSend();
    int stream = info != null ? info.streamNumber() : d.stream();
    int ppid = info != null ? info.payloadProtocolID() : d.payloadProtocolId();
    boolean unordered = info != null ? info.isUnordered() : d.unordered();
    long ttl = info != null ? info.timeToLive() : d.timeToLive();
    long context = info != null ? 0 : d.context();
    boolean complete = info == null || info.isComplete();
    byte[] data = new byte[src.remaining()];
    src.get(data);
    if (staging != null && opts.explicitComplete()) {
      data = staging.add(stream, data, complete, sndbuf);
      if (data == null) {
        return null;
      }
    }
    PrInfo pr = info != null && info.prPolicy() != null
        ? new PrInfo(info.prPolicy(), info.prPolicy() == PrPolicy.NONE ? 0 : info.prValue())
        : opts.defaultPrInfo;
    PrPolicy policy = pr.policy();
    int value = pr.value();
    if (policy == PrPolicy.NONE && ttl > 0) {
      // A lifetime without a policy is timed reliability, as in usrsctp and Linux.
      policy = PrPolicy.TTL;
      value = (int) Math.min(ttl, Integer.MAX_VALUE);
    }
    long lifetime = policy == PrPolicy.TTL ? value : ttl;
    long expiresAt = lifetime > 0 ? now + lifetime * 1_000_000L : Long.MAX_VALUE;
    PendingSend p = new PendingSend(
        new OutgoingMessage(stream, ppid, unordered, false, Bytes.wrap(data), context, expiresAt,
            policy, value),
        blocking);
    p.confirms = info != null ? info.confirms() : null;
    return p;
  }

  /**
   * Checks the stream, prepares the message and hands it to the association's event loop. Returns
   * null when the bytes went into a message SCTP_EXPLICIT_COMPLETE keeps open.
   */
  static PendingSend submit(
      AssociationHandle h,
      ByteBuffer src,
      MessageInfo info,
      ChannelOptions opts,
      MessageStaging staging,
      boolean blocking)
      throws IOException {
    int stream = info != null ? info.streamNumber() : opts.defaultSend().stream();
    int out = h.api.maxOutboundStreams();
    if (out > 0 && stream >= out) {
      throw new InvalidStreamException(
          "stream " + stream + " is outside the association's " + out + " outbound streams");
    }
    long sndbuf;
    boolean wholeChunksOnly;
    opts.lock.lock();
    try {
      sndbuf = opts.template.sndbuf();
      wholeChunksOnly = opts.template.disableFragments();
    } finally {
      opts.lock.unlock();
    }
    PendingSend p = prepare(src, info, opts, staging, sndbuf, blocking, h.runtime.now());
    // Not with SCTP_DISABLE_FRAGMENTS: a message too big for one chunk must fail in the caller.
    // Room in the send buffer: the caller returns at once (see PendingSend.detached).
    if (p != null && blocking && !wholeChunksOnly) {
      h.tryDetach(p);
    }
    if (p != null) {
      try {
        h.runtime.execute(() -> h.send(p, h.runtime.now()));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        throw new java.nio.channels.ClosedChannelException();
      }
    }
    return p;
  }
}
