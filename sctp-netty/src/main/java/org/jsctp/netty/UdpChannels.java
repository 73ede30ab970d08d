package org.jsctp.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jsctp.endpoint.Endpoint;
import org.jsctp.endpoint.Transmit;
import org.jsctp.util.LogThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP side of one endpoint (RFC 6951 encapsulation): one Netty datagram channel per local IP,
 * all on one UDP port, each shared with the other endpoints of the stack on that IP and UDP port
 * ({@link SharedUdpSocket}: it hands the endpoint the datagrams for its SCTP port); the endpoint's
 * local addresses, which follow the channels; writing the core's transmits while every channel is
 * writable (same-sized runs of them as one UDP GSO send where the transport offers it), and one
 * flush per burst for the channels written to.
 *
 * <p>Threading: everything runs on the endpoint's event loop (the channels are registered on it and
 * their futures complete there), except {@link #port()} and {@link #localAddresses()}, which any
 * thread may read.
 */
final class UdpChannels {

  private static final Logger LOG = LoggerFactory.getLogger(UdpChannels.class);
  private static final int BIND_RETRIES = 5;

  private final SctpStack stack;
  private final EventLoop loop;
  private final Endpoint endpoint;
  private final DatagramHandler handler;
  private final LongSupplier clock;
  private final LogThrottle disallowedLog = new LogThrottle();
  private final DontFragment dontFragment;
  /** Runs of packets for UDP GSO; null without the offload (NIO, or turned off). */
  private final SegmentedWrites segmented;
  private final Map<InetAddress, Channel> channels = new LinkedHashMap<>();
  /** Removed IPs whose channel stays while an association still uses them (RFC 5061). */
  private final Set<InetAddress> retiring = new LinkedHashSet<>();
  private final Consumer<InetAddress> channelLeft;
  private final Set<Channel> dirty = new LinkedHashSet<>();
  private volatile int port;
  private volatile List<InetAddress> localAddresses;
  private int unwritable;

  /**
   * @param handler where the channels hand the endpoint its datagrams
   * @param clock the endpoint's time ({@link EndpointRuntime#now()}), for throttling log lines
   * @param channelLeft told of a removed IP whose channel the endpoint left at last
   */
  UdpChannels(
      SctpStack stack,
      EventLoop loop,
      Endpoint endpoint,
      DatagramHandler handler,
      LongSupplier clock,
      Consumer<InetAddress> channelLeft) {
    this.stack = stack;
    this.loop = loop;
    this.endpoint = endpoint;
    this.handler = handler;
    this.clock = clock;
    this.channelLeft = channelLeft;
    this.localAddresses = List.copyOf(endpoint.localAddresses());
    this.dontFragment = DontFragment.forTransport(stack.transportSupport().transport);
    UdpOffload offload = stack.udpOffload();
    this.segmented = stack.segmentsSends() ? new SegmentedWrites(offload) : null;
  }

  /** The UDP port every channel is bound to (0 until bound). Any thread. */
  int port() {
    return port;
  }

  /** The endpoint's local IPs. Any thread. */
  List<InetAddress> localAddresses() {
    return localAddresses;
  }

  // ---- binding -----------------------------------------------------------------------------

  /**
   * Binds a channel on each of the endpoint's local IPs: the first on {@code udpPort} (0: an
   * ephemeral port, with a few retries when another IP has that port taken), the others on the port
   * the first got. On failure every channel bound so far is closed.
   */
  CompletableFuture<Void> bindAll(int udpPort) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    int retries = udpPort == 0 ? BIND_RETRIES : 0;
    bindFrom(List.copyOf(endpoint.localAddresses()), 0, udpPort, retries, f);
    return f;
  }

  private void bindFrom(
      List<InetAddress> locals, int index, int udpPort, int retries, CompletableFuture<Void> f) {
    if (index == locals.size()) {
      port = udpPort;
      f.complete(null);
      return;
    }
    InetAddress ip = locals.get(index);
    bind(ip, udpPort)
        .whenComplete(
            (ch, err) -> {
              if (err == null) {
                channels.put(ip, ch);
                tellInterfaceMtu(ip);
                int bound =
                    index == 0 ? ((InetSocketAddress) ch.localAddress()).getPort() : udpPort;
                bindFrom(locals, index + 1, bound, retries, f);
                return;
              }
              close();
              if (index > 0 && retries > 0) {
                // The ephemeral port of the first address is taken on another one: try another
                // port.
                bindFrom(locals, 0, 0, retries - 1, f);
                return;
              }
              f.completeExceptionally(bindFailed(ip, udpPort, ": " + err.getMessage(), err));
            });
  }

  private static BindException bindFailed(
      InetAddress ip, int udpPort, String detail, Throwable cause) {
    BindException e =
        new BindException("cannot bind UDP " + ip.getHostAddress() + ":" + udpPort + detail);
    e.initCause(cause);
    return e;
  }

  /** Joins the stack's socket on the IP and UDP port for the endpoint's SCTP port. */
  private CompletableFuture<Channel> bind(InetAddress ip, int udpPort) {
    return stack.udpSockets().join(loop, ip, udpPort, endpoint.localPort(), handler);
  }

  private void release(Channel ch) {
    stack.udpSockets().leave(ch, endpoint.localPort(), handler);
  }

  /**
   * Tells the endpoint the MTU of the interface holding {@code ip}, so that paths from it never
   * search or send beyond it: NIO cannot keep the host from fragmenting a larger datagram (probes
   * included), and no transport can send it unfragmented. Nothing when Java does not know it.
   */
  private void tellInterfaceMtu(InetAddress ip) {
    try {
      NetworkInterface nif = NetworkInterface.getByInetAddress(ip);
      int mtu = nif == null ? -1 : nif.getMTU();
      if (mtu > 0) {
        endpoint.setInterfaceMtu(ip, mtu);
      }
    } catch (SocketException e) {
      LOG.debug("MTU of the interface of {} unknown: {}", ip.getHostAddress(), e.toString());
    }
  }

  /**
   * Adds a local IP: binds a channel on it on the endpoint's port (unless a removed IP still has
   * one), then tells the endpoint at {@code now}, whose associations ask their peers to add it
   * (RFC 5061).
   */
  void add(InetAddress ip, LongSupplier now, CompletableFuture<Void> done) {
    if (channels.containsKey(ip)) {
      retiring.remove(ip);
      endpoint.addLocalAddress(now.getAsLong(), ip);
      localAddresses = List.copyOf(endpoint.localAddresses());
      done.complete(null);
      return;
    }
    int udpPort = port;
    bind(ip, udpPort)
        .whenComplete(
            (ch, err) -> {
              if (err != null) {
                done.completeExceptionally(bindFailed(ip, udpPort, ": " + err.getMessage(), err));
                return;
              }
              channels.put(ip, ch);
              tellInterfaceMtu(ip);
              endpoint.addLocalAddress(now.getAsLong(), ip);
              localAddresses = List.copyOf(endpoint.localAddresses());
              done.complete(null);
            });
  }

  /**
   * Removes a local IP from the endpoint at {@code now}: its associations ask their peers to
   * delete it (RFC 5061), and the endpoint leaves its channel once no association uses it.
   *
   * @throws IllegalUnbindException when the IP is not bound, or an association cannot let it go
   *     (no ADD-IP, or it is its last address)
   */
  void remove(InetAddress ip, long now) {
    if (!endpoint.localAddresses().contains(ip)) {
      throw new IllegalUnbindException(ip.getHostAddress() + " is not bound");
    }
    try {
      endpoint.removeLocalAddress(now, ip);
    } catch (IllegalStateException e) {
      throw new IllegalUnbindException(e.getMessage());
    }
    localAddresses = List.copyOf(endpoint.localAddresses());
    retiring.add(ip);
    leaveUnused();
  }

  /** Leaves the channels of removed IPs that no association uses any more. */
  void leaveUnused() {
    if (retiring.isEmpty()) {
      return;
    }
    for (InetAddress ip : List.copyOf(retiring)) {
      if (!endpoint.usesLocalAddress(ip)) {
        retiring.remove(ip);
        Channel ch = channels.remove(ip);
        if (ch != null) {
          release(ch);
        }
        channelLeft.accept(ip);
      }
    }
  }

  /** Leaves every channel; a channel no other endpoint uses closes. */
  void close() {
    List<Channel> list = new ArrayList<>(channels.values());
    channels.clear();
    for (Channel ch : list) {
      release(ch);
    }
    for (InetAddress ip : retiring) {
      channelLeft.accept(ip);
    }
    retiring.clear();
  }

  // ---- writing -----------------------------------------------------------------------------

  /** A channel's writability changed; true when every channel is writable again. */
  boolean writabilityChanged(boolean writable) {
    unwritable += writable ? -1 : 1;
    return unwritable == 0;
  }

  /**
   * Writes the core's transmits while every channel is writable; the rest stay in the core, whose
   * windows hold the data, until {@link #writabilityChanged} says all are writable again.
   */
  void writeTransmits() {
    while (unwritable == 0) {
      Transmit t = endpoint.pollTransmit();
      if (t == null) {
        break;
      }
      write(t);
    }
    if (segmented != null) {
      segmented.writeRun();
    }
  }

  /**
   * Writes one packet; the array's ownership passed from the core to the DatagramPacket. A
   * PLPMTUD probe, never to be fragmented, and a packet the IP layer may fragment go alone with
   * the socket switched for them where the transport allows it ({@link DontFragment}: epoll).
   */
  private void write(Transmit t) {
    InetAddress remote = t.remoteAddress();
    if (!stack.allowsPeer(remote)) {
      if (LOG.isWarnEnabled() && disallowedLog.allow(clock.getAsLong())) {
        LOG.warn(
            "not sending to {}: outside the allowed peer addresses ({} more since the last line)",
            remote.getHostAddress(),
            disallowedLog.takeSuppressed());
      }
      return;
    }
    Channel ch = channels.get(t.localAddress());
    if (ch == null) {
      ch = anyChannelLike(remote);
      if (ch == null) {
        LOG.debug("no UDP channel to send {}", t);
        return;
      }
    }
    InetSocketAddress recipient = new InetSocketAddress(remote, t.remoteUdpPort());
    if (dontFragment != null && (t.probe() || t.allowFragmentation())) {
      if (segmented != null) {
        segmented.writeRun();
      }
      dontFragment.writeAlone(
          ch, new DatagramPacket(Unpooled.wrappedBuffer(t.packet()), recipient), t.allowFragmentation());
      return;
    }
    if (segmented != null) {
      segmented.add(ch, recipient, t.packet());
    } else {
      ch.write(new DatagramPacket(Unpooled.wrappedBuffer(t.packet()), recipient), ch.voidPromise());
    }
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

  /** Flushes the channels written to since the last flush. */
  void flush() {
    if (segmented != null) {
      segmented.writeRun();
    }
    if (dirty.isEmpty()) {
      return;
    }
    List<Channel> list = new ArrayList<>(dirty);
    dirty.clear();
    for (Channel ch : list) {
      ch.flush();
    }
  }
}
