package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * UDP channels that turn unwritable after every datagram: the runtime stops draining the core,
 * resumes when the channel is writable again, and nothing is lost or stalls.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WritabilityTest {

  @Test
  void aChannelUnwritableAfterEveryDatagramStillCarriesOneMebibyteBothWays() throws Exception {
    AtomicLong unwritable = new AtomicLong();
    try (SctpStack stack =
        Loopback.stack(
            b ->
                b.udpChannelCustomizer(
                    (local, pipeline) -> {
                      pipeline
                          .channel()
                          .config()
                          .setWriteBufferWaterMark(new WriteBufferWaterMark(1, 2));
                      pipeline.addLast(
                          new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                              if (!ctx.channel().isWritable()) {
                                unwritable.incrementAndGet();
                              }
                              ctx.fireChannelWritabilityChanged();
                            }
                          });
                    }))) {
      SctpServerChannel server = Loopback.server(stack);
      SctpChannel client = Loopback.client(stack, server);
      client.connect(Loopback.address(server));
      SctpChannel accepted = server.accept(Duration.ofSeconds(5));
      byte[] data = TransferTest.pattern(1 << 20, 3);

      client.sendAsync(ByteBuffer.wrap(data), MessageInfo.createOutgoing(null, 0));
      byte[] got = TransferTest.receiveWhole(accepted, ByteBuffer.allocate(1 << 16));
      accepted.sendAsync(ByteBuffer.wrap(got), MessageInfo.createOutgoing(null, 0));
      byte[] echoed = TransferTest.receiveWhole(client, ByteBuffer.allocate(1 << 16));

      assertThat(got).isEqualTo(data);
      assertThat(echoed).isEqualTo(data);
      assertThat(unwritable.get()).as("times a UDP channel turned unwritable").isGreaterThan(100);
    }
  }
}
