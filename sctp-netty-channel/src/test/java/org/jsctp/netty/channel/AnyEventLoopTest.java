package org.jsctp.netty.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.sctp.SctpChannel;
import io.netty.channel.sctp.SctpMessage;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.SctpMultiChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The channels do no I/O of their own, so any Netty event loop will do, and a jsctp channel made
 * with jsctp's own API (here branched off a one-to-many channel) can be handed to Netty.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AnyEventLoopTest {

  final SctpStack stack = TestStacks.stack();
  final EventLoopGroup group = new DefaultEventLoopGroup(1);

  @AfterEach
  void stop() {
    TestStacks.shutdown(group);
    stack.close();
  }

  @Test
  void aBranchedJsctpChannelRunsAsANettyChannelOnADefaultEventLoop() throws Exception {
    SctpMultiChannel multi = SctpMultiChannel.open(stack);
    multi.bind(new InetSocketAddress(TestStacks.LO1, 0));
    int port = ((InetSocketAddress) multi.getAllLocalAddresses().iterator().next()).getPort();
    int udpPort = multi.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, null);
    CompletableFuture<String> echo = new CompletableFuture<>();
    SctpChannel client =
        (SctpChannel)
            new Bootstrap()
                .group(group)
                .channelFactory(JsctpSctpChannel.factory(stack))
                .option(
                    JsctpChannelOption.SCTP_REMOTE_UDP_ENCAPS_PORT,
                    new RemoteUdpEncapsPort(null, udpPort))
                .handler(collect(echo))
                .connect(new InetSocketAddress(TestStacks.LO1, port))
                .sync()
                .channel();
    client.writeAndFlush(message("hello")).sync();

    ByteBuffer buf = ByteBuffer.allocate(100);
    MessageInfo first = null;
    while (first == null) {
      first = multi.receive(buf, null, null, Duration.ofSeconds(10));
    }
    CompletableFuture<String> echo2 = new CompletableFuture<>();
    JsctpSctpChannel branched = new JsctpSctpChannel(multi.branch(first.association()));
    branched.pipeline().addLast(collect(echo2));
    group.register(branched).sync();
    client.writeAndFlush(message("again")).sync();
    branched.writeAndFlush(message("from the branch")).sync();

    assertThat(new String(buf.array(), 0, first.bytes(), StandardCharsets.US_ASCII))
        .isEqualTo("hello");
    assertThat(echo2.get(10, TimeUnit.SECONDS)).isEqualTo("again");
    assertThat(echo.get(10, TimeUnit.SECONDS)).isEqualTo("from the branch");
    branched.close().sync();
    multi.close();
  }

  private static SctpMessage message(String text) {
    return new SctpMessage(0, 0, Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
  }

  private static ChannelInitializer<SctpChannel> collect(CompletableFuture<String> first) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(SctpChannel ch) {
        ch.pipeline()
            .addLast(
                new SimpleChannelInboundHandler<SctpMessage>() {
                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, SctpMessage msg) {
                    first.complete(msg.content().toString(StandardCharsets.US_ASCII));
                  }
                });
      }
    };
  }
}
