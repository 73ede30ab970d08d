package org.jsctp.netty;

import org.jsctp.api.SendFailed;
import org.jsctp.association.SctpAssociation;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jsctp.association.AssociationState;
import java.net.InetAddress;
import org.jsctp.api.SendOutcome;
import org.jsctp.wire.Bytes;

/**
 * The runtime's side of one association: the core association, the API {@link Association} object,
 * the channel it reports to, the sends waiting for room in its send buffer, and the bytes the
 * application has read but the core has not been told about yet.
 *
 * <p>Everything but the volatile flags and {@link #consumed(long)} is confined to the endpoint's
 * event loop.
 */
final class AssociationHandle {

  final EndpointRuntime runtime;
  final SctpAssociation core;
  final Association api;
  final boolean passive;
  final CompletableFuture<Void> established = new CompletableFuture<>();
  final CompletableFuture<Void> closed = new CompletableFuture<>();
  private volatile AssociationOwner owner;
  private final ArrayDeque<PendingSend> parked = new ArrayDeque<>(1);
  private long parkedBytes;
  private final AtomicLong unconsumed = new AtomicLong();
  /** The newest delivery the application confirmed and the core has not been told of yet. */
  private final java.util.concurrent.atomic.AtomicReference<org.jsctp.api.MessageReceived>
      toConfirm = new java.util.concurrent.atomic.AtomicReference<>();
  private volatile boolean ended;
  private volatile boolean peerShutdown;
  private volatile boolean localShutdown;
  private volatile Set<SocketAddress> remoteAddresses = Set.of();
  private volatile boolean writable = true;

  // Blocking sends that find room return at once; their bytes are reserved here until the loop
  // has handed them to the core, and compared with the buffered amount seen at the last refresh.
  private final AtomicLong reserved = new AtomicLong();
  /** Detached sends handed to the loop and not taken yet (any thread adds, the loop removes). */
  private final ConcurrentLinkedQueue<PendingSend> inTransit = new ConcurrentLinkedQueue<>();
  private volatile long bufferedSnapshot;
  private volatile long sndbufSnapshot;

  AssociationHandle(
      EndpointRuntime runtime,
      SctpAssociation core,
      boolean passive,
      AssociationOwner owner) {
    this.runtime = runtime;
    this.core = core;
    this.passive = passive;
    this.owner = owner;
    this.api = new Association(core.id(), core.inboundStreams(), core.outboundStreams());
    refreshAddresses();
    // So that the first blocking send can already return at once when it fits.
    refreshWritable();
  }

  int id() {
    return api.associationID();
  }

  AssociationOwner owner() {
    return owner;
  }

  void owner(AssociationOwner owner) {
    this.owner = owner;
  }

  boolean ended() {
    return ended;
  }

  boolean peerShutdown() {
    return peerShutdown;
  }

  boolean localShutdown() {
    return localShutdown;
  }

  void markLocalShutdown() {
    localShutdown = true;
  }

  /** Starts the graceful shutdown. Any thread. */
  void shutdown() {
    markLocalShutdown();
    runtime.execute(() -> core.shutdown(runtime.now()));
  }

  /** Aborts the association, telling the peer {@code reason}. Any thread. */
  void abort(String reason) {
    runtime.execute(() -> core.abort(runtime.now(), abortReason(reason)));
  }

  /** The upper-layer reason an ABORT carries. */
  static Bytes abortReason(String reason) {
    return Bytes.wrap(reason.getBytes(StandardCharsets.UTF_8));
  }

  /** Refuses a send on an association that is shutting down or has ended. Any thread. */
  void checkSendable() throws ClosedChannelException {
    if (localShutdown || ended || peerShutdown) {
      throw new ClosedChannelException();
    }
  }

  /** The buffered amount, asked of the event loop. Any thread but the loop. */
  long awaitBufferedAmount() throws IOException {
    return Blocking.await(runtime.call(this::bufferedAmount), -1, "bufferedAmount");
  }

  /** The peer's addresses with its SCTP port, as last seen on the event loop. */
  Set<SocketAddress> remoteAddresses() {
    return remoteAddresses;
  }

  void refreshAddresses() {
    Set<SocketAddress> set = new LinkedHashSet<>();
    for (InetAddress address : core.peerAddresses()) {
      set.add(new InetSocketAddress(address, core.peerPort()));
    }
    remoteAddresses = Set.copyOf(set);
  }

