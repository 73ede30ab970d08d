package org.jsctp.netty.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.sctp.SctpChannelOption;
import io.netty.channel.sctp.SctpMessage;
import io.netty.handler.codec.sctp.SctpMessageCompletionHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * I-DATA (RFC 8260) through the Netty pipeline: with fragment interleave level 2, pieces of large
 * messages of different streams may be delivered interleaved; each SctpMessage part must belong to
 * one message, and {@code SctpMessageCompletionHandler}, which joins parts per stream, puts both
 * messages together. (jsctp's sender schedules first come, first served for now, so the pieces
 * still arrive message by message here; {@link MessagePartsTest} covers the interleaved case.)
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InterleavingTest {

  static final int SIZE = 300_000;

  final Pair pair = new Pair();
  final List<SctpMessage> parts = new CopyOnWriteArrayList<>();
  final Map<Integer, byte[]> whole = new ConcurrentHashMap<>();

  @AfterEach
  void stop() {
    parts.forEach(SctpMessage::release);
    pair.close();
  }

  static Map<ChannelOption<?>, Object> interleaving() {
    Map<ChannelOption<?>, Object> m = new LinkedHashMap<>();
    m.put(SctpChannelOption.SCTP_FRAGMENT_INTERLEAVE, 2);
    m.put(JsctpChannelOption.of(SctpStandardSocketOptions.SCTP_INTERLEAVING_SUPPORTED), true);
    return m;
  }

  static byte fill(int stream) {
    return (byte) (0x10 * stream + 1);
  }

  @Test
  void partsOfMessagesOfTwoStreamsEachBelongToOneMessage() throws Exception {
    pair.listen(
        false,
        interleaving(),
        Map.of(),
        () -> new ChannelHandler[] {new Parts(), new SctpMessageCompletionHandler(), new Whole()});
    pair.connect(interleaving(), () -> new ChannelHandler[0]);
    assertThat(
            pair.client
                .config()
                .getOption(
                    JsctpChannelOption.of(SctpStandardSocketOptions.SCTP_INTERLEAVING_SUPPORTED)))
        .as("I-DATA negotiated")
        .isTrue();

    for (int stream = 1; stream <= 2; stream++) {
      byte[] data = new byte[SIZE];
      java.util.Arrays.fill(data, fill(stream));
      pair.client.write(new SctpMessage(0, stream, Unpooled.wrappedBuffer(data)));
    }
    pair.client.flush();

    for (int i = 0; i < 500 && whole.size() < 2; i++) {
      Thread.sleep(20);
    }
    for (int stream = 1; stream <= 2; stream++) {
      byte[] got = whole.get(stream);
      assertThat(got).as("stream %d", stream).isNotNull().hasSize(SIZE);
      for (byte b : got) {
        assertThat(b).as("a byte of stream %d's message", stream).isEqualTo(fill(stream));
      }
    }
    for (SctpMessage p : parts) {
      ByteBuf c = p.content();
      for (int i = c.readerIndex(); i < c.writerIndex(); i++) {
        assertThat(c.getByte(i)).isEqualTo(fill(p.streamIdentifier()));
      }
    }
  }

  /** Keeps a copy of every part, and passes it on. */
  final class Parts extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      parts.add(((SctpMessage) msg).copy());
      ctx.fireChannelRead(msg);
    }
  }

  final class Whole extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      SctpMessage m = (SctpMessage) msg;
      whole.put(m.streamIdentifier(), ByteBufUtil.getBytes(m.content()));
      m.release();
    }
  }
}
