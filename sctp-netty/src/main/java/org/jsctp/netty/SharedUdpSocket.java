package org.jsctp.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.collection.IntObjectHashMap;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One UDP socket of the stack (a Netty datagram channel on one local IP and UDP port) and the SCTP
 * ports it serves: every endpoint of the stack bound to that IP and UDP port joins it, as usrsctp
 * runs every SCTP port of a process over its one encapsulation port (RFC 6951). A received
 * datagram goes to the endpoint bound to the SCTP destination port of its common header (the two
 * bytes after the source port; the checksum and everything else are the core's); one for a port
 * nobody has bound goes to the endpoint that joined first, whose core applies the out-of-the-blue
 * rules of RFC 9260 section 8.4 as a stack without that port would, at most {@link
 * #UNBOUND_PORT_ANSWERS_PER_SECOND} a second (the rest are counted as discarded). The socket
 * closes when the last endpoint leaves.
 *
 * <p>Threading: the endpoints sharing a socket live on the socket's event loop ({@link
 * SctpStack#loopForUdpPort}); everything here runs there.
 */
final class SharedUdpSocket {

  /** Datagrams for unbound SCTP ports handed to the out-of-the-blue rules, per second. */
  static final int UNBOUND_PORT_ANSWERS_PER_SECOND = 100;

  /** Requested UDP socket buffer size; the kernel caps it (net.core.rmem_max, wmem_max). */
  private static final int UDP_SOCKET_BUFFER = 4 << 20;

  private static final AttributeKey<SharedUdpSocket> KEY =
      AttributeKey.valueOf(SharedUdpSocket.class, "socket");
  private static final Logger LOG = LoggerFactory.getLogger(SharedUdpSocket.class);

  private final UdpSockets registry;
  private final EventLoop loop;
  private final InetAddress ip;
  private final IntObjectHashMap<DatagramHandler> byPort = new IntObjectHashMap<>();
  /** The SCTP ports in the order they joined; the first one answers for unbound ports. */
  private final List<Integer> joined = new ArrayList<>();
  private final List<DatagramHandler> burst = new ArrayList<>();
  private final AnswerBudget unboundAnswers = new AnswerBudget(UNBOUND_PORT_ANSWERS_PER_SECOND);
  private final CompletableFuture<Channel> bound = new CompletableFuture<>();
  private InetSocketAddress address;
  private Channel channel;
  private boolean writable = true;
  private boolean closed;

  /**
   * @param address the local address when the port is fixed; null for an ephemeral port, which
   *     the socket registers under once bound
   */
  SharedUdpSocket(UdpSockets registry, EventLoop loop, InetAddress ip, InetSocketAddress address) {
    this.registry = registry;
    this.loop = loop;
    this.ip = ip;
    this.address = address;
  }

  /** The socket a channel returned by {@link #join} belongs to. */
  static SharedUdpSocket of(Channel ch) {
    return ch.attr(KEY).get();
  }

  EventLoop loop() {
    return loop;
  }

  /** The bound address, or null while an ephemeral port is being bound. */
  InetSocketAddress address() {
    return address;
  }

  /**
   * Serves {@code sctpPort} through {@code handler}; the future gives the channel once it is bound.
   *
   * <p>The future fails with a {@link BindException} naming both endpoints when another one has
   * the SCTP port on this socket.
   */
  CompletableFuture<Channel> join(int sctpPort, DatagramHandler handler) {
    DatagramHandler holder = byPort.get(sctpPort);
    if (holder != null) {
      return CompletableFuture.failedFuture(
          new BindException(
              "SCTP port " + sctpPort + " is already bound on UDP " + describe() + " by " + holder
                  + "; refused for " + handler));
    }
    byPort.put(sctpPort, handler);
    joined.add(sctpPort);
    return bound.thenApply(
        ch -> {
          if (!writable && byPort.get(sctpPort) == handler) {
            handler.writabilityChanged(false);
          }
          return ch;
        });
  }

  /** {@code sctpPort} is no longer served by {@code handler}; the last to leave closes the socket. */
  void leave(int sctpPort, DatagramHandler handler) {
    if (byPort.get(sctpPort) != handler) {
      return;
    }
    byPort.remove(sctpPort);
    joined.remove((Integer) sctpPort);
    if (!writable && bound.isDone()) {
      // The endpoint counts its unwritable channels: this one no longer is among them.
      handler.writabilityChanged(true);
    }
    if (byPort.isEmpty()) {
      close();
    }
  }

  private void close() {
    closed = true;
    registry.remove(this);
    if (channel != null) {
      channel.close();
    }
  }

  private String describe() {
    InetSocketAddress a = address;
    return a == null ? ip.getHostAddress() + ":0" : a.getAddress().getHostAddress() + ":" + a.getPort();
  }

  /** Binds the channel on {@code udpPort} (0: ephemeral). */
  void bind(SctpStack stack, int udpPort) {
    InetSocketAddress local = new InetSocketAddress(ip, udpPort);
    Bootstrap bootstrap = new Bootstrap();
    UdpOffload offload = stack.udpOffload();
    if (offload != null) {
      // Runs of datagrams arrive whole (up to 64 KiB, which the read buffer holds).
      bootstrap.option(offload.groOption(), true);
    }
    ChannelFuture cf =
        bootstrap
            .group(loop)
            .channel(stack.transportSupport().datagramChannelClass)
            // Bursts of a window's worth of packets must not overflow the kernel's default socket
            // buffers (212992 bytes on Linux): asked for 4 MiB, clamped by net.core.[rw]mem_max.
            .option(ChannelOption.SO_RCVBUF, UDP_SOCKET_BUFFER)
            .option(ChannelOption.SO_SNDBUF, UDP_SOCKET_BUFFER)
            // Any datagram fits whole, whatever the peer's MTU; the payload is copied out at once.
            .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(65_536))
            .option(ChannelOption.MAX_MESSAGES_PER_READ, 64)
            .attr(KEY, this)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    stack.customizer().customize(local, ch.pipeline());
                    ch.pipeline().addLast("jsctp", new Demultiplexer());
                  }
                })
            .bind(local);
    cf.addListener(
        (ChannelFuture f) -> {
          if (!f.isSuccess()) {
            closed = true;
            registry.remove(this);
            bound.completeExceptionally(f.cause());
            return;
          }
          channel = f.channel();
          if (address == null) {
            address = (InetSocketAddress) channel.localAddress();
            registry.bound(this);
          }
          if (closed) {
            // Every endpoint left while the bind was under way.
            channel.close();
          }
          bound.complete(channel);
        });
  }

  /** The endpoint for a datagram, or null when it is dropped. */
  private DatagramHandler receiverOf(ByteBuf content) {
    if (content.readableBytes() >= 4) {
      DatagramHandler h = byPort.get(content.getUnsignedShort(content.readerIndex() + 2));
      if (h != null) {
        return h;
      }
    }
    if (joined.isEmpty()) {
      return null;
    }
    DatagramHandler first = byPort.get(joined.get(0));
    if (unboundAnswers.take(loop.ticker().nanoTime())) {
      return first;
    }
    first.discarded();
    return null;
  }

  /** The last handler of the channel. */
  private final class Demultiplexer extends ChannelInboundHandlerAdapter {

    /** Takes ownership of {@code msg} and releases it once the runtime has copied its bytes. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof DatagramPacket p)) {
        ReferenceCountUtil.release(msg);
        return;
      }
      try {
        DatagramHandler h = receiverOf(p.content());
        if (h != null) {
          if (!h.inBurst) {
            h.inBurst = true;
            burst.add(h);
          }
          h.read(ip, p);
        }
      } finally {
        p.release();
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      for (int i = 0; i < burst.size(); i++) {
        DatagramHandler h = burst.get(i);
        h.inBurst = false;
        h.readComplete();
      }
      burst.clear();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      boolean now = ctx.channel().isWritable();
      if (now != writable) {
        writable = now;
        for (DatagramHandler h : byPort.values().toArray(new DatagramHandler[0])) {
          h.writabilityChanged(now);
        }
      }
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // ICMP errors cannot be matched to an association with a verified tag: ignore them (RFC
      // 6951 section 5.5).
      LOG.debug("UDP channel {}: {}", ctx.channel().localAddress(), cause.toString());
    }
  }
}
