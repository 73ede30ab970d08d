package org.jsctp.examples;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.jsctp.netty.UdpChannelCustomizer;

/**
 * In-process fault injection for the demo: while switched on, every datagram received on or sent
 * from a UDP channel bound to the cut IP, or addressed to or coming from it, silently vanishes,
 * as if the network behind that address had died (no ICMP, nothing).
 */
final class Blackhole implements UdpChannelCustomizer {

  private volatile InetAddress cut;
  final AtomicLong dropped = new AtomicLong();

  void cut(InetAddress ip) {
    cut = ip;
  }

  void heal() {
    cut = null;
  }

  @Override
  public void customize(InetSocketAddress localAddress, ChannelPipeline pipeline) {
    pipeline.addLast("demo-blackhole", new Handler(localAddress.getAddress()));
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
      if (msg instanceof DatagramPacket p && isCut(p.recipient().getAddress())) {
        dropped.incrementAndGet();
        p.release();
        promise.trySuccess();
        return;
      }
      ctx.write(msg, promise);
    }
  }
}
