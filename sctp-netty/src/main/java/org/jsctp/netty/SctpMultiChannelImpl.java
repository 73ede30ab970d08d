package org.jsctp.netty;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jsctp.api.MessageReceived;

/** The one-to-many channel: every association of its endpoint, one inbox. */
final class SctpMultiChannelImpl extends SctpMultiChannel implements AssociationOwner {

  private final SctpStack stack;
  private final ChannelOptions opts;
  private final Inbox inbox = new Inbox(false);
  private final Receiver receiver;
  private final Map<Association, AssociationHandle> associations = new ConcurrentHashMap<>();
  private final Map<Association, MessageStaging> staging = new ConcurrentHashMap<>();
  private final ChannelBinding binding;
  private volatile Consumer<Association> lowListener;

  SctpMultiChannelImpl(SctpStack stack) {
    this.stack = stack;
    this.opts = new ChannelOptions(stack.config());
    this.binding = new ChannelBinding(stack, opts, "one-to-many");
    this.receiver = new Receiver(inbox, opts::fragmentInterleave, stack);
    stack.opened(this);
  }

  @Override
  public SctpStack stack() {
    return stack;
  }

  @Override
  public boolean isOpen() {
    return binding.isOpen();
  }

  private void checkOpen() throws ClosedChannelException {
    binding.checkOpen();
  }

  // ---- binding -------------------------------------------------------------------------------

  @Override
  public SctpMultiChannel bind(SocketAddress local) throws IOException {
    return bind(local, 0);
  }

  @Override
  public SctpMultiChannel bind(SocketAddress local, int backlog) throws IOException {
    binding.bind(local, true, () -> {}, rt -> rt.accept(this::adopt));
    return this;
  }

  private AssociationOwner adopt(AssociationHandle h) {
    if (!binding.isOpen()) {
      return null;
    }
    associations.put(h.api, h);
    opts.applyTo(h.core);
    return this;
  }

  @Override
  public SctpMultiChannel bindAddress(InetAddress address) throws IOException {
    binding.bindAddress(address);
    return this;
  }

  @Override
  public SctpMultiChannel unbindAddress(InetAddress address) throws IOException {
    binding.unbindAddress(address);
    return this;
  }

  @Override
  public Set<SocketAddress> getAllLocalAddresses() throws IOException {
    return binding.localAddresses();
  }

  // ---- associations --------------------------------------------------------------------------

  @Override
  public Set<Association> associations() throws IOException {
    checkOpen();
    return Set.copyOf(associations.keySet());
  }

  private AssociationHandle handleOf(Association association) {
    Objects.requireNonNull(association, "association");
    AssociationHandle h = associations.get(association);
    if (h == null) {
      throw new IllegalArgumentException(
          association + " is not an association of this channel (any more)");
    }
    return h;
  }

  @Override
  public Set<SocketAddress> getRemoteAddresses(Association association) throws IOException {
    checkOpen();
    AssociationHandle h = associations.get(Objects.requireNonNull(association, "association"));
    return h == null ? Set.of() : h.remoteAddresses();
  }

  @Override
  public SctpMultiChannel shutdown(Association association) throws IOException {
    checkOpen();
    handleOf(association).shutdown();
    return this;
  }

