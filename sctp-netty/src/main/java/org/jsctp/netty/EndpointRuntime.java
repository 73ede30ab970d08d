package org.jsctp.netty;

import org.jsctp.association.SctpAssociation;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.SctpEvent;
import org.jsctp.api.SendBufferAvailable;
import org.jsctp.api.ShutdownReceived;
import org.jsctp.association.AssociationOptions;
import org.jsctp.config.StackConfig;
import org.jsctp.endpoint.Endpoint;
import org.jsctp.endpoint.Transmit;
import org.jsctp.netty.stats.AssociationEntry;
import org.jsctp.netty.stats.EndpointEntry;
import org.jsctp.stats.MibCounter;
import org.jsctp.wire.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one sans-IO {@link Endpoint} on one Netty event loop: one UDP channel per local IP, all on
 * the same UDP port; datagrams into the core; transmits out after each input, flushed once per read
 * burst; one deadline task; the core's events to the channels that own the associations.
 *
 * <p>Everything here runs on {@link #loop}, except the few methods documented otherwise. While a
 * UDP channel is not writable, transmits stay in the core (its windows hold the data) until the
 * channel is writable again.
 */
final class EndpointRuntime {

  /** Requested UDP socket buffer size; the kernel caps it (net.core.rmem_max, wmem_max). */
  static final int UDP_SOCKET_BUFFER = 4 << 20;


  private static final Logger LOG = LoggerFactory.getLogger(EndpointRuntime.class);
  private static final int MAX_ROUNDS = 16;
  private static final int BIND_RETRIES = 5;

  final SctpStack stack;
  final EventLoop loop;
  final Endpoint endpoint;
  final String style;
  private final Map<InetAddress, Channel> channels = new LinkedHashMap<>();
  private final Map<Integer, AssociationHandle> handles = new HashMap<>();
  private final Set<AssociationHandle> parked = new LinkedHashSet<>();
  private final Set<Channel> dirty = new LinkedHashSet<>();
  private final DeadlineTimer timer;
  private volatile int udpPort;
  private volatile List<InetAddress> localAddresses;
  private Function<AssociationHandle, AssociationOwner> acceptor;
  private int owners = 1;
  private boolean released;
  private boolean draining;
  private boolean drainAgain;
  private boolean inputPending;
  private int unwritable;

  private EndpointRuntime(SctpStack stack, EventLoop loop, Endpoint endpoint, String style) {
    this.stack = stack;
    this.loop = loop;
    this.endpoint = endpoint;
    this.style = style;
    this.localAddresses = List.copyOf(endpoint.localAddresses());
    this.timer = new DeadlineTimer(loop, this::onDeadline);
  }

  /**
   * Creates an endpoint on the next event loop and binds its UDP channels: the first local IP on
   * {@code udpPort} (0: ephemeral), the others on the port the first got.
   *
   * @param style "one-to-one" or "one-to-many", for the statistics views
   */
  static CompletableFuture<EndpointRuntime> open(
      SctpStack stack,
      StackConfig config,
      List<InetAddress> locals,
      int sctpPort,
      int udpPort,
      String style,
      AssociationOptions defaults) {
    EventLoop loop = stack.nextLoop();
    Endpoint endpoint = new Endpoint(config, sctpPort, locals, stack.newRandom());
    endpoint.setAllowedPeerAddresses(stack.allowedPeers());
    endpoint.setReceiveMemory(stack.receiveMemory());
    endpoint.setDefaultOptions(defaults);
    EndpointRuntime rt = new EndpointRuntime(stack, loop, endpoint, style);
    CompletableFuture<EndpointRuntime> f = new CompletableFuture<>();
    loop.execute(
        () ->
            rt.bindFrom(
                List.copyOf(endpoint.localAddresses()),
                0,
                udpPort,
                udpPort == 0 ? BIND_RETRIES : 0,
                f));
    return f;
  }

  /**
   * Reserves the SCTP port and opens an endpoint with a channel's options; the reservation is given
   * back when opening fails (or, later, when the endpoint is released).
   *
   * @param accepting whether the channel accepts associations (picks the default UDP port)
   */
  static CompletableFuture<EndpointRuntime> open(
      SctpStack stack,
      ChannelOptions opts,
      List<InetAddress> ips,
      int port,
      boolean accepting,
      String style) {
    int sctpPort;
    try {
      sctpPort = stack.reservePort(ips, port);
    } catch (BindException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<EndpointRuntime> f;
    try {
      f =
          open(
              stack,
              opts.endpointConfig(),
              ips,
              sctpPort,
              opts.udpPortFor(accepting),
              style,
              opts.associationOptions());
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    return f.whenComplete(
        (rt, err) -> {
          if (err != null) {
            stack.releasePorts(ips, sctpPort);
          }
        });
  }

  // ---- binding -----------------------------------------------------------------------------

  private void bindFrom(
      List<InetAddress> locals,
      int index,
      int port,
      int retries,
      CompletableFuture<EndpointRuntime> f) {
    if (index == locals.size()) {
      udpPort = port;
      stack.register(this);
      f.complete(this);
      return;
    }
    InetAddress ip = locals.get(index);
    bindChannel(ip, port)
        .addListener(
            (ChannelFuture cf) -> {
              if (cf.isSuccess()) {
                channels.put(ip, cf.channel());
                int bound =
                    index == 0 ? ((InetSocketAddress) cf.channel().localAddress()).getPort() : port;
                bindFrom(locals, index + 1, bound, retries, f);
                return;
              }
              for (Channel ch : channels.values()) {
                ch.close();
              }
              channels.clear();
              if (index > 0 && retries > 0) {
                // The ephemeral port of the first address is taken on another one: try another
                // port.
                bindFrom(locals, 0, 0, retries - 1, f);
                return;
              }
              BindException e =
                  new BindException(
                      "cannot bind UDP "
                          + ip.getHostAddress()
                          + ":"
                          + port
                          + ": "
                          + cf.cause().getMessage());
              e.initCause(cf.cause());
              f.completeExceptionally(e);
            });
  }

  private ChannelFuture bindChannel(InetAddress ip, int port) {
    InetSocketAddress local = new InetSocketAddress(ip, port);
    EndpointRuntime self = this;
    return new Bootstrap()
        .group(loop)
        .channel(stack.transportSupport().datagramChannelClass)
        // Bursts of a window's worth of packets must not overflow the kernel's default socket
        // buffers (212992 bytes on Linux): asked for 4 MiB, clamped by net.core.[rw]mem_max.
        .option(ChannelOption.SO_RCVBUF, UDP_SOCKET_BUFFER)
        .option(ChannelOption.SO_SNDBUF, UDP_SOCKET_BUFFER)
        // Any datagram fits whole, whatever the peer's MTU; the payload is copied out at once.
        .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(65_536))
        .option(ChannelOption.MAX_MESSAGES_PER_READ, 64)
        .handler(
            new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel ch) {
                stack.customizer().customize(local, ch.pipeline());
                ch.pipeline().addLast("jsctp", new DatagramHandler(self, ip));
              }
            })
        .bind(local);
  }

  /** Adds a local IP: binds a UDP channel on it, then tells the endpoint. Any thread. */
  CompletableFuture<Void> addLocalAddress(InetAddress ip) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    loop.execute(
        () -> {
          if (released) {
            f.completeExceptionally(new java.nio.channels.ClosedChannelException());
            return;
          }
          if (channels.containsKey(ip)) {
            f.complete(null);
            return;
          }
          bindChannel(ip, udpPort)
              .addListener(
                  (ChannelFuture cf) -> {
                    if (!cf.isSuccess()) {
                      BindException e =
                          new BindException(
                              "cannot bind UDP " + ip.getHostAddress() + ":" + udpPort);
                      e.initCause(cf.cause());
                      f.completeExceptionally(e);
                      return;
                    }
                    channels.put(ip, cf.channel());
                    endpoint.addLocalAddress(ip);
                    localAddresses = List.copyOf(endpoint.localAddresses());
                    f.complete(null);
                  });
        });
    return f;
  }

  /** Removes a local IP (refused while associations exist) and closes its channel. Any thread. */
  CompletableFuture<Void> removeLocalAddress(InetAddress ip) {
    return call(
        () -> {
          if (!endpoint.localAddresses().contains(ip)) {
            throw new IllegalUnbindException(ip.getHostAddress() + " is not bound");
          }
          try {
            endpoint.removeLocalAddress(ip);
          } catch (IllegalStateException e) {
            throw new IllegalUnbindException(e.getMessage());
          }
          localAddresses = List.copyOf(endpoint.localAddresses());
          Channel ch = channels.remove(ip);
          if (ch != null) {
            ch.close();
          }
          return null;
        });
  }

  int udpPort() {
    return udpPort;
  }

  /** The local IPs (any thread). */
  List<InetAddress> localAddresses() {
    return localAddresses;
  }

  int sctpPort() {
    return endpoint.localPort();
  }

  // ---- time and running tasks on the loop -------------------------------------------------

  /**
   * Now, in nanoseconds of the loop's ticker: the only clock of the endpoint. Every time handed to
   * the core and every deadline comes from it, so that a test can drive the endpoint with a mock
   * ticker (see {@link SctpStack.Builder#ticker}). Any thread.
   */
  long now() {
    return loop.ticker().nanoTime();
  }

  boolean inLoop() {
    return loop.inEventLoop();
  }

  /** Runs {@code task} on the loop, then drains. Any thread. */
  void execute(Runnable task) {
    if (loop.inEventLoop()) {
      task.run();
      drain();
    } else {
      loop.execute(
          () -> {
            task.run();
            drain();
          });
    }
  }

  /** Runs {@code task} on the loop, then drains; the future carries its result. Any thread. */
  <T> CompletableFuture<T> call(Callable<T> task) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Runnable r =
        () -> {
          try {
            f.complete(task.call());
          } catch (Throwable t) {
            f.completeExceptionally(t);
          }
        };
    try {
      execute(r);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      f.completeExceptionally(new java.nio.channels.ClosedChannelException());
    }
    return f;
  }

  // ---- associations ------------------------------------------------------------------------

  /** Sets who takes new passive associations; null stops listening. On the loop. */
  void accept(Function<AssociationHandle, AssociationOwner> acceptor) {
    this.acceptor = acceptor;
    endpoint.listen(acceptor != null);
  }

  boolean listening() {
    return acceptor != null;
  }

  /** Starts an association owned by {@code owner}. On the loop. */
  AssociationHandle connect(
      List<InetAddress> peers,
      int peerPort,
      int peerUdpPort,
      AssociationOptions options,
      AssociationOwner owner) {
    for (InetAddress peer : peers) {
      if (!stack.allowsPeer(peer)) {
        throw new IllegalArgumentException(
            "peer address "
                + peer.getHostAddress()
                + " is outside the stack's allowed peer addresses");
      }
    }
    SctpAssociation core = endpoint.connect(now(), peers, peerPort, peerUdpPort, options);
    AssociationHandle h = new AssociationHandle(this, core, false, owner);
    handles.put(h.id(), h);
    return h;
  }

  /** The handle of an association id, or null. On the loop. */
  AssociationHandle handle(int id) {
    return handles.get(id);
  }

  List<AssociationHandle> handles() {
    return new ArrayList<>(handles.values());
  }

  void parked(AssociationHandle h) {
    parked.add(h);
  }

  /** One more channel uses this endpoint (an accepted or branched channel). On the loop. */
  void retain() {
    owners++;
  }

  /** A channel using this endpoint closed. On the loop. */
  void release() {
    owners--;
    maybeRelease();
  }

  private void adoptNew() {
    if (endpoint.associations().size() == handles.size()) {
      return;
    }
    for (SctpAssociation core : new ArrayList<>(endpoint.associations())) {
      if (handles.containsKey(core.id())) {
        continue;
      }
      AssociationHandle h = new AssociationHandle(this, core, true, DISCARD);
      handles.put(h.id(), h);
      AssociationOwner owner = acceptor == null ? null : acceptor.apply(h);
      if (owner == null) {
        LOG.info("refusing association {} from {}: not accepting", core.id(), core.peerAddresses());
        core.abort(
            now(), Bytes.wrap("not accepting associations".getBytes(StandardCharsets.US_ASCII)));
      } else {
        h.owner(owner);
      }
    }
  }

  // ---- inputs ------------------------------------------------------------------------------

  /**
   * A datagram arrived on the channel bound to {@code localIp}. The content is borrowed: its bytes
   * are copied for the core (which keeps references to the array it gets), and the caller releases
   * the buffer.
   */
  void onDatagram(InetAddress localIp, InetSocketAddress sender, ByteBuf content) {
    if (released) {
      return;
    }
    InetAddress remote = sender.getAddress();
    if (!stack.allowsPeer(remote)) {
      // Address safety: never answer anything outside the allowed set.
      endpoint.counters().increment(MibCounter.SCTP_IN_PKT_DISCARDS);
      return;
    }
    byte[] data = ByteBufUtil.getBytes(content);
    endpoint.handleDatagram(now(), localIp, remote, sender.getPort(), data, 0, data.length);
    adoptNew();
    inputPending = true;
    // Drained after each input; written out once per read burst, in onReadComplete.
    drain(false);
  }

  /** The end of a read burst: one flush for everything the burst's inputs produced. */
  void onReadComplete() {
    if (inputPending) {
      inputPending = false;
      drain(true);
    }
  }

  void onWritabilityChanged(boolean writable) {
    unwritable += writable ? -1 : 1;
    if (unwritable == 0) {
      drain();
    }
  }

  private void onDeadline() {
    if (released) {
      return;
    }
    endpoint.handleTimeout(now());
    drain();
  }

  // ---- output ------------------------------------------------------------------------------

  /** {@link #drain(boolean)} with a flush: after inputs that are not datagrams. */
  void drain() {
    drain(true);
  }

  /**
   * After any input: hands events to the channels, retries parked sends, writes transmits while the
   * channels are writable, handles deadlines already due, flushes (unless in the middle of a read
   * burst), and sets the deadline task. Re-entrant calls (a flush that changes writability, a
   * callback that sends) are folded into the running one.
   */
  private void drain(boolean flush) {
    if (released) {
      return;
    }
    if (draining) {
      drainAgain = true;
      return;
    }
    draining = true;
    try {
      for (int round = 0; round < MAX_ROUNDS; round++) {
        drainAgain = false;
        long now = now();
        int events = dispatchEvents();
        resumeParked(now);
        writeTransmits();
        events += dispatchEvents();
        if (endpoint.nextDeadline() <= now) {
          endpoint.handleTimeout(now);
          drainAgain = true;
        }
        if (flush) {
          flush();
        }
        if (!drainAgain && events == 0) {
          break;
        }
      }
      timer.update(endpoint.nextDeadline());
    } finally {
      draining = false;
    }
    if (drainAgain && !released) {
      // Still busy after MAX_ROUNDS: go on after the loop's other tasks instead of starving them.
      drainAgain = false;
      loop.execute(this::drain);
    }
    maybeRelease();
  }

  private void resumeParked(long now) {
    if (parked.isEmpty()) {
      return;
    }
    for (AssociationHandle h : new ArrayList<>(parked)) {
      if (!h.resume(now)) {
        parked.remove(h);
      }
    }
  }

  private void writeTransmits() {
    while (unwritable == 0) {
      Transmit t = endpoint.pollTransmit();
      if (t == null) {
        return;
      }
      write(t);
    }
  }

  /** Writes one packet; the array's ownership passed from the core to the DatagramPacket. */
  private void write(Transmit t) {
    if (!stack.allowsPeer(t.remoteAddress())) {
      LOG.warn(
          "not sending to {}: outside the allowed peer addresses",
          t.remoteAddress().getHostAddress());
      return;
    }
    Channel ch = channels.get(t.localAddress());
    if (ch == null) {
      ch = anyChannelLike(t.remoteAddress());
      if (ch == null) {
        LOG.debug("no UDP channel to send {}", t);
        return;
      }
    }
    DatagramPacket packet =
        new DatagramPacket(
            Unpooled.wrappedBuffer(t.packet()),
            new InetSocketAddress(t.remoteAddress(), t.remoteUdpPort()));
    ch.write(packet, ch.voidPromise());
    dirty.add(ch);
  }

  private Channel anyChannelLike(InetAddress remote) {
    for (Map.Entry<InetAddress, Channel> e : channels.entrySet()) {
      if (e.getKey().getClass() == remote.getClass()) {
        return e.getValue();
      }
    }
    return null;
  }

  private void flush() {
    if (dirty.isEmpty()) {
      return;
    }
    List<Channel> list = new ArrayList<>(dirty);
    dirty.clear();
    for (Channel ch : list) {
      ch.flush();
    }
  }

  private int dispatchEvents() {
    int n = 0;
    SctpEvent e;
    while ((e = endpoint.pollEvent()) != null) {
      n++;
      dispatch(e);
    }
    return n;
  }

  private void dispatch(SctpEvent e) {
    AssociationHandle h = handles.get(e.associationId());
    if (h == null) {
      LOG.debug("event for an association without a handle: {}", e);
      return;
    }
    AssociationOwner owner = h.owner();
    if (e instanceof MessageReceived m) {
      owner.deliver(h, m);
    } else if (e instanceof SendBufferAvailable) {
      if (h.hasParked()) {
        parked.add(h);
      }
      h.refreshWritable();
      owner.bufferedAmountLow(h);
    } else if (e instanceof AssociationChange c) {
      onAssociationChange(h, c);
    } else {
      if (e instanceof ShutdownReceived) {
        h.peerShutdownReceived();
      }
      h.refreshAddresses();
      owner.notify(h, Notifications.of(e, h));
    }
  }

  private void onAssociationChange(AssociationHandle h, AssociationChange c) {
    AssociationOwner owner = h.owner();
    switch (c.kind()) {
      case COMM_UP, RESTART -> {
        h.api.streams(c.inboundStreams(), c.outboundStreams());
        h.refreshAddresses();
        owner.notify(h, Notifications.of(c, h));
        if (c.kind() == AssociationChange.Kind.COMM_UP) {
          h.established.complete(null);
          owner.up(h);
        }
        if (h.hasParked()) {
          parked.add(h);
        }
      }
      default -> {
        h.failPendingSends();
        owner.notify(h, Notifications.of(c, h));
        handles.remove(h.id());
        parked.remove(h);
        owner.ended(h);
        h.end();
      }
    }
  }

  // ---- release -------------------------------------------------------------------------------

  private void maybeRelease() {
    if (!released && owners <= 0 && handles.isEmpty() && endpoint.associations().isEmpty()) {
      releaseNow();
    }
  }

  private void releaseNow() {
    released = true;
    timer.cancel();
    // The last packets (a SHUTDOWN COMPLETE, an ABORT) may still wait for the burst's flush.
    flush();
    for (Channel ch : channels.values()) {
      ch.close();
    }
    channels.clear();
    stack.unregister(this);
    LOG.debug("endpoint {} released", endpoint);
  }

  /** Aborts every association, sends the ABORTs and releases the endpoint. Any thread. */
  CompletableFuture<Void> terminate() {
    return call(
        () -> {
          long now = now();
          for (SctpAssociation a : new ArrayList<>(endpoint.associations())) {
            a.abort(now, Bytes.wrap("stack closing".getBytes(StandardCharsets.US_ASCII)));
          }
          owners = 0;
          drain();
          if (!released) {
            for (AssociationHandle h : handles()) {
              h.end();
            }
            handles.clear();
            releaseNow();
          }
          return null;
        });
  }

  boolean released() {
    return released;
  }

  // ---- statistics (on the loop) -------------------------------------------------------------

  EndpointEntry entry() {
    return new EndpointEntry(
        style,
        listening(),
        endpoint.localPort(),
        udpPort,
        endpoint.localAddresses(),
        endpoint.associations().size());
  }

  List<AssociationEntry> associationEntries() {
    List<AssociationEntry> list = new ArrayList<>();
    for (SctpAssociation a : endpoint.associations()) {
      AssociationHandle h = handles.get(a.id());
      long tx = a.bufferedAmount();
      long rx = a.receivedBytesHeld();
      List<InetAddress> remotes = new ArrayList<>();
      InetAddress primary = a.options().primaryAddress();
      if (primary != null) {
        remotes.add(primary);
      }
      for (InetAddress address : a.peerAddresses()) {
        if (!address.equals(primary)) {
          remotes.add(address);
        }
      }
      list.add(
          new AssociationEntry(
              a.id(),
              style,
              a.state(),
              tx,
              rx,
              a.localPort(),
              a.peerPort(),
              udpPort,
              endpoint.localAddresses(),
              remotes,
              primary));
    }
    return list;
  }

  Map<MibCounter, Long> snmp() {
    return endpoint.snmp();
  }

  @Override
  public String toString() {
    return "EndpointRuntime["
        + style
        + " sctp "
        + endpoint.localPort()
        + " udp "
        + udpPort
        + " "
        + localAddresses
        + "]";
  }

  /** The owner of associations being refused: drops everything. */
  static final AssociationOwner DISCARD =
      new AssociationOwner() {
        @Override
        public void deliver(AssociationHandle handle, MessageReceived message) {}

        @Override
        public void notify(AssociationHandle handle, Notification notification) {}

        @Override
        public void up(AssociationHandle handle) {}

        @Override
        public void ended(AssociationHandle handle) {}

        @Override
        public void bufferedAmountLow(AssociationHandle handle) {}
      };
}
