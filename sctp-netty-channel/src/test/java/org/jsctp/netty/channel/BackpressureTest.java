package org.jsctp.netty.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.sctp.SctpChannel;
import io.netty.channel.sctp.SctpMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Backpressure end to end: a server channel with {@code autoRead} off reads nothing, so jsctp holds
 * the data, the association's window closes, the client's send buffer fills and its channel turns
 * unwritable; then the server reads one message per {@code read()}, and everything arrives, in
 * order, and the client is writable again.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BackpressureTest {

  static final int SIZE = 16 * 1024;
  static final int COUNT = 256;

  final Pair pair = new Pair();
  final Backlog backlog = new Backlog(SIZE, COUNT);
  final OnePerRead reader = new OnePerRead(COUNT);

  @AfterEach
  void stop() {
    pair.close();
  }

  @Test
  void aReaderThatStopsStopsTheWriterAndOneReadDeliversOneMessage() throws Exception {
    pair.listen(
        false,
        Map.<ChannelOption<?>, Object>of(ChannelOption.AUTO_READ, false),
        () -> new ChannelHandler[] {reader});
    pair.connect(Map.of(), () -> new ChannelHandler[] {backlog});
    SctpChannel child = pair.child();

    backlog.awaitStalled(pair.client);
    int rcvbuf = child.config().getReceiveBufferSize();
    int sndbuf = pair.client.config().getSendBufferSize();
    assertThat(reader.messages).as("read without a read()").isEmpty();
    assertThat((long) backlog.accepted.get() * SIZE)
        .as("bytes jsctp took from the client while nothing was read")
        .isLessThanOrEqualTo(rcvbuf + sndbuf + 4L * SIZE);
    assertThat(backlog.sawUnwritable).isTrue();

    child.read();

    List<SctpMessage> got = reader.all.get(50, TimeUnit.SECONDS);
    for (int i = 0; i < COUNT; i++) {
      SctpMessage m = got.get(i);
      assertThat(m.content().readableBytes()).isEqualTo(SIZE);
      assertThat(m.content().getByte(0)).as("message %d in order", i).isEqualTo(Backlog.fill(i));
      assertThat(m.content().getByte(SIZE - 1)).isEqualTo(Backlog.fill(i));
      m.release();
    }
    assertThat(reader.batches).as("messages per read()").containsOnly(1);
    awaitAccepted(backlog, COUNT);
    assertThat(backlog.failed.get()).isZero();
    assertThat(pair.client.isWritable()).isTrue();
  }

  private static void awaitAccepted(Backlog b, int count) throws InterruptedException {
    for (int i = 0; i < 500 && b.accepted.get() < count; i++) {
      Thread.sleep(20);
    }
    assertThat(b.accepted.get()).isEqualTo(count);
  }

  /**
   * Reads with {@code autoRead} off, Netty's way: one {@code read()} at a time, the next asked for
   * when the last read completed; parts of a message (the allocator's first buffers are smaller
   * than a message) are joined here.
   */
  static final class OnePerRead extends ChannelInboundHandlerAdapter {
    final List<SctpMessage> messages = new CopyOnWriteArrayList<>();
    final List<Integer> batches = new CopyOnWriteArrayList<>();
    final CompletableFuture<List<SctpMessage>> all = new CompletableFuture<>();
    private final int count;
    private int inBatch;
    private SctpMessage partial;

    OnePerRead(int count) {
      this.count = count;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      inBatch++;
      SctpMessage m = (SctpMessage) msg;
      if (partial != null) {
        SctpMessage joined =
            new SctpMessage(
                m.messageInfo(),
                ctx.alloc().compositeBuffer().addComponents(true, partial.content(), m.content()));
        partial = null;
        m = joined;
      }
      if (!m.isComplete()) {
        partial = m;
        return;
      }
      messages.add(m);
      if (messages.size() == count) {
        all.complete(List.copyOf(messages));
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      batches.add(inBatch);
      inBatch = 0;
      if (messages.size() < count) {
        ctx.read();
      }
    }
  }
}