  @Override
  public CompletableFuture<Void> shutdownAsync(Association association) {
    try {
      checkOpen();
      // One lookup: a fast shutdown can remove the association before a second one.
      AssociationHandle h = handleOf(association);
      h.shutdown();
      return h.closed;
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public SctpChannel branch(Association association) throws IOException {
    checkOpen();
    AssociationHandle h = handleOf(association);
    EndpointRuntime rt = h.runtime;
    return Blocking.await(
        rt.call(
            () -> {
              if (associations.remove(association) == null || h.ended()) {
                throw new IllegalArgumentException(
                    association + " has ended or was branched already");
              }
              SctpChannelImpl ch = new SctpChannelImpl(stack, opts.copy(), rt, h);
              h.owner(ch);
              rt.retain();
              inbox.moveTo(ch.inbox(), h);
              receiver.forget(h);
              staging.remove(association);
              return (SctpChannel) ch;
            }),
        -1,
        "branch");
  }

  // ---- options -------------------------------------------------------------------------------

  @Override
  public Set<SctpSocketOption<?>> supportedOptions() {
    return Options.ALL;
  }

  @Override
  public <T> T getOption(SctpSocketOption<T> name, Association association) throws IOException {
    return getOption(name, association, null);
  }

  @Override
  public <T> T getOption(SctpSocketOption<T> name, Association association, SocketAddress peer)
      throws IOException {
    check(name);
    InetSocketAddress p = PeerAddresses.ofOption(peer);
    AssociationHandle h = association == null ? null : handleOf(association);
    return binding.getOption(
        name,
        p,
        rt -> new Options.Target(opts, h == null, h != null && h.live() ? h.core : null, rt, p));
  }

  @Override
  public <T> SctpMultiChannel setOption(SctpSocketOption<T> name, T value, Association association)
      throws IOException {
    check(name);
    AssociationHandle h = association == null ? null : handleOf(association);
    binding.setOption(
        name,
        value,
        rt -> {
          if (h != null) {
            Options.set(
                name, value, new Options.Target(opts, false, h.live() ? h.core : null, rt, null));
            return;
          }
          Options.set(name, value, new Options.Target(opts, true, null, rt, null));
          rt.endpoint.setDefaultOptions(opts.associationOptions());
          if (name == SctpStandardSocketOptions.SCTP_AUTOCLOSE) {
            // SCTP_AUTOCLOSE is endpoint-wide (RFC 6458 section 8.1.8): every association.
            for (AssociationHandle each : associations.values()) {
              if (each.live()) {
                each.core.options().setAutocloseSeconds((Integer) value);
              }
            }
          }
        });
    return this;
  }

  private void check(SctpSocketOption<?> name) throws ClosedChannelException {
    binding.checkOption(name, Options.ALL, "a one-to-many channel");
  }

  // ---- receiving -----------------------------------------------------------------------------

  @Override
  public <T> MessageInfo receive(ByteBuffer dst, T attachment, NotificationHandler<T> handler)
      throws IOException {
    return receive(dst, attachment, handler, null);
  }

  @Override
  public <T> MessageInfo receive(
      ByteBuffer dst, T attachment, NotificationHandler<T> handler, Duration timeout)
      throws IOException {
    Objects.requireNonNull(dst, "dst");
    checkOpen();
    return receiver.receive(dst, attachment, handler, timeout);
  }

  @Override
  public <T> CompletableFuture<MessageInfo> receiveAsync(
      ByteBuffer dst, T attachment, NotificationHandler<T> handler) {
    Objects.requireNonNull(dst, "dst");
    if (!binding.isOpen()) {
      return CompletableFuture.failedFuture(new ClosedChannelException());
    }
    return receiver.receiveAsync(dst, attachment, handler);
  }

  // ---- sending -------------------------------------------------------------------------------

  @Override
  public int send(ByteBuffer src, MessageInfo messageInfo) throws IOException {
    return send(src, messageInfo, null);
  }

  @Override
  public int send(ByteBuffer src, MessageInfo messageInfo, Duration timeout) throws IOException {
    return OutgoingMessages.send(stack, src, messageInfo, timeout, this::submit);
  }

  @Override
  public CompletableFuture<Integer> sendAsync(ByteBuffer src, MessageInfo messageInfo) {
    return OutgoingMessages.sendAsync(src, messageInfo, this::submit);
  }

  private PendingSend submit(ByteBuffer src, MessageInfo info, boolean blocking)
      throws IOException {
    Objects.requireNonNull(src, "src");
    checkOpen();
    if (info == null) {
      throw new IllegalArgumentException(
          "a one-to-many send needs a MessageInfo naming an association or an address");
    }
    if (info.association() != null) {
      AssociationHandle h = handleOf(info.association());
      h.checkSendable();
      return OutgoingMessages.submit(
          h, src, info, opts, staging.computeIfAbsent(h.api, a -> new MessageStaging()), blocking);
    }
    InetSocketAddress peer = PeerAddresses.checkSend(stack, info.address());
    AssociationHandle existing = find(peer);
    if (existing != null) {
      return OutgoingMessages.submit(
          existing,
          src,
          info,
          opts,
          staging.computeIfAbsent(existing.api, a -> new MessageStaging()),
          blocking);
    }
    // Implicit setup (RFC 6458 section 3.1.1): the message is held by the core until COMM_UP.
    // Without an association there is nothing to continue: the first message is whole.
    PendingSend p =
        OutgoingMessages.prepare(
            src, info, opts, null, Long.MAX_VALUE, blocking, stack.ticker().nanoTime());
    // An unbound channel binds first: the OS's source IP for the peer, ephemeral ports.
    binding
        .bindForPeers(List.of(peer.getAddress()))
        .whenComplete(
            (rt, err) -> {
              if (err != null) {
                p.future.completeExceptionally(err);
                return;
              }
              try {
                rt.execute(
                    () -> {
                      try {
                        AssociationHandle h = find(peer);
                        if (!binding.isOpen()) {
                          p.future.completeExceptionally(new ClosedChannelException());
                          return;
                        }
                        if (h == null) {
                          h =
                              rt.connect(
                                  List.of(peer.getAddress()),
                                  peer.getPort(),
                                  opts.remoteUdpPort(),
                                  opts.associationOptions(),
                                  this);
                          opts.applyTo(h.core);
                          associations.put(h.api, h);
                        }
                        h.send(p, rt.now());
                      } catch (RuntimeException e) {
                        p.future.completeExceptionally(e);
                      }
                    });
              } catch (java.util.concurrent.RejectedExecutionException e) {
                p.future.completeExceptionally(new ClosedChannelException());
              }
            });
    return p;
  }

  private AssociationHandle find(InetSocketAddress peer) {
    for (AssociationHandle h : associations.values()) {
      if (!h.ended() && h.core.peerPort() == peer.getPort() && h.remoteAddresses().contains(peer)) {
        return h;
      }
    }
    return null;
  }

  @Override
  public long bufferedAmount(Association association) throws IOException {
    return handleOf(association).awaitBufferedAmount();
  }

  @Override
  public boolean isWritable(Association association) {
    AssociationHandle h = associations.get(association);
    return binding.isOpen() && h != null && !h.ended() && h.writable();
  }

  @Override
  public void setBufferedAmountLowListener(Consumer<Association> listener) {
    this.lowListener = listener;
  }

  // ---- close ---------------------------------------------------------------------------------

  @Override
  public void close() throws IOException {
    close(false);
  }

  /** For {@link SctpStack#close()}: every association is aborted, none shut down first. */
  void abortAndClose() {
    close(true);
  }

  private void close(boolean abortAll) {
    if (!binding.close()) {
      return;
    }
    stack.closed(this);
    Set<AssociationHandle> unread = inbox.unreadHandles();
    inbox.close();
    int linger = abortAll ? 0 : opts.linger();
    String reason = abortAll ? "stack closing" : "closed with SO_LINGER 0";
    // On the loop, after any implicit setup already queued there: it sees the channel closed or
    // its association is in the map by now.
    binding.release(rt -> endAll(rt, unread, linger, reason));
  }

  /** Shuts down (or aborts) every association and stops accepting; on the loop. */
  private void endAll(
      EndpointRuntime rt, Set<AssociationHandle> unread, int linger, String lingerReason) {
    for (AssociationHandle h : associations.values()) {
      if (!h.live()) {
        continue;
      }
      if (linger == 0 || unread.contains(h)) {
        String reason = linger == 0 ? lingerReason : "closed with data unread";
        h.core.abort(rt.now(), AssociationHandle.abortReason(reason));
      } else {
        h.markLocalShutdown();
        h.core.shutdown(rt.now());
      }
    }
    rt.accept(null);
  }

  // ---- the associations' owner (event loop) ------------------------------------------------

  @Override
  public void deliver(AssociationHandle h, MessageReceived m) {
    inbox.deliver(h, m);
  }

  @Override
  public void notify(AssociationHandle h, Notification n) {
    if (binding.isOpen() && Notifications.subscribed(opts.events(), n)) {
      inbox.notify(h, n);
    }
  }

  @Override
  public void up(AssociationHandle h) {
    associations.putIfAbsent(h.api, h);
  }

  @Override
  public void ended(AssociationHandle h) {
    associations.remove(h.api, h);
    staging.remove(h.api);
  }

  @Override
  public void bufferedAmountLow(AssociationHandle h) {
    Consumer<Association> l = lowListener;
    if (l != null && binding.isOpen()) {
      AssociationOwner.runListener(() -> l.accept(h.api));
    }
  }

  @Override
  public String toString() {
    EndpointRuntime rt = binding.runtime();
    return "SctpMultiChannel["
        + (binding.isOpen() ? "open" : "closed")
        + ", "
        + associations.size()
        + " associations"
        + (rt == null ? "" : ", " + rt)
        + "]";
  }
}
