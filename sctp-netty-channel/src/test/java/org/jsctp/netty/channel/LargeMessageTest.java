package org.jsctp.netty.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.sctp.SctpMessage;
import io.netty.handler.codec.sctp.SctpInboundByteStreamHandler;
import io.netty.handler.codec.sctp.SctpMessageCompletionHandler;
import io.netty.handler.codec.sctp.SctpOutboundByteStreamHandler;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Netty's SCTP codec handlers on the jsctp channels: messages of 1 MiB, larger than the receive
 * buffer, arrive in parts (jsctp's partial delivery, and the allocator's buffer sizes), which
 * {@code SctpMessageCompletionHandler} joins; the byte-stream handlers turn them into {@code
 * ByteBuf}s and back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LargeMessageTest {

  static final int PPID = 46;
  static final int STREAM = 0;
  static final int SIZE = 1 << 20;
  static final int MESSAGES = 3;

  final Pair pair = new Pair();
  final PartCounter serverParts = new PartCounter();
  final PartCounter clientParts = new PartCounter();
  final BlockingQueue<byte[]> echoes = new LinkedBlockingQueue<>();

  @AfterEach
  void stop() {
    pair.close();
  }

  static ChannelHandler[] codec(PartCounter parts, ChannelHandler last) {
    return new ChannelHandler[] {
      parts,
      new SctpMessageCompletionHandler(),
      new SctpInboundByteStreamHandler(PPID, STREAM),
      new SctpOutboundByteStreamHandler(STREAM, PPID),
      last
    };
  }

  @Test
  void carriesOneMebibyteMessagesThroughTheCompletionAndByteStreamHandlers() throws Exception {
    pair.listen(false, Map.of(), () -> codec(serverParts, new ByteEcho()));
    pair.connect(Map.of(), () -> codec(clientParts, new Collector(echoes)));

    byte[][] sent = new byte[MESSAGES][];
    for (int i = 0; i < MESSAGES; i++) {
      sent[i] = new byte[SIZE];
      new Random(i).nextBytes(sent[i]);
      pair.client.writeAndFlush(Unpooled.wrappedBuffer(sent[i])).sync();
    }
    for (int i = 0; i < MESSAGES; i++) {
      byte[] echo = echoes.poll(30, TimeUnit.SECONDS);
      assertThat(echo).as("echo %d", i).isNotNull();
      assertThat(echo).as("echo %d", i).isEqualTo(sent[i]);
    }
    assertThat(serverParts.incomplete.get()).as("parts the server joined").isPositive();
    assertThat(clientParts.incomplete.get()).as("parts the client joined").isPositive();
  }

  /** Counts the SctpMessages that are parts of a message, and passes everything on. */
  @Sharable
  static final class PartCounter extends ChannelInboundHandlerAdapter {
    final AtomicInteger incomplete = new AtomicInteger();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof SctpMessage m && !m.isComplete()) {
        incomplete.incrementAndGet();
      }
      ctx.fireChannelRead(msg);
    }
  }

  /** Echoes whole messages, as ByteBufs (the outbound byte-stream handler makes SctpMessages). */
  static final class ByteEcho extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ctx.writeAndFlush(msg);
    }
  }

  static final class Collector extends SimpleChannelInboundHandler<ByteBuf> {
    private final BlockingQueue<byte[]> out;

    Collector(BlockingQueue<byte[]> out) {
      this.out = out;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
      out.add(ByteBufUtil.getBytes(msg));
    }
  }
}
