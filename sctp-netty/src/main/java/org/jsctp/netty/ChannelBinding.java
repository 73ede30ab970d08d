package org.jsctp.netty;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetBoundException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the three channel kinds share about their endpoint: whether the channel is open, the
 * endpoint it is bound to (by {@code bind}, implicitly by a connect or a send, or given to an
 * accepted or branched-off channel), adding and removing local addresses, the local address list,
 * options before and after bind, and letting the endpoint go when the channel closes; and the
 * channel's lock.
 *
 * <h2>Locking of the channels</h2>
 *
 * <p>One discipline for the three channels and everything they share: {@link ReentrantLock}s, no
 * {@code synchronized} and no {@code Object.wait}, so that a virtual thread blocked in a channel
 * call is never pinned to its carrier. Each lock guards one thing:
 *
 * <ul>
 *   <li>{@link #lock}, one per channel: the binding (open flag, binding future) and the channel's
 *       own state: the one-to-one channel's association and connect; the server channel's queue of
 *       accepted channels, pending asynchronous accept, backlog and count of associations waiting.
 *       An accepted or branched-off channel has a lock of its own.
 *   <li>{@link ChannelOptions#lock}: the option values, read and written by application threads and
 *       the event loop (the single values read on every send or receive are volatile).
 *   <li>{@link Inbox}'s lock: received messages and notifications; {@link Receiver} lets one
 *       receive at a time in with a {@link java.util.concurrent.Semaphore}.
 *   <li>{@link MessageStaging}'s lock: messages under construction (SCTP_EXPLICIT_COMPLETE).
 *   <li>{@link SctpStack}'s two locks: the SCTP port reservations, and the counters of released
 *       endpoints with the set of live ones.
 * </ul>
 *
 * <p>Order: a thread holding a channel's lock may take its options', the stack's port lock or its
 * inbox's lock, never the reverse; none of the others is held while taking another. Locks are held
 * for reads and state changes only: nothing waits while holding one. Waits for the event loop
 * (bind, bindAddress, options, connect) happen after unlocking, on futures; waits for data or for
 * an association to accept are {@link java.util.concurrent.locks.Condition} waits, which release
 * the lock ({@link Inbox#take}, {@link SctpServerChannelImpl#accept(java.time.Duration)}). The
 * event loop takes a channel's lock only for short state changes and never waits for an application
 * thread. An asynchronous receive's continuation runs after the inbox's lock is released.
 */
final class ChannelBinding {

  /** A channel's own reason to refuse {@code bind}, checked under the lock. */
  interface BindCheck {
    void check() throws IOException;
  }

  /** Guards {@link #binding} and the channel's own state; never held while waiting. */
  final ReentrantLock lock = new ReentrantLock();

  private final SctpStack stack;
  private final ChannelOptions opts;
  private final String style;
  private CompletableFuture<EndpointRuntime> binding;
  private volatile EndpointRuntime runtime;
  private volatile boolean open = true;
  private HaSetup ha;

  /**
   * @param style "one-to-one" or "one-to-many", for the statistics views
   */
  ChannelBinding(SctpStack stack, ChannelOptions opts, String style) {
    this.stack = stack;
    this.opts = opts;
    this.style = style;
  }

  /** A channel created on an endpoint that exists already (accepted or branched off). */
  ChannelBinding(SctpStack stack, ChannelOptions opts, String style, EndpointRuntime runtime) {
    this(stack, opts, style);
    this.runtime = runtime;
    this.binding = CompletableFuture.completedFuture(runtime);
  }

  boolean isOpen() {
    return open;
  }

  /**
   * Standby takeover for the endpoint this channel binds (docs/ha.md); before bind only.
   *
   * @throws AlreadyBoundException when bound already
   */
  void replicateWith(HaSetup setup) throws ClosedChannelException {
    lock.lock();
    try {
      checkOpen();
      if (binding != null) {
        throw new AlreadyBoundException();
      }
      ha = setup;
    } finally {
      lock.unlock();
    }
  }

  void checkOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }

  /** The endpoint, or null while the channel is not bound (yet). */
  EndpointRuntime runtime() {
    return runtime;
  }

  /**
   * The endpoint of an open, bound channel.
   *
   * @throws ClosedChannelException when closed
   * @throws NotYetBoundException when not bound
   */
  EndpointRuntime bound() throws IOException {
    checkOpen();
    EndpointRuntime rt = runtime;
    if (rt == null) {
      throw new NotYetBoundException();
    }
    return rt;
  }

  /**
   * bind(2): creates the endpoint on {@code local} (an IP or the wildcard, and an SCTP port) and
   * waits for it, then runs {@code onLoop} on its event loop (null: nothing) before returning.
   *
   * @param accepting whether the channel accepts associations (picks the default UDP port)
   * @param refuse the channel's own check, run under the lock before the already-bound check
   */
  void bind(
      SocketAddress local, boolean accepting, BindCheck refuse, Consumer<EndpointRuntime> onLoop)
      throws IOException {
    Blocking.checkNotOnLoop(stack);
    InetSocketAddress isa = LocalAddresses.checkBind(local);
    if (accepting) {
      ColdStartWarmup.ensure();
    }
    CompletableFuture<EndpointRuntime> f;
    lock.lock();
    try {
      checkOpen();
      refuse.check();
      if (binding != null) {
        throw new AlreadyBoundException();
      }
      f = start(LocalAddresses.expand(isa), isa.getPort(), accepting, onLoop);
    } finally {
      lock.unlock();
    }
    Blocking.await(f, -1, "bind");
  }

  /**
   * The endpoint, bound first when the channel is not: to the local IPs the operating system would
   * use for {@code peers}, on ephemeral ports (an implicit bind, for a connect or a send).
   */
  CompletableFuture<EndpointRuntime> bindForPeers(List<InetAddress> peers) {
    lock.lock();
    try {
      if (binding == null) {
        try {
          return start(LocalAddresses.forPeers(peers), 0, false, null);
        } catch (IOException e) {
          return CompletableFuture.failedFuture(e);
        }
      }
      return binding;
    } finally {
      lock.unlock();
    }
  }

  /** Opens the endpoint; a failed bind leaves the channel unbound. Under the lock. */
  private CompletableFuture<EndpointRuntime> start(
      List<InetAddress> ips, int port, boolean accepting, Consumer<EndpointRuntime> onLoop) {
    CompletableFuture<EndpointRuntime> f =
        open(ips, port, accepting)
            .thenCompose(
                rt -> {
                  runtime = rt;
                  return onLoop == null
                      ? CompletableFuture.completedFuture(rt)
                      : rt.call(
                          () -> {
                            onLoop.accept(rt);
                            return rt;
                          });
                });
    binding = f;
    f.whenComplete(
        (rt, err) -> {
          if (err != null) {
            forget(f);
          }
        });
    return f;
  }

  /**
   * Reserves the SCTP port and opens an endpoint with the channel's options; the reservation is
   * given back when opening fails (or, later, when the endpoint is released).
   */
  private CompletableFuture<EndpointRuntime> open(
      List<InetAddress> ips, int port, boolean accepting) {
    int udpPort = opts.udpPortFor(accepting);
    int sctpPort;
    try {
      sctpPort = stack.reservePort(ips, port, holder(accepting, udpPort));
    } catch (BindException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<EndpointRuntime> f;
    try {
      f =
          EndpointRuntime.open(
              stack,
              opts.endpointConfig(),
              ips,
              sctpPort,
              udpPort,
              style,
              opts.associationOptions(),
              accepting ? ha : null);
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    return f.whenComplete(
        (rt, err) -> {
          if (err != null) {
            stack.releasePorts(ips, sctpPort);
          } else if (udpPort == 0) {
            stack.renamePortHolder(ips, sctpPort, holder(accepting, rt.udpPort()));
          }
        });
  }

  /** The channel as a bind refusal names it, e.g. "a one-to-one server channel on UDP port 9899". */
  private String holder(boolean accepting, int udpPort) {
    return "a " + style + (accepting && style.equals("one-to-one") ? " server" : "")
        + (udpPort == 0 ? " channel on an ephemeral UDP port" : " channel on UDP port " + udpPort);
  }

  private void forget(CompletableFuture<EndpointRuntime> failed) {
    lock.lock();
    try {
      if (binding == failed) {
        binding = null;
      }
    } finally {
      lock.unlock();
    }
  }

  /** sctp_bindx ADD: reserves the SCTP port on the address, binds its UDP channel. */
  void bindAddress(InetAddress address) throws IOException {
    Objects.requireNonNull(address, "address");
    EndpointRuntime rt = bound();
    if (rt.localAddresses().contains(address)) {
      throw new AlreadyBoundException();
    }
    stack.reservePort(List.of(address), rt.sctpPort());
    try {
      Blocking.await(rt.addLocalAddress(address), -1, "bindAddress");
    } catch (IOException | RuntimeException e) {
      stack.releasePorts(List.of(address), rt.sctpPort());
      throw e;
    }
  }

  /**
   * sctp_bindx REM: associations holding the address ask their peers to delete it (ADD-IP, RFC
   * 5061); refused (IllegalUnbindException) when one cannot. The runtime closes its UDP channel
   * and ends the SCTP port reservation once no association uses it.
   */
  void unbindAddress(InetAddress address) throws IOException {
    Objects.requireNonNull(address, "address");
    EndpointRuntime rt = bound();
    Blocking.await(rt.removeLocalAddress(address), -1, "unbindAddress");
  }

  /** The local IPs with the SCTP port; empty before bind. */
  Set<SocketAddress> localAddresses() throws ClosedChannelException {
    checkOpen();
    EndpointRuntime rt = runtime;
    Set<SocketAddress> set = new LinkedHashSet<>();
    if (rt != null) {
      for (InetAddress ip : rt.localAddresses()) {
        set.add(new InetSocketAddress(ip, rt.sctpPort()));
      }
    }
    return set;
  }

  /**
   * Checks an option call: a name, an open channel, an option of this channel kind.
   *
   * @param kind the channel kind, for the message
   */
  void checkOption(SctpSocketOption<?> name, Set<SctpSocketOption<?>> supported, String kind)
      throws ClosedChannelException {
    Objects.requireNonNull(name, "name");
    checkOpen();
    if (!supported.contains(name)) {
      throw new UnsupportedOperationException(name.name() + " is not supported by " + kind);
    }
  }

  /**
   * Reads an option: from the channel's values while it is unbound, else on the endpoint's loop
   * from what {@code target} names there.
   *
   * @param peer the peer address of a per-address option, or null
   */
  <T> T getOption(
      SctpSocketOption<T> name,
      InetSocketAddress peer,
      Function<EndpointRuntime, Options.Target> target)
      throws IOException {
    EndpointRuntime rt = runtime;
    Object value =
        rt == null
            ? Options.get(name, new Options.Target(opts, true, null, null, peer))
            : Blocking.await(rt.call(() -> Options.get(name, target.apply(rt))), -1, "getOption");
    return name.type().cast(value);
  }

  /**
   * Sets an option: in the channel's values while it is unbound, else on the endpoint's loop, where
   * {@code set} applies it.
   */
  void setOption(SctpSocketOption<?> name, Object value, Consumer<EndpointRuntime> set)
      throws IOException {
    EndpointRuntime rt = runtime;
    if (rt == null) {
      Options.set(name, value, new Options.Target(opts, true, null, null, null));
      return;
    }
    Blocking.await(
        rt.call(
            () -> {
              set.accept(rt);
              return null;
            }),
        -1,
        "setOption");
  }

  /**
   * Marks the channel closed. A caller that holds the lock changes its own state in the same step.
   *
   * @return false when it was closed already (only the caller that got true releases the endpoint)
   */
  boolean close() {
    lock.lock();
    try {
      if (!open) {
        return false;
      }
      open = false;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * After {@link #close()}: once the endpoint is bound (at once when it is, or when a bind in
   * progress succeeds), runs {@code onLoop} (null: nothing) on its event loop, then lets the
   * channel's hold on the endpoint go. The endpoint ends when no channel and no association uses
   * it.
   */
  void release(Consumer<EndpointRuntime> onLoop) {
    CompletableFuture<EndpointRuntime> f;
    lock.lock();
    try {
      f = binding;
    } finally {
      lock.unlock();
    }
    if (f == null) {
      return;
    }
    f.thenAccept(
        rt -> {
          try {
            rt.execute(
                () -> {
                  if (onLoop != null) {
                    onLoop.accept(rt);
                  }
                  rt.release();
                });
          } catch (RejectedExecutionException e) {
            // the stack is closing: its loops are gone
          }
        });
  }
}
