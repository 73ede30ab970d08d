package org.jsctp.netty;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ConnectionPendingException;
import java.nio.channels.NoConnectionPendingException;
import java.nio.channels.NotYetConnectedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jsctp.api.MessageReceived;
import org.jsctp.netty.SctpStandardSocketOptions.InitMaxStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one-to-one channel: one association, its inbox, its options. */
final class SctpChannelImpl extends SctpChannel implements AssociationOwner {

  private static final Logger LOG = LoggerFactory.getLogger(SctpChannelImpl.class);

  private final SctpStack stack;
  private final ChannelOptions opts;
  private final Inbox inbox = new Inbox(true);
  private final Receiver receiver;
  private final MessageStaging staging = new MessageStaging();
  private final ChannelBinding binding;
  private final ReentrantLock lock;
  private volatile AssociationHandle handle;
  private volatile CompletableFuture<Void> connecting;
  private volatile Runnable lowListener;
  private volatile Consumer<SctpChannelImpl> upListener;

  SctpChannelImpl(SctpStack stack) {
    this(stack, new ChannelOptions(stack.config()), null, null);
  }

  /** A channel on an existing endpoint and association (accepted, or branched off). */
  SctpChannelImpl(
      SctpStack stack, ChannelOptions opts, EndpointRuntime runtime, AssociationHandle handle) {
    this.stack = stack;
    this.opts = opts;
    this.binding =
        runtime == null
            ? new ChannelBinding(stack, opts, "one-to-one")
            : new ChannelBinding(stack, opts, "one-to-one", runtime);
    this.lock = binding.lock;
    this.handle = handle;
    this.receiver = new Receiver(inbox, opts::fragmentInterleave, stack);
    if (handle != null) {
      this.connecting = handle.established;
    }
    stack.opened(this);
  }

  Inbox inbox() {
    return inbox;
  }

  void onUp(Consumer<SctpChannelImpl> listener) {
    this.upListener = listener;
  }

  @Override
  public SctpStack stack() {
    return stack;
  }

  private void checkOpen() throws ClosedChannelException {
    binding.checkOpen();
  }

  @Override
  public boolean isOpen() {
    return binding.isOpen();
  }

  // ---- binding -------------------------------------------------------------------------------

  @Override
  public SctpChannel bind(SocketAddress local) throws IOException {
    binding.bind(
        local,
        false,
        () -> {
          // A connect is binding the channel implicitly.
          if (connecting != null && binding.runtime() == null) {
            throw new ConnectionPendingException();
          }
        },
        null);
    return this;
  }

  @Override
  public SctpChannel bindAddress(InetAddress address) throws IOException {
    binding.bindAddress(address);
    return this;
  }

  @Override
  public SctpChannel unbindAddress(InetAddress address) throws IOException {
    binding.unbindAddress(address);
    return this;
  }

  @Override
  public Set<SocketAddress> getAllLocalAddresses() throws IOException {
    return binding.localAddresses();
  }

  // ---- connecting ----------------------------------------------------------------------------

  @Override
  public boolean connect(SocketAddress remote) throws IOException {
    return connect(List.of(Objects.requireNonNull(remote, "remote")), null);
  }

  @Override
  public boolean connect(SocketAddress remote, int maxOutStreams, int maxInStreams)
      throws IOException {
    setOption(
        SctpStandardSocketOptions.SCTP_INIT_MAXSTREAMS,
        InitMaxStreams.create(maxInStreams, maxOutStreams));
    return connect(remote);
  }

  @Override
  public boolean connect(Collection<? extends SocketAddress> remotes, Duration timeout)
      throws IOException {
    Blocking.checkNotOnLoop(stack);
    CompletableFuture<Void> f = connectAsync(remotes);
    Blocking.await(f, Blocking.nanos(timeout), "connect");
    return true;
  }

