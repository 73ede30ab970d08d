package org.jsctp.netty;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Test-only fault injection in the UDP pipelines: cuts every datagram to, from or through one IP (a
 * dead network), and can divert outgoing datagrams (copy and drop) for a test to replay.
 */
final class FaultInjector implements UdpChannelCustomizer {

  private volatile InetAddress cut;
  private volatile Predicate<DatagramPacket> divert;
  final ConcurrentLinkedQueue<byte[]> diverted = new ConcurrentLinkedQueue<>();
  final AtomicLong dropped = new AtomicLong();

  /** Drops everything sent to or from {@code ip}, or received or sent on a channel bound to it. */
  void cut(InetAddress ip) {
    this.cut = ip;
  }

  void heal() {
    this.cut = null;
  }

  /** Copies and drops the outgoing datagrams {@code which} selects; null stops diverting. */
  void divert(Predicate<DatagramPacket> which) {
    this.divert = which;
  }

  @Override
  public void customize(InetSocketAddress localAddress, ChannelPipeline pipeline) {
    pipeline.addLast("fault-injector", new Handler(localAddress.getAddress()));
  }

  private final class Handler extends ChannelDuplexHandler {
    private final InetAddress local;

    Handler(InetAddress local) {
      this.local = local;
    }

    private boolean isCut(InetAddress remote) {
      InetAddress c = cut;
      return c != null && (c.equals(local) || c.equals(remote));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof DatagramPacket p && isCut(p.sender().getAddress())) {
        dropped.incrementAndGet();
        p.release();
        return;
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof DatagramPacket p) {
        Predicate<DatagramPacket> d = divert;
        if (d != null && d.test(p)) {
          diverted.add(ByteBufUtil.getBytes(p.content()));
          p.release();
          promise.trySuccess();
          return;
        }
        if (isCut(p.recipient().getAddress())) {
          dropped.incrementAndGet();
          p.release();
          promise.trySuccess();
          return;
        }
      }
      ctx.write(msg, promise);
    }
  }
}
