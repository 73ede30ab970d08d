package org.jsctp.netty.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connecting: Netty's connect timeout, and a channel that never connects closing cleanly. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectTest {

  final SctpStack stack = TestStacks.stack();
  final EventLoopGroup group = TestStacks.group(1);

  @AfterEach
  void stop() {
    TestStacks.shutdown(group);
    stack.close();
  }

  @Test
  void aPeerThatNeverAnswersFailsTheConnectAfterTheConnectTimeout() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(TestStacks.LO1, 0))) {
      Bootstrap b =
          new Bootstrap()
              .group(group)
              .channelFactory(JsctpSctpChannel.factory(stack))
              .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 300)
              .option(
                  JsctpChannelOption.SCTP_REMOTE_UDP_ENCAPS_PORT,
                  new RemoteUdpEncapsPort(null, silent.getLocalPort()))
              .handler(new ChannelInboundHandlerAdapter());

      ChannelFuture f = b.connect(new InetSocketAddress(TestStacks.LO1, 3868)).await();

      assertThat(f.cause()).isInstanceOf(ConnectTimeoutException.class);
      assertThat(f.channel().closeFuture().await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(f.channel().isOpen()).isFalse();
    }
  }

  @Test
  void aChannelClosedWhileConnectingFailsItsConnect() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(TestStacks.LO1, 0))) {
      Bootstrap b =
          new Bootstrap()
              .group(group)
              .channelFactory(JsctpSctpChannel.factory(stack))
              .option(
                  JsctpChannelOption.SCTP_REMOTE_UDP_ENCAPS_PORT,
                  new RemoteUdpEncapsPort(null, silent.getLocalPort()))
              .handler(new ChannelInboundHandlerAdapter());
      ChannelFuture f = b.connect(new InetSocketAddress(TestStacks.LO1, 3868));
      f.channel().eventLoop().submit(() -> null).sync();

      f.channel().close().sync();

      assertThat(f.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(f.isSuccess()).isFalse();
      assertThat(f.channel().isActive()).isFalse();
    }
  }
}
