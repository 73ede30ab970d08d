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
import java.nio.channels.UnsupportedAddressTypeException;
import java.nio.charset.StandardCharsets;
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
import org.jsctp.wire.Bytes;
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
    this.receiver = new Receiver(inbox, opts::fragmentInterleave, stack.ticker());
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
      port = checkPeers(remotes, ips);
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
              closeQuietly();
            }
          });
      return f;
    } finally {
      lock.unlock();
    }
  }

  /** Checks the remote addresses: resolved, one SCTP port, allowed; fills {@code ips}. */
  int checkPeers(Collection<? extends SocketAddress> remotes, List<InetAddress> ips) {
    if (remotes == null || remotes.isEmpty()) {
      throw new IllegalArgumentException("connect needs at least one remote address");
    }
    int port = -1;
    for (SocketAddress r : remotes) {
      if (!(r instanceof InetSocketAddress isa)) {
        throw new UnsupportedAddressTypeException();
      }
      if (isa.isUnresolved()) {
        throw new IllegalArgumentException("unresolved address: " + isa);
      }
      if (isa.getPort() <= 0) {
        throw new IllegalArgumentException(
            "remote SCTP port out of range 1..65535: " + isa.getPort());
      }
      if (port != -1 && isa.getPort() != port) {
        throw new IllegalArgumentException(
            "all remote addresses of one association need the same SCTP port");
      }
      port = isa.getPort();
      if (!stack.allowsPeer(isa.getAddress())) {
        throw new IllegalArgumentException(
            "peer address "
                + isa.getAddress().getHostAddress()
                + " is outside the stack's allowed peer addresses");
      }
      ips.add(isa.getAddress());
    }
    return port;
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
    startShutdown(h);
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
    startShutdown(h);
    return h.closed;
  }

  private static void startShutdown(AssociationHandle h) {
    h.markLocalShutdown();
    h.runtime.execute(() -> h.core.shutdown(h.runtime.now()));
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
          abort(h, "linger time expired");
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
        abort(h, "closed with SO_LINGER 0");
      } else if (unread > 0) {
        abort(h, "closed with " + unread + " bytes unread");
      } else {
        startShutdown(h);
      }
    }
    binding.release(null);
    return h == null ? CompletableFuture.completedFuture(null) : h.closed;
  }

  /** For {@link SctpStack#close()}: abort instead of a graceful shutdown. */
  void abortAndClose() {
    AssociationHandle h = handle;
    if (h != null && h.live()) {
      abort(h, "stack closing");
    }
    closeAsync();
  }

  private void closeQuietly() {
    closeAsync();
  }

  private static void abort(AssociationHandle h, String reason) {
    h.runtime.execute(
        () -> h.core.abort(h.runtime.now(), Bytes.wrap(reason.getBytes(StandardCharsets.UTF_8))));
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
    InetSocketAddress p = peerAddress(peer);
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

  static InetSocketAddress peerAddress(SocketAddress peer) {
    if (peer == null) {
      return null;
    }
    if (!(peer instanceof InetSocketAddress isa) || isa.isUnresolved()) {
      throw new IllegalArgumentException("not a resolved peer address: " + peer);
    }
    return isa;
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
    Blocking.checkNotOnLoop(stack);
    return receiver.receive(dst, attachment, handler, Blocking.nanos(timeout));
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
    if (h.localShutdown() || h.ended() || h.peerShutdown()) {
      throw new ClosedChannelException();
    }
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
    return Blocking.await(h.runtime.call(h::bufferedAmount), -1, "bufferedAmount");
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
      try {
        l.run();
      } catch (RuntimeException e) {
        LOG.warn("buffered-amount-low listener failed", e);
      }
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