  @Override
  public CompletableFuture<Void> connectAsync(Collection<? extends SocketAddress> remotes) {
    List<InetAddress> ips = new ArrayList<>();
    int port;
    try {
      port = PeerAddresses.checkConnect(stack, remotes, ips);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    lock.lock();
    try {
      if (!binding.isOpen()) {
        return CompletableFuture.failedFuture(new ClosedChannelException());
      }
      if (handle != null) {
        return CompletableFuture.failedFuture(new AlreadyConnectedException());
      }
      if (connecting != null) {
        return CompletableFuture.failedFuture(new ConnectionPendingException());
      }
      CompletableFuture<Void> f =
          binding
              .bindForPeers(ips)
              .thenCompose(
                  rt ->
                      rt.call(
                          () -> {
                            // Under the lock, so that a concurrent close either sees the
                            // association or prevents it.
                            lock.lock();
                            try {
                              checkOpen();
                              AssociationHandle h =
                                  rt.connect(
                                      ips,
                                      port,
                                      opts.remoteUdpPort(),
                                      opts.associationOptions(),
                                      this);
                              opts.applyTo(h.core);
                              handle = h;
                              return h;
                            } finally {
                              lock.unlock();
                            }
                          }))
              .thenCompose(h -> h.established);
      connecting = f;
      f.whenComplete(
          (v, err) -> {
            if (err != null) {
              LOG.debug("connect to {} failed: {}", ips, err.toString());
              closeAsync();
            }
          });
      return f;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public CompletableFuture<Void> associationEnded() {
    AssociationHandle h = handle;
    if (h != null) {
      return h.closed.copy();
    }
    CompletableFuture<Void> c = connecting;
    if (c == null) {
      return CompletableFuture.failedFuture(new java.nio.channels.NotYetConnectedException());
    }
    return c.handle((v, e) -> e)
        .thenCompose(e -> {
          AssociationHandle now = handle;
          return e != null || now == null ? CompletableFuture.<Void>completedFuture(null)
              : now.closed.copy();
        });
  }

  @Override
  public boolean isConnectionPending() {
    CompletableFuture<Void> c = connecting;
    return c != null && !c.isDone();
  }

  @Override
  public boolean finishConnect() throws IOException {
    CompletableFuture<Void> c = connecting;
    if (c == null) {
      throw new NoConnectionPendingException();
    }
    Blocking.checkNotOnLoop(stack);
    Blocking.await(c, -1, "connect");
    return true;
  }

  @Override
  public Association association() throws IOException {
    checkOpen();
    AssociationHandle h = handle;
    if (h == null || !h.established.isDone() || h.established.isCompletedExceptionally()) {
      return null;
    }
    return h.api;
  }

  @Override
  public void confirmDelivered(MessageInfo received) throws IOException {
    checkOpen();
    AssociationHandle h = handle;
    if (h == null || received.received() == null || received.association() != h.api) {
      throw new IllegalArgumentException(
          received + " is not a message received on this channel's association");
    }
    h.confirmDelivered(received.received());
  }

  @Override
  public Set<SocketAddress> getRemoteAddresses() throws IOException {
    checkOpen();
    AssociationHandle h = handle;
    return h == null ? Set.of() : h.remoteAddresses();
  }

  // ---- shutdown and close ----------------------------------------------------------------------

  @Override
  public SctpChannel shutdown() throws IOException {
    checkOpen();
    AssociationHandle h = handle;
    if (h == null) {
      throw new NotYetConnectedException();
    }
    h.shutdown();
    return this;
  }

  @Override
  public CompletableFuture<Void> shutdownAsync() {
    AssociationHandle h = handle;
    if (!binding.isOpen()) {
      return CompletableFuture.failedFuture(new ClosedChannelException());
    }
    if (h == null) {
      return CompletableFuture.failedFuture(new NotYetConnectedException());
    }
    h.shutdown();
    return h.closed;
  }

  @Override
  public void close() throws IOException {
    CompletableFuture<Void> done = closeAsync();
    int linger = opts.linger();
    if (linger > 0 && !stack.onLoopThread()) {
      try {
        done.get(linger, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        AssociationHandle h = handle;
        if (h != null) {
          h.abort("linger time expired");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException e) {
        // ended: nothing to wait for
      }
    }
  }

  @Override
  public CompletableFuture<Void> closeAsync() {
    AssociationHandle h;
    lock.lock();
    try {
      h = handle;
      if (!binding.close()) {
        return h == null ? CompletableFuture.completedFuture(null) : h.closed;
      }
    } finally {
      lock.unlock();
    }
    stack.closed(this);
    long unread = inbox.close();
    if (h != null && h.live()) {
      if (opts.linger() == 0) {
        h.abort("closed with SO_LINGER 0");
      } else if (unread > 0) {
        h.abort("closed with " + unread + " bytes unread");
      } else {
        h.shutdown();
      }
    }
    binding.release(null);
    return h == null ? CompletableFuture.completedFuture(null) : h.closed;
  }

  /** For {@link SctpStack#close()}: abort instead of a graceful shutdown. */
  void abortAndClose() {
    AssociationHandle h = handle;
    if (h != null && h.live()) {
      h.abort("stack closing");
    }
    closeAsync();
  }

  // ---- options -------------------------------------------------------------------------------

  @Override
  public Set<SctpSocketOption<?>> supportedOptions() {
    return Options.ONE_TO_ONE;
  }

  @Override
  public <T> T getOption(SctpSocketOption<T> name) throws IOException {
    return getOption(name, null);
  }

  @Override
  public <T> T getOption(SctpSocketOption<T> name, SocketAddress peer) throws IOException {
    checkOption(name);
    InetSocketAddress p = PeerAddresses.ofOption(peer);
    return binding.getOption(name, p, rt -> target(rt, p));
  }

  @Override
  public <T> SctpChannel setOption(SctpSocketOption<T> name, T value) throws IOException {
    checkOption(name);
    binding.setOption(name, value, rt -> Options.set(name, value, target(rt, null)));
    return this;
  }

  private Options.Target target(EndpointRuntime rt, InetSocketAddress peer) {
    AssociationHandle h = handle;
    return new Options.Target(opts, true, h != null && h.live() ? h.core : null, rt, peer);
  }

  private void checkOption(SctpSocketOption<?> name) throws ClosedChannelException {
    binding.checkOption(name, Options.ONE_TO_ONE, "a one-to-one channel");
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
    checkConnected();
    return receiver.receive(dst, attachment, handler, timeout);
  }

  @Override
  public <T> CompletableFuture<MessageInfo> receiveAsync(
      ByteBuffer dst, T attachment, NotificationHandler<T> handler) {
    Objects.requireNonNull(dst, "dst");
    if (!binding.isOpen()) {
      return CompletableFuture.failedFuture(new ClosedChannelException());
    }
    if (handle == null && connecting == null) {
      return CompletableFuture.failedFuture(new NotYetConnectedException());
    }
    return receiver.receiveAsync(dst, attachment, handler);
  }

  /** The association's handle, null before connect. */
  AssociationHandle handle() {
    return handle;
  }

  private void checkConnected() {
    if (handle == null && connecting == null) {
      throw new NotYetConnectedException();
    }
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
    AssociationHandle h = handle;
    if (h == null) {
      throw new NotYetConnectedException();
    }
    h.checkSendable();
    if (info != null && info.association() != null && info.association() != h.api) {
      throw new IllegalArgumentException(
          "the MessageInfo names another association: " + info.association());
    }
    return OutgoingMessages.submit(h, src, info, opts, staging, blocking);
  }

  @Override
  public long bufferedAmount() throws IOException {
    AssociationHandle h = handle;
    if (h == null || h.ended()) {
      return 0;
    }
    return h.awaitBufferedAmount();
  }

  @Override
  public boolean isWritable() {
    AssociationHandle h = handle;
    return binding.isOpen() && h != null && !h.ended() && h.writable();
  }

  @Override
  public void setBufferedAmountLowListener(Runnable listener) {
    this.lowListener = listener;
  }

  // ---- the association's owner (event loop) --------------------------------------------------

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
    Consumer<SctpChannelImpl> l = upListener;
    if (l != null) {
      l.accept(this);
    }
  }

  @Override
  public void ended(AssociationHandle h) {
    inbox.markEnded();
  }

  @Override
  public void bufferedAmountLow(AssociationHandle h) {
    Runnable l = lowListener;
    if (l != null && binding.isOpen()) {
      AssociationOwner.runListener(l);
    }
  }

  @Override
  public String toString() {
    AssociationHandle h = handle;
    return "SctpChannel["
        + (binding.isOpen() ? "open" : "closed")
        + (h == null ? "" : ", association " + h.id())
        + "]";
  }
}
