package org.jsctp.netty;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.AcceptPendingException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetBoundException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jsctp.netty.ha.HaStatistics;
import org.jsctp.netty.ha.StateReplicator;

/** The listening one-to-one channel: accepts associations into new {@link SctpChannelImpl}s. */
final class SctpServerChannelImpl extends SctpServerChannel {

  private static final int DEFAULT_BACKLOG = 128;

  private final SctpStack stack;
  private final ChannelOptions opts;
  private final ChannelBinding binding;
  private final ReentrantLock lock;
  private final Condition readyChanged;
  private final ArrayDeque<SctpChannelImpl> ready = new ArrayDeque<>();
  private CompletableFuture<SctpChannel> asyncAccept;
  private int waiting;
  private int backlog = DEFAULT_BACKLOG;

  SctpServerChannelImpl(SctpStack stack) {
    this.stack = stack;
    this.opts = new ChannelOptions(stack.config());
    this.binding = new ChannelBinding(stack, opts, "one-to-one");
    this.lock = binding.lock;
    this.readyChanged = lock.newCondition();
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

  @Override
  public SctpServerChannel bind(SocketAddress local) throws IOException {
    return bind(local, 0);
  }

  @Override
  public SctpServerChannel bind(SocketAddress local, int backlog) throws IOException {
    binding.bind(local, true, () -> {}, rt -> listen(rt, backlog > 0 ? backlog : DEFAULT_BACKLOG));
    return this;
  }

  /** Starts accepting associations (event loop). */
  private void listen(EndpointRuntime rt, int backlog) {
    lock.lock();
    try {
      this.backlog = backlog;
    } finally {
      lock.unlock();
    }
    rt.accept(this::adopt);
  }

  /** Takes a new passive association (event loop); null refuses it. */
  private AssociationOwner adopt(AssociationHandle h) {
    lock.lock();
    try {
      if (!binding.isOpen() || waiting >= backlog) {
        return null;
      }
      waiting++;
    } finally {
      lock.unlock();
    }
    EndpointRuntime rt = h.runtime;
    SctpChannelImpl ch = new SctpChannelImpl(stack, opts.copy(), rt, h);
    ch.onUp(this::ready);
    rt.retain();
    opts.applyTo(h.core);
    return ch;
  }

  /** An adopted association came up (event loop): hand it to accept. */
  private void ready(SctpChannelImpl ch) {
    CompletableFuture<SctpChannel> f = null;
    boolean open;
    lock.lock();
    try {
      open = binding.isOpen();
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
    binding.bindAddress(address);
    return this;
  }

  @Override
  public SctpServerChannel unbindAddress(InetAddress address) throws IOException {
    binding.unbindAddress(address);
    return this;
  }

  @Override
  public Set<SocketAddress> getAllLocalAddresses() throws IOException {
    return binding.localAddresses();
  }

  @Override
  public SctpChannel accept() throws IOException {
    return accept(null);
  }

  @Override
  public SctpChannel accept(Duration timeout) throws IOException {
    Blocking.checkNotOnLoop(stack);
    binding.bound();
    long nanos = Blocking.nanos(timeout);
    boolean forever = nanos < 0;
    lock.lock();
    try {
      while (ready.isEmpty()) {
        if (!binding.isOpen()) {
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
      if (!binding.isOpen()) {
        return CompletableFuture.failedFuture(new ClosedChannelException());
      }
      if (binding.runtime() == null) {
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
  public SctpServerChannel replicateWith(StateReplicator replicator, Duration addressWait)
      throws IOException {
    binding.replicateWith(new HaSetup(replicator, addressWait));
    return this;
  }

  @Override
  public HaStatistics haStatistics() throws IOException {
    binding.checkOpen();
    EndpointRuntime rt = binding.runtime();
    return rt == null
        ? HaStatistics.NONE
        : Blocking.await(rt.call(rt::haStatistics), -1, "haStatistics");
  }

  @Override
  public Set<SctpSocketOption<?>> supportedOptions() {
    return Options.SERVER;
  }

  @Override
  public <T> T getOption(SctpSocketOption<T> name) throws IOException {
    check(name);
    return binding.getOption(name, null, rt -> new Options.Target(opts, true, null, rt, null));
  }

  @Override
  public <T> SctpServerChannel setOption(SctpSocketOption<T> name, T value) throws IOException {
    check(name);
    binding.setOption(
        name,
        value,
        rt -> {
          Options.set(name, value, new Options.Target(opts, true, null, rt, null));
          rt.endpoint.setDefaultOptions(opts.associationOptions());
        });
    return this;
  }

  private void check(SctpSocketOption<?> name) throws ClosedChannelException {
    binding.checkOption(name, Options.SERVER, "a server channel");
  }

  @Override
  public void close() throws IOException {
    List<SctpChannelImpl> unaccepted;
    CompletableFuture<SctpChannel> f;
    lock.lock();
    try {
      if (!binding.close()) {
        return;
      }
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
    binding.release(rt -> rt.accept(null));
  }

  @Override
  public String toString() {
    EndpointRuntime rt = binding.runtime();
    return "SctpServerChannel["
        + (binding.isOpen() ? "open" : "closed")
        + (rt == null ? "" : ", " + rt)
        + "]";
  }
}
