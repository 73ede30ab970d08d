package org.jsctp.netty.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.nio.sctp.ShutdownNotification;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.sctp.SctpChannel;
import io.netty.channel.sctp.SctpChannelOption;
import io.netty.channel.sctp.SctpMessage;
import io.netty.channel.sctp.SctpServerChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Netty's own SCTP echo example (its multihoming variant: server and client each on 127.0.0.1 and
 * 127.0.0.2), ported to jsctp by changing the channel classes, on the process-wide default stack
 * (the build sets {@code net.sctp.udp_port=0} for it, so the server's UDP port is ephemeral and the
 * client is told it). docs/netty.md shows this code.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EchoExampleTest {

  static final int MESSAGES = 200;
  static final int STREAMS = 4;

  EventLoopGroup bossGroup;
  EventLoopGroup workerGroup;
  EventLoopGroup group;
  final Queue<Object> serverEvents = new ConcurrentLinkedQueue<>();
  final CompletableFuture<Channel> accepted = new CompletableFuture<>();

  @AfterEach
  void stop() {
    TestStacks.shutdown(group, bossGroup, workerGroup);
  }

  @Test
  void echoesEveryMessageWithItsStreamPpidAndOrderingBetweenMultihomedPeers() throws Exception {
    EchoClientHandler clientHandler = new EchoClientHandler(MESSAGES, STREAMS);

    // guide:begin
    // The server: Netty's SctpMultiHomingEchoServer with the jsctp channel class.
    bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    workerGroup = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    ServerBootstrap b = new ServerBootstrap();
    b.group(bossGroup, workerGroup)
        .channel(JsctpSctpServerChannel.class)
        .option(ChannelOption.SO_BACKLOG, 100)
        .childHandler(
            new ChannelInitializer<SctpChannel>() {
              @Override
              public void initChannel(SctpChannel ch) {
                ch.pipeline().addLast(new EchoServerHandler(accepted, serverEvents));
              }
            });
    SctpServerChannel server =
        (SctpServerChannel) b.bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    server.bindAddress(InetAddress.getByName("127.0.0.2")).sync();

    // The client: Netty's SctpMultiHomingEchoClient with the jsctp channel class. The server's
    // UDP port is the default stack's net.sctp.udp_port, here ephemeral: tell the client.
    int serverUdpPort = server.config().getOption(JsctpChannelOption.SCTP_LOCAL_UDP_ENCAPS_PORT);
    group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    Bootstrap cb = new Bootstrap();
    cb.group(group)
        .channel(JsctpSctpChannel.class)
        .option(SctpChannelOption.SCTP_NODELAY, true)
        .option(
            JsctpChannelOption.SCTP_REMOTE_UDP_ENCAPS_PORT,
            new RemoteUdpEncapsPort(null, serverUdpPort))
        .handler(
            new ChannelInitializer<SctpChannel>() {
              @Override
              public void initChannel(SctpChannel ch) {
                ch.pipeline().addLast(clientHandler);
              }
            });
    SctpChannel client =
        (SctpChannel) cb.bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    client.bindAddress(InetAddress.getByName("127.0.0.2")).sync();
    client.connect(new InetSocketAddress("127.0.0.1", server.localAddress().getPort())).sync();
    // guide:end

    Map<Integer, SctpMessage> echoes = clientHandler.echoes.get(20, TimeUnit.SECONDS);
    assertThat(echoes).hasSize(MESSAGES);
    for (int i = 0; i < MESSAGES; i++) {
      SctpMessage m = echoes.get(i);
      assertThat(m.content().toString(StandardCharsets.US_ASCII)).isEqualTo(payload(i));
      assertThat(m.streamIdentifier()).isEqualTo(i % STREAMS);
      assertThat(m.protocolIdentifier()).isEqualTo(1000 + i);
      assertThat(m.isUnordered()).isEqualTo(i % 3 == 0);
      assertThat(m.isComplete()).isTrue();
      assertThat(m.messageInfo().association()).isSameAs(client.association());
      assertThat(m.messageInfo().streamNumber()).isEqualTo(i % STREAMS);
      assertThat(m.messageInfo().payloadProtocolID()).isEqualTo(1000 + i);
      assertThat(m.messageInfo().bytes()).isEqualTo(payload(i).length());
      m.release();
    }

    int serverPort = server.localAddress().getPort();
    assertThat(client.allRemoteAddresses())
        .containsExactlyInAnyOrder(
            new InetSocketAddress(TestStacks.LO1, serverPort),
            new InetSocketAddress(TestStacks.LO2, serverPort));
    assertThat(client.remoteAddress()).isEqualTo(new InetSocketAddress(TestStacks.LO1, serverPort));
    assertThat(client.association().maxOutboundStreams()).isGreaterThanOrEqualTo(STREAMS);
    SctpChannel child = (SctpChannel) accepted.get(5, TimeUnit.SECONDS);
    int clientPort = client.localAddress().getPort();
    assertThat(child.parent()).isSameAs(server);
    assertThat(child.allRemoteAddresses())
        .containsExactlyInAnyOrder(
            new InetSocketAddress(TestStacks.LO1, clientPort),
            new InetSocketAddress(TestStacks.LO2, clientPort));
    assertThat(child.association().associationID()).isPositive();

    client.close().sync();
    child.closeFuture().await(10, TimeUnit.SECONDS);
    assertThat(child.isOpen())
        .as("the server's channel closes after the peer's SHUTDOWN")
        .isFalse();
    assertThat(serverEvents).anyMatch(e -> e instanceof ShutdownNotification);
    server.close().sync();
  }

  static String payload(int i) {
    return "message " + i + " " + "x".repeat(i % 50);
  }

  /** Netty's SctpEchoServerHandler, plus what the test looks at. */
  @Sharable
  static final class EchoServerHandler extends ChannelInboundHandlerAdapter {
    private final CompletableFuture<Channel> accepted;
    private final Queue<Object> events;

    EchoServerHandler(CompletableFuture<Channel> accepted, Queue<Object> events) {
      this.accepted = accepted;
      this.events = events;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      accepted.complete(ctx.channel());
      ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ctx.write(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      events.add(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      cause.printStackTrace();
      ctx.close();
    }
  }

  /**
   * Sends {@code count} messages when the association is up, over {@code streams} streams with a
   * PPID each and every third unordered, and keeps the echoes by message number.
   */
  @Sharable
  static final class EchoClientHandler extends ChannelInboundHandlerAdapter {
    final CompletableFuture<Map<Integer, SctpMessage>> echoes = new CompletableFuture<>();
    private final Map<Integer, SctpMessage> received = new ConcurrentHashMap<>();
    private final int count;
    private final int streams;

    EchoClientHandler(int count, int streams) {
      this.count = count;
      this.streams = streams;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      for (int i = 0; i < count; i++) {
        ctx.write(
            new SctpMessage(
                1000 + i,
                i % streams,
                i % 3 == 0,
                Unpooled.copiedBuffer(payload(i), StandardCharsets.US_ASCII)));
      }
      ctx.flush();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      SctpMessage m = (SctpMessage) msg;
      String text = m.content().toString(StandardCharsets.US_ASCII);
      int i = Integer.parseInt(List.of(text.split(" ")).get(1));
      if (received.putIfAbsent(i, m) != null) {
        m.release();
        echoes.completeExceptionally(new AssertionError("echoed twice: " + i));
      }
      if (received.size() == count) {
        echoes.complete(received);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      echoes.completeExceptionally(cause);
      ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (!echoes.isDone()) {
        echoes.completeExceptionally(new AssertionError("closed before every echo came back"));
      }
    }
  }
}
