package org.jsctp.netty;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stack's UDP sockets by local address, so that every endpoint bound to one IP and UDP port
 * shares its socket ({@link SharedUdpSocket}). A fixed UDP port's endpoints all live on the event
 * loop {@link SctpStack#loopForUdpPort} gives it: the loop of a socket the stack has on that port
 * already (one an endpoint got as its ephemeral port included), else one chosen by the port
 * number. A socket on another loop is refused with a {@link BindException}, as an address in use
 * was before sockets were shared; only binds racing on one port from different loops can meet it.
 *
 * <p>Threading: the map is concurrent (endpoints on several loops bind and close); each socket is
 * touched only on its own loop.
 */
final class UdpSockets {

  private final SctpStack stack;
  private final ConcurrentHashMap<InetSocketAddress, SharedUdpSocket> sockets =
      new ConcurrentHashMap<>();

  UdpSockets(SctpStack stack) {
    this.stack = stack;
  }

  /**
   * Has {@code handler} serve {@code sctpPort} on the socket of {@code ip}:{@code udpPort}, binding
   * it first when the stack has none (0: a new socket on an ephemeral port). On {@code loop}.
   *
   * @return the bound channel; failed with a {@link BindException} when the SCTP port is taken on
   *     that socket or the socket lives on another loop, or with the bind's own failure
   */
  CompletableFuture<Channel> join(
      EventLoop loop, InetAddress ip, int udpPort, int sctpPort, DatagramHandler handler) {
    SharedUdpSocket socket;
    if (udpPort == 0) {
      socket = new SharedUdpSocket(this, loop, ip, null);
      socket.bind(stack, 0);
    } else {
      InetSocketAddress address = new InetSocketAddress(ip, udpPort);
      SharedUdpSocket created = new SharedUdpSocket(this, loop, ip, address);
      socket = sockets.putIfAbsent(address, created);
      if (socket == null) {
        socket = created;
        socket.bind(stack, udpPort);
      } else if (socket.loop() != loop) {
        return CompletableFuture.failedFuture(
            new BindException(
                "UDP " + ip.getHostAddress() + ":" + udpPort
                    + " is in use by an endpoint of this stack on another event loop (an"
                    + " ephemeral port another endpoint got)"));
      }
    }
    return socket.join(sctpPort, handler);
  }

  /** Stops serving {@code sctpPort} through {@code handler} on the socket of {@code ch}. */
  void leave(Channel ch, int sctpPort, DatagramHandler handler) {
    SharedUdpSocket socket = SharedUdpSocket.of(ch);
    if (socket != null) {
      socket.leave(sctpPort, handler);
    } else {
      ch.close();
    }
  }

  /** The loop of a socket the stack has on {@code udpPort} (any IP), or null. */
  EventLoop loopOf(int udpPort) {
    for (SharedUdpSocket socket : sockets.values()) {
      if (socket.address().getPort() == udpPort) {
        return socket.loop();
      }
    }
    return null;
  }

  /** A socket on an ephemeral port got its port. */
  void bound(SharedUdpSocket socket) {
    sockets.putIfAbsent(socket.address(), socket);
  }

  void remove(SharedUdpSocket socket) {
    InetSocketAddress address = socket.address();
    if (address != null) {
      sockets.remove(address, socket);
    }
  }

  /** How many sockets the stack has open or opening; for tests. */
  int size() {
    return sockets.size();
  }
}
