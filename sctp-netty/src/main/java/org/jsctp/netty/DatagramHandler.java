package org.jsctp.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of each UDP channel: hands received datagrams to the endpoint runtime with the
 * channel's own local IP (the IP the datagram really arrived on), triggers the drain at the end of
 * each read burst, and reports writability changes.
 */
final class DatagramHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(DatagramHandler.class);

  private final EndpointRuntime runtime;
  private final InetAddress localIp;
  private boolean writable = true;

  DatagramHandler(EndpointRuntime runtime, InetAddress localIp) {
    this.runtime = runtime;
    this.localIp = localIp;
  }

  /** Takes ownership of {@code msg} and releases it once the runtime has copied its bytes. */
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof DatagramPacket p) {
      try {
        runtime.onDatagram(localIp, p.sender(), p.content());
      } finally {
        p.release();
      }
    } else {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    runtime.onReadComplete();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    boolean now = ctx.channel().isWritable();
    if (now != writable) {
      writable = now;
      runtime.onWritabilityChanged(now);
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
