package org.jsctp.examples;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.jsctp.netty.UdpChannelCustomizer;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.DataChunk;
import org.jsctp.wire.SctpPacket;
import org.jsctp.wire.WireFormatException;

/**
 * A hostile sender for tests: lets datagrams carrying DATA leave while their payload stays within
 * {@code allowance} bytes, and drops every later one. Everything else (SACK, HEARTBEAT ACK, ABORT)
 * still goes out, so the association stays up while the message being sent never ends.
 */
final class DataDropper implements UdpChannelCustomizer {

  private final long allowance;
  private final AtomicLong passed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  DataDropper(long allowance) {
    this.allowance = allowance;
  }

  /** DATA payload bytes let through so far. */
  long passed() {
    return passed.get();
  }

  /** Datagrams dropped so far. */
  long dropped() {
    return dropped.get();
  }

  private boolean letThrough(long data) {
    long before;
    do {
      before = passed.get();
      if (before + data > allowance) {
        return false;
      }
    } while (!passed.compareAndSet(before, before + data));
    return true;
  }

  @Override
  public void customize(InetSocketAddress localAddress, ChannelPipeline pipeline) {
    pipeline.addLast(
        "data-dropper",
        new ChannelOutboundHandlerAdapter() {
          @Override
          public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
              throws Exception {
            if (msg instanceof DatagramPacket p) {
              long data = dataBytes(p.content());
              if (data > 0 && !letThrough(data)) {
                dropped.incrementAndGet();
                p.release();
                promise.trySuccess();
                return;
              }
            }
            super.write(ctx, msg, promise);
          }
        });
  }

  /** The DATA payload bytes of an SCTP packet. */
  static long dataBytes(ByteBuf packet) {
    long sum = 0;
    try {
      for (Chunk c : SctpPacket.decodeUnchecked(ByteBufUtil.getBytes(packet)).chunks()) {
        if (c instanceof DataChunk d) {
          sum += d.userData().length();
        }
      }
    } catch (WireFormatException e) {
      // not one of ours: let it go
    }
    return sum;
  }
}
