package org.jsctp.netty;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.AcceptPendingException;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetBoundException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The listening one-to-one channel: accepts associations into new {@link SctpChannelImpl}s. */
final class SctpServerChannelImpl extends SctpServerChannel {

  private static final int DEFAULT_BACKLOG = 128;

  private final SctpStack stack;
  private final ChannelOptions opts;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition readyChanged = lock.newCondition();
  private final ArrayDeque<SctpChannelImpl> ready = new ArrayDeque<>();
  private CompletableFuture<SctpChannel> asyncAccept;
  private int waiting;
  private int backlog = DEFAULT_BACKLOG;
  private volatile EndpointRuntime runtime;
  private volatile boolean open = true;

  SctpServerChannelImpl(SctpStack stack) {
    this.stack = stack;
    this.opts = new ChannelOptions(stack.config());
    stack.opened(this);
  }

  @Override
  public SctpStack stack() {
    return stack;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  private void checkOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }

  @Override
  public SctpServerChannel bind(SocketAddress local) throws IOException {
    return bind(local, 0);
  }

  @Override
  public SctpServerChannel bind(SocketAddress local, int backlog) throws IOException {
    Blocking.checkNotOnLoop(stack);
    InetSocketAddress isa = LocalAddresses.checkBind(local);
    lock.lock();
    try {
      checkOpen();
      if (runtime != null) {
        throw new AlreadyBoundException();
      }
      this.backlog = backlog > 0 ? backlog : DEFAULT_BACKLOG;
      EndpointRuntime rt =
          Blocking.await(
              EndpointRuntime.open(
                  stack, opts, LocalAddresses.expand(isa), isa.getPort(), true, "one-to-one"),
              -1,
              "bind");
      runtime = rt;
      Blocking.await(
          rt.call(
              () -> {
                rt.accept(this::adopt);
                return null;
              }),
          -1,
          "bind");
    } finally {
      lock.unlock();
    }
    return this;
  }

  /** Takes a new passive association (event loop); null refuses it. */
  private AssociationOwner adopt(AssociationHandle h) {
    lock.lock();
    try {
      if (!open || waiting >= backlog) {
        return null;
      }
      waiting++;
    } finally {
      lock.unlock();
    }
    EndpointRuntime rt = runtime;
    SctpChannelImpl ch = new SctpChannelImpl(stack, opts.copy(), rt, h);
    ch.onUp(this::ready);
    rt.retain();
    opts.applyTo(h.core);
    return ch;
  }

  /** An adopted association came up (event loop): hand it to accept. */
  private void ready(SctpChannelImpl ch) {
    CompletableFuture<SctpChannel> f = null;
    lock.lock();
    try {
      if (!open) {
        waiting--;
      } else if (asyncAccept != null) {
        f = asyncAccept;
        asyncAccept = null;
        waiting--;
      } else {
        ready.addLast(ch);
        readyChanged.signalAll();
      }
    } finally {
      lock.unlock();
    }
    if (!open) {
      ch.closeAsync();
    } else if (f != null) {
      f.complete(ch);
    }
  }

  @Override
  public SctpServerChannel bindAddress(InetAddress address) throws IOException {
    LocalBinding.add(stack, bound(), address);
    return this;
  }

  @Override
  public SctpServerChannel unbindAddress(InetAddress address) throws IOException {
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

  @Override
  public SctpChannel accept() throws IOException {
    return accept(null);
  }

  @Override
  public SctpChannel accept(Duration timeout) throws IOException {
    Blocking.checkNotOnLoop(stack);
    bound();
    long nanos = Blocking.nanos(timeout);
    boolean forever = nanos < 0;
    lock.lock();
    try {
      while (ready.isEmpty()) {
        if (!open) {
          throw new AsynchronousCloseException();
        }
        if (forever) {
          readyChanged.await();
        } else {
          if (nanos <= 0) {
            throw new SocketTimeoutException("accept timed out");
          }
          nanos = readyChanged.awaitNanos(nanos);
        }
      }
      waiting--;
      return ready.pollFirst();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("accept interrupted");
    } finally {
      lock.unlock();
    }
  }

  @Override
  public CompletableFuture<SctpChannel> acceptAsync() {
    lock.lock();
    try {
      if (!open) {
        return CompletableFuture.failedFuture(new ClosedChannelException());
      }
      if (runtime == null) {
        return CompletableFuture.failedFuture(new NotYetBoundException());
      }
      if (asyncAccept != null) {
        return CompletableFuture.failedFuture(new AcceptPendingException());
      }
      if (!ready.isEmpty()) {
        waiting--;
        return CompletableFuture.completedFuture(ready.pollFirst());
      }
      asyncAccept = new CompletableFuture<>();
      return asyncAccept;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Set<SctpSocketOption<?>> supportedOptions() {
    return Options.SERVER;
  }

  @Override
  public <T> T getOption(SctpSocketOption<T> name) throws IOException {
    check(name);
    EndpointRuntime rt = runtime;
    Options.Target t = new Options.Target(opts, true, null, rt, null);
    if (rt == null) {
      return name.type().cast(Options.get(name, t));
    }
    return name.type().cast(Blocking.await(rt.call(() -> Options.get(name, t)), -1, "getOption"));
  }

  @Override
  public <T> SctpServerChannel setOption(SctpSocketOption<T> name, T value) throws IOException {
    check(name);
    EndpointRuntime rt = runtime;
    Options.Target t = new Options.Target(opts, true, null, rt, null);
    if (rt == null) {
      Options.set(name, value, t);
      return this;
    }
    Blocking.await(
        rt.call(
            () -> {
              Options.set(name, value, t);
              rt.endpoint.setDefaultOptions(opts.associationOptions());
              return null;
            }),
        -1,
        "setOption");
    return this;
  }

  private void check(SctpSocketOption<?> name) throws ClosedChannelException {
    Objects.requireNonNull(name, "name");
    checkOpen();
    if (!Options.SERVER.contains(name)) {
      throw new UnsupportedOperationException(
          name.name() + " is not supported by a server channel");
    }
  }

  @Override
  public void close() throws IOException {
    List<SctpChannelImpl> unaccepted;
    CompletableFuture<SctpChannel> f;
    lock.lock();
    try {
      if (!open) {
        return;
      }
      open = false;
      unaccepted = new ArrayList<>(ready);
      ready.clear();
      f = asyncAccept;
      asyncAccept = null;
      readyChanged.signalAll();
    } finally {
      lock.unlock();
    }
    stack.closed(this);
    if (f != null) {
      f.completeExceptionally(new AsynchronousCloseException());
    }
    for (SctpChannelImpl ch : unaccepted) {
      ch.closeAsync();
    }
    EndpointRuntime rt = runtime;
    if (rt != null) {
      try {
        rt.execute(
            () -> {
              rt.accept(null);
              rt.release();
            });
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // the stack is closing
      }
    }
  }

  @Override
  public String toString() {
    EndpointRuntime rt = runtime;
    return "SctpServerChannel[" + (open ? "open" : "closed") + (rt == null ? "" : ", " + rt) + "]";
  }
}