  /** The primary path's address with the peer's SCTP port, or null. */
  InetSocketAddress primaryAddress() {
    InetAddress primary = core.options().primaryAddress();
    return primary == null ? null : new InetSocketAddress(primary, core.peerPort());
  }

  /** Whether the core association can take data now or after its handshake. */
  boolean live() {
    return !ended && core.state() != AssociationState.CLOSED;
  }

  // ---- sending (event loop) ----------------------------------------------------------------

  /**
   * Hands a send to the core, or parks it behind earlier ones while the send buffer is full.
   * Asynchronous sends may park at most one send buffer's worth of data; blocking sends always park
   * (their number is bounded by the threads blocked).
   */
  void send(PendingSend p, long now) {
    if (p.detached && !inTransit.remove(p)) {
      // Already reported by failPendingSends: the association ended before the loop got here.
      return;
    }
    try {
      sendNow(p, now);
    } finally {
      if (p.detached) {
        reserved.addAndGet(-p.length);
      }
    }
  }

  private void sendNow(PendingSend p, long now) {
    if (ended) {
      fail(p, new ClosedChannelException());
      return;
    }
    if (!parked.isEmpty()) {
      long limit = Math.max(core.options().current().sndbuf(), p.length);
      if (!p.blocking && parkedBytes + p.length > limit) {
        fail(p,
            new SendBufferFullException(
                "association "
                    + id()
                    + ": the send buffer is full and "
                    + parkedBytes
                    + " bytes already wait for room (SO_SNDBUF "
                    + core.options().current().sndbuf()
                    + "); wait for earlier sends or the buffered-amount-low signal"));
        return;
      }
      park(p);
      return;
    }
    if (!attempt(p, now)) {
      park(p);
    }
    refreshWritable();
  }

  private void park(PendingSend p) {
    parked.addLast(p);
    parkedBytes += p.length;
    runtime.parked(this);
  }

  /** Retries the parked sends in order; returns whether some still wait. */
  boolean resume(long now) {
    while (!parked.isEmpty()) {
      PendingSend p = parked.peekFirst();
      if (p.withdrawn()) {
        parked.pollFirst();
        parkedBytes -= p.length;
        continue;
      }
      if (ended) {
        parked.pollFirst();
        parkedBytes -= p.length;
        fail(p, new ClosedChannelException());
        continue;
      }
      if (!attempt(p, now)) {
        refreshWritable();
        return true;
      }
      parked.pollFirst();
      parkedBytes -= p.length;
    }
    refreshWritable();
    return false;
  }

  /** Bytes queued or unacknowledged in the core plus bytes waiting to enter it. On the loop. */
  long bufferedAmount() {
    return core.bufferedAmount() + parkedBytes;
  }

  /** Whether a send would be taken without waiting, as of the last send or low-water signal. */
  boolean writable() {
    return writable;
  }

  /** Recomputes {@link #writable()}; on the loop. */
  void refreshWritable() {
    if (ended) {
      writable = false;
      return;
    }
    long sndbuf = core.options().current().sndbuf();
    long buffered = core.bufferedAmount();
    bufferedSnapshot = buffered + parkedBytes;
    sndbufSnapshot = sndbuf;
    writable = parked.isEmpty() && buffered < sndbuf;
  }

  /**
   * Any thread: reserves room for a blocking send that need not wait, when the send buffer had
   * room for it (with what other callers reserved) at the last refresh. The caller then detaches
   * the send and returns at once; the loop releases the reservation once it handled the send.
   */
  private boolean tryReserve(int length) {
    if (!writable || ended || sndbufSnapshot == 0) {
      return false;
    }
    long r = reserved.addAndGet(length);
    if (bufferedSnapshot + r <= sndbufSnapshot) {
      return true;
    }
    reserved.addAndGet(-length);
    return false;
  }

  /**
   * Any thread: lets a blocking send return before the loop has taken its message, when the send
   * buffer has room. The send is tracked until the loop takes it, so that an association that ends
   * first still reports it (see {@link #failPendingSends}). False when the send must wait.
   */
  boolean tryDetach(PendingSend p) {
    if (!tryReserve(p.length)) {
      return false;
    }
    p.detached = true;
    inTransit.add(p);
    // Pairs with failPendingSends, which sets ended before it empties inTransit: either it sees
    // this send, or this sees ended and the send waits for its failure like any other.
    if (ended && inTransit.remove(p)) {
      p.detached = false;
      reserved.addAndGet(-p.length);
      return false;
    }
    return true;
  }

