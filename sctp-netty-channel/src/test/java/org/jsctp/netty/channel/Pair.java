package org.jsctp.netty.channel;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.sctp.SctpChannel;
import io.netty.channel.sctp.SctpServerChannel;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.option.RemoteUdpEncapsPort;

/**
 * A server and a client bootstrapped on a test stack of their own (through the channel factories),
 * the server on 127.0.0.1 (and 127.0.0.2 when multihomed), the client told the server's ephemeral
 * UDP port. The handlers come from suppliers, one set per channel.
 */
final class Pair {

  final SctpStack stack = TestStacks.stack();
  final EventLoopGroup group = TestStacks.group(2);
  final CompletableFuture<SctpChannel> accepted = new CompletableFuture<>();
  SctpServerChannel server;
  SctpChannel client;

  /** Binds the server; {@code childOptions} go to the channels it accepts. */
  Pair listen(
      boolean multihomed,
      Map<ChannelOption<?>, Object> childOptions,
      Supplier<ChannelHandler[]> handlers)
      throws Exception {
    return listen(multihomed, Map.of(), childOptions, handlers);
  }

  /**
   * Binds the server with {@code options} (what the associations it accepts start with, in the
   * map's order); {@code childOptions} go to the channels it accepts.
   */
  Pair listen(
      boolean multihomed,
      Map<ChannelOption<?>, Object> options,
      Map<ChannelOption<?>, Object> childOptions,
      Supplier<ChannelHandler[]> handlers)
      throws Exception {
    ServerBootstrap b =
        new ServerBootstrap()
            .group(group)
            .channelFactory(JsctpSctpServerChannel.factory(stack))
            .childHandler(
                new ChannelInitializer<SctpChannel>() {
                  @Override
                  protected void initChannel(SctpChannel ch) {
                    ch.pipeline().addLast(handlers.get());
                    accepted.complete(ch);
                  }
                });
    options.forEach((o, v) -> option(b, o, v));
    childOptions.forEach((o, v) -> childOption(b, o, v));
    server = (SctpServerChannel) b.bind(new InetSocketAddress(TestStacks.LO1, 0)).sync().channel();
    if (multihomed) {
      server.bindAddress(TestStacks.LO2).sync();
    }
    return this;
  }

  @SuppressWarnings("unchecked")
  private static <T> void childOption(ServerBootstrap b, ChannelOption<T> o, Object v) {
    b.childOption(o, (T) v);
  }

  @SuppressWarnings("unchecked")
  private static <T> void option(
      io.netty.bootstrap.AbstractBootstrap<?, ?> b, ChannelOption<T> o, Object v) {
    b.option(o, (T) v);
  }

  /** Connects a client with {@code options} to the server's first address. */
  Pair connect(Map<ChannelOption<?>, Object> options, Supplier<ChannelHandler[]> handlers)
      throws Exception {
    client =
        (SctpChannel) bootstrap(options, handlers).connect(server.localAddress()).sync().channel();
    return this;
  }

  /** A client bootstrap on the stack, told the server's UDP port. */
  Bootstrap bootstrap(Map<ChannelOption<?>, Object> options, Supplier<ChannelHandler[]> handlers) {
    int udpPort = server.config().getOption(JsctpChannelOption.SCTP_LOCAL_UDP_ENCAPS_PORT);
    Bootstrap b =
        new Bootstrap()
            .group(group)
            .channelFactory(JsctpSctpChannel.factory(stack))
            .option(
                JsctpChannelOption.SCTP_REMOTE_UDP_ENCAPS_PORT,
                new RemoteUdpEncapsPort(null, udpPort))
            .handler(
                new ChannelInitializer<SctpChannel>() {
                  @Override
                  protected void initChannel(SctpChannel ch) {
                    ch.pipeline().addLast(handlers.get());
                  }
                });
    options.forEach((o, v) -> option(b, o, v));
    return b;
  }

  SctpChannel child() throws Exception {
    return accepted.get(10, TimeUnit.SECONDS);
  }

  /** Closes what is open, stops the loops, then the stack. */
  void close() {
    if (client != null) {
      client.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    TestStacks.shutdown(group);
    stack.close();
  }
}
