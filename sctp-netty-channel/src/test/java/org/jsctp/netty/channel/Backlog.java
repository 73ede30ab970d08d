package org.jsctp.netty.channel;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.sctp.SctpChannel;
import io.netty.channel.sctp.SctpMessage;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsctp.api.AssociationStatus;
import org.jsctp.netty.SctpStandardSocketOptions;

/**
 * A client that writes {@code count} messages of {@code size} bytes on stream 0 as fast as the
 * channel stays writable, and goes on when it is writable again: Netty's way of respecting
 * backpressure. Every byte of message {@code i} is {@code i % 251}, so that any piece of a message
 * tells which one it belongs to.
 */
@Sharable
final class Backlog extends ChannelInboundHandlerAdapter {

  static final int PPID = 7;

  final int size;
  final int count;
  final AtomicInteger accepted = new AtomicInteger();
  final AtomicInteger failed = new AtomicInteger();
  volatile boolean sawUnwritable;
  private int next;

  Backlog(int size, int count) {
    this.size = size;
    this.count = count;
  }

  static byte fill(int i) {
    return (byte) (i % 251);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    pump(ctx);
    ctx.fireChannelActive();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      pump(ctx);
    } else {
      sawUnwritable = true;
    }
    ctx.fireChannelWritabilityChanged();
  }

  private void pump(ChannelHandlerContext ctx) {
    while (next < count && ctx.channel().isWritable()) {
      ByteBuf b = ctx.alloc().buffer(size);
      b.writeBytes(filled(next));
      ctx.write(new SctpMessage(PPID, 0, b))
          .addListener(
              f -> {
                if (f.isSuccess()) {
                  accepted.incrementAndGet();
                } else {
                  failed.incrementAndGet();
                }
              });
      next++;
    }
    ctx.flush();
  }

  private byte[] filled(int i) {
    byte[] a = new byte[size];
    java.util.Arrays.fill(a, fill(i));
    return a;
  }

  /** Whether {@code data} is a message of ours or a piece of one. */
  boolean isOneOfOurs(ByteBuffer data) {
    if (!data.hasRemaining() || data.remaining() > size) {
      return false;
    }
    byte b = data.get(data.position());
    for (int i = data.position(); i < data.limit(); i++) {
      if (data.get(i) != b) {
        return false;
      }
    }
    return true;
  }

  /**
   * Waits (up to 20 s) until the sender is stuck: its channel unwritable and the peer's window, as
   * the association sees it, closed.
   */
  void awaitStalled(SctpChannel ch) throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      if (!ch.isWritable() && status(ch).peerRwnd() == 0) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the sender never stalled: " + status(ch));
  }

  static AssociationStatus status(SctpChannel ch) {
    return ch.config().getOption(JsctpChannelOption.of(SctpStandardSocketOptions.SCTP_STATUS));
  }
}