  /**
   * On the loop, when the association has ended and before the application is told: every send
   * not taken by the core fails, so that the SEND_FAILED notifications of sends that did not wait
   * come before COMM_LOST and the end of the stream, never after.
   */
  void failPendingSends() {
    ended = true;
    writable = false;
    PendingSend p;
    while ((p = inTransit.poll()) != null) {
      fail(p, new ClosedChannelException());
    }
    while (!parked.isEmpty()) {
      fail(parked.pollFirst(), new ClosedChannelException());
    }
    parkedBytes = 0;
  }

  /**
   * A send failed: its caller learns it from the future, or, when it did not wait, from a
   * SEND_FAILED notification with the data (nothing is lost silently).
   */
  private void fail(PendingSend p, Throwable error) {
    p.future.completeExceptionally(error);
    if (p.detached) {
      AssociationOwner o = owner;
      if (o != null) {
        java.nio.ByteBuffer data = p.message.payload().asReadOnlyByteBuffer();
        o.notify(this, new SendFailedNotification(api, null, data, 0, p.message.streamId(),
            p.message.payloadProtocolId(), p.message.unordered(), false,
            error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage(),
            error instanceof InvalidStreamException ? SendFailed.Cause.INVALID_STREAM
                : error instanceof java.nio.channels.ClosedChannelException
                    ? SendFailed.Cause.ASSOCIATION_ENDED : SendFailed.Cause.REFUSED));
      }
    }
  }

  boolean hasParked() {
    return !parked.isEmpty();
  }

  long parkedBytes() {
    return parkedBytes;
  }

  /** One attempt; false when the send buffer is full (the send stays pending). */
  private boolean attempt(PendingSend p, long now) {
    if (!p.claim()) {
      return true;
    }
    org.jsctp.api.MessageReceived confirms =
        p.confirms != null && p.confirms.associationId() == id() ? p.confirms : null;
    SendOutcome outcome = core.send(now, p.message, confirms);
    switch (outcome) {
      case ACCEPTED -> p.future.complete(p.length);
      case WOULD_BLOCK -> {
        p.unclaim();
        return false;
      }
      case INVALID_STREAM ->
          fail(p,
              new InvalidStreamException(
                  "stream "
                      + p.message.streamId()
                      + " is outside the association's "
                      + streamLimit()
                      + " outbound streams"));
      case MESSAGE_TOO_BIG ->
          fail(p,
              new IOException(
                  "message of "
                      + p.length
                      + " bytes is larger than one DATA chunk ("
                      + core.fragmentSize()
                      + " bytes) and SCTP_DISABLE_FRAGMENTS is on"));
      case NOT_ACCEPTING -> fail(p, new ClosedChannelException());
    }
    return true;
  }

  private int streamLimit() {
    int negotiated = core.outboundStreams();
    return negotiated != 0 ? negotiated : core.options().current().outboundStreams();
  }

  /** The association ended: parked sends fail; their data never reached the core. */
  void end() {
    failPendingSends();
    refreshAddresses();
    closed.complete(null);
    if (!established.isDone()) {
      established.completeExceptionally(
          new java.net.ConnectException("association " + id() + " could not be set up"));
    }
  }

  void peerShutdownReceived() {
    peerShutdown = true;
  }

  // ---- receiving ---------------------------------------------------------------------------

  /**
   * The application read {@code bytes} of this association's data (any thread). The core is told on
   * the event loop, once per batch of reads.
   */
  void consumed(long bytes) {
    if (bytes > 0 && unconsumed.getAndAdd(bytes) == 0) {
      runtime.execute(this::reportConsumed);
    }
  }

  /**
   * The application confirmed the deliveries up to {@code message} (any thread): the core is told
   * on the event loop, once per batch (confirmations are cumulative).
   */
  void confirmDelivered(org.jsctp.api.MessageReceived message) {
    if (toConfirm.getAndSet(message) == null) {
      runtime.execute(this::reportConfirmed);
    }
  }

  private void reportConfirmed() {
    org.jsctp.api.MessageReceived m = toConfirm.getAndSet(null);
    if (m != null && !ended) {
      core.confirmDelivered(runtime.now(), m);
    }
  }

  private void reportConsumed() {
    long bytes = unconsumed.getAndSet(0);
    if (bytes > 0 && !ended) {
      core.consumed(runtime.now(), bytes);
    }
  }

  @Override
  public String toString() {
    return "AssociationHandle[" + id() + " " + core.state() + "]";
  }
}
