package org.jsctp.netty;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ConnectionPendingException;
import java.nio.channels.NoConnectionPendingException;
import java.nio.channels.NotYetBoundException;
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
  private final Object lock = new Object();
  private volatile EndpointRuntime runtime;
  private volatile AssociationHandle handle;
  private CompletableFuture<Void> connecting;
  private volatile boolean open = true;
  private boolean runtimeReleased;
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
    this.runtime = runtime;
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
    if (!open) {
      throw new ClosedChannelException();
    }
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  // ---- binding -------------------------------------------------------------------------------

  @Override
  public SctpChannel bind(SocketAddress local) throws IOException {
    Blocking.checkNotOnLoop(stack);
    InetSocketAddress isa = LocalAddresses.checkBind(local);
    synchronized (lock) {
      checkOpen();
      if (runtime != null) {
        throw new AlreadyBoundException();
      }
      if (connecting != null) {
        throw new ConnectionPendingException();
      }
      runtime =
          Blocking.await(
              EndpointRuntime.open(
                  stack, opts, LocalAddresses.expand(isa), isa.getPort(), false, "one-to-one"),
              -1,
              "bind");
    }
    return this;
  }

  @Override
  public SctpChannel bindAddress(InetAddress address) throws IOException {
    LocalBinding.add(stack, bound(), address);
    return this;
  }

  @Override
  public SctpChannel unbindAddress(InetAddress address) throws IOException {
    LocalBinding.remove(stack, bound(), address);
    return this;
  }

  private EndpointRuntime bound() throws IOException {
    checkOpen();
    EndpointRuntime rt = runtime;
    if (rt == null) {
      throw new NotYetBoundException();
    }
    return rt;
  }

  @Override
  public Set<SocketAddress> getAllLocalAddresses() throws IOException {
    checkOpen();
    return LocalBinding.addresses(runtime);
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
    synchronized (lock) {
      if (!open) {
        return CompletableFuture.failedFuture(new ClosedChannelException());
      }
      if (handle != null) {
        return CompletableFuture.failedFuture(new AlreadyConnectedException());
      }
      if (connecting != null) {
        return CompletableFuture.failedFuture(new ConnectionPendingException());
      }
      CompletableFuture<EndpointRuntime> bound;
      if (runtime != null) {
        bound = CompletableFuture.completedFuture(runtime);
      } else {
        try {
          bound =
              EndpointRuntime.open(
                  stack, opts, LocalAddresses.forPeers(ips), 0, false, "one-to-one");
        } catch (IOException e) {
          return CompletableFuture.failedFuture(e);
        }
      }
      CompletableFuture<Void> f =
          bound
              .thenCompose(
                  rt -> {
                    synchronized (lock) {
                      runtime = rt;
                      if (!open) {
                        releaseRuntime();
                        return CompletableFuture.failedFuture(new ClosedChannelException());
                      }
                    }
                    return rt.call(
                        () -> {
                          // Under the lock, so that a concurrent close either sees the association
                          // or prevents it.
                          synchronized (lock) {
                            if (!open) {
                              throw new ClosedChannelException();
                            }
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
                          }
                        });
                  })
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
    if (!open) {
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
    synchronized (lock) {
      if (!open) {
        h = handle;
        return h == null ? CompletableFuture.completedFuture(null) : h.closed;
      }
      open = false;
      h = handle;
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
    synchronized (lock) {
      releaseRuntime();
    }
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

  private void releaseRuntime() {
    EndpointRuntime rt = runtime;
    if (rt != null && !runtimeReleased && !open) {
      runtimeReleased = true;
      try {
        rt.execute(rt::release);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // the stack is closing: its loops are gone
      }
    }
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
    EndpointRuntime rt = runtime;
    if (rt == null) {
      return name.type().cast(Options.get(name, new Options.Target(opts, true, null, null, p)));
    }
    return name.type()
        .cast(Blocking.await(rt.call(() -> Options.get(name, target(rt, p))), -1, "getOption"));
  }

  @Override
  public <T> SctpChannel setOption(SctpSocketOption<T> name, T value) throws IOException {
    checkOption(name);
    EndpointRuntime rt = runtime;
    if (rt == null) {
      Options.set(name, value, new Options.Target(opts, true, null, null, null));
      return this;
    }
    Blocking.await(
        rt.call(
            () -> {
              Options.set(name, value, target(rt, null));
              return null;
            }),
        -1,
        "setOption");
    return this;
  }

  private Options.Target target(EndpointRuntime rt, InetSocketAddress peer) {
    AssociationHandle h = handle;
    return new Options.Target(opts, true, h != null && h.live() ? h.core : null, rt, peer);
  }

  private void checkOption(SctpSocketOption<?> name) throws ClosedChannelException {
    Objects.requireNonNull(name, "name");
    checkOpen();
    if (!Options.ONE_TO_ONE.contains(name)) {
      throw new UnsupportedOperationException(
          name.name() + " is not supported by a one-to-one channel");
    }
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
    if (!open) {
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
    Blocking.checkNotOnLoop(stack);
    int n = src.remaining();
    PendingSend p = submit(src, messageInfo, true);
    if (p != null) {
      if (!p.detached) {
        Blocking.awaitSend(p, Blocking.nanos(timeout));
      }
    }
    return n;
  }

  @Override
  public CompletableFuture<Integer> sendAsync(ByteBuffer src, MessageInfo messageInfo) {
    try {
      int n = src.remaining();
      PendingSend p = submit(src, messageInfo, false);
      return p == null ? CompletableFuture.completedFuture(n) : p.future.thenApply(x -> n);
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
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
    return open && h != null && !h.ended() && h.writable();
  }

  @Override
  public void setBufferedAmountLowListener(Runnable listener) {
    this.lowListener = listener;
  }

  // ---- the association's owner (event loop) --------------------------------------------------

  @Override
  public void deliver(AssociationHandle h, MessageReceived m) {
    if (inbox.isClosed()) {
      // Closed: what still arrives is acknowledged and dropped, as a closed socket does.
      h.consumed(m.data().length());
      return;
    }
    inbox.deliver(h, m);
  }

  @Override
  public void notify(AssociationHandle h, Notification n) {
    if (open && Notifications.subscribed(opts.events(), n)) {
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
    if (l != null && open) {
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
        + (open ? "open" : "closed")
        + (h == null ? "" : ", association " + h.id())
        + "]";
  }
}
