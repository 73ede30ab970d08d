package org.jsctp.netty.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.PeerAddressFilter;
import org.jsctp.netty.ReconnectBackoff;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Netty SCTP client on jsctp that sets its association up again: it keeps trying while the
 * server is down, comes up with it, and after the server restarts gets a new channel.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReconnectingBootstrapTest {

  record Event(String kind, Channel channel) {}

  final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  final SctpStack clientStack = TestStacks.stack();
  final EventLoopGroup group = TestStacks.group(1);
  final EventLoopGroup serverGroup = TestStacks.group(1);
  SctpStack serverStack;
  ReconnectingBootstrap client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    TestStacks.shutdown(group, serverGroup);
    clientStack.close();
    if (serverStack != null) {
      serverStack.close();
    }
  }

  @Test
  void reconnectsAfterFailedConnectsAndAfterTheServerRestarts() throws Exception {
    int udpPort;
    try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(TestStacks.LO1, 0))) {
      udpPort = probe.getLocalPort();
    }
    Bootstrap b = new Bootstrap()
        .group(group)
        .channelFactory(JsctpSctpChannel.factory(clientStack))
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 300)
        .option(JsctpChannelOption.SCTP_REMOTE_UDP_ENCAPS_PORT, new RemoteUdpEncapsPort(null, udpPort))
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new ChannelInboundHandlerAdapter());
          }
        });
    client = new ReconnectingBootstrap(b, new InetSocketAddress(TestStacks.LO1, 3868),
        new ReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(200)),
        new ReconnectingBootstrap.Listener() {
          @Override
          public void up(Channel channel) {
            events.add(new Event("up", channel));
          }

          @Override
          public void down(Channel channel) {
            events.add(new Event("down", channel));
          }

          @Override
          public void connectFailed(int attempt, Throwable cause, Duration nextAttemptIn) {
            events.add(new Event("failed " + attempt, null));
          }
        }).start();

    assertThat(next().kind()).isEqualTo("failed 1");
    assertThat(next().kind()).isEqualTo("failed 2");

    Channel server = startServer(udpPort);
    Channel first = nextOfKind("up").channel();
    assertThat(first.isActive()).isTrue();

    serverStack.close();
    Event down = next();
    assertThat(down.kind()).isEqualTo("down");
    assertThat(down.channel()).isSameAs(first);
    server.close();
    startServer(udpPort);
    Channel second = nextOfKind("up").channel();

    assertThat(second).isNotSameAs(first);
    assertThat(second.isActive()).isTrue();
    client.close();
    assertThat(second.closeFuture().await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(events.poll(300, TimeUnit.MILLISECONDS)).as("nothing after close").isNull();
  }

  private Channel startServer(int udpPort) throws Exception {
    Map<String, String> sysctl = new HashMap<>(Map.of(
        "net.sctp.udp_port", String.valueOf(udpPort),
        "net.sctp.rto_initial", "300",
        "net.sctp.rto_min", "100",
        "net.sctp.rto_max", "1000"));
    serverStack = SctpStack.builder().sysctl(sysctl)
        .allowedPeerAddresses(PeerAddressFilter.subnets("127.0.0.0/8"))
        .threadName(TestStacks.THREADS).build();
    return new ServerBootstrap()
        .group(serverGroup)
        .channelFactory(JsctpSctpServerChannel.factory(serverStack))
        .childHandler(new ChannelInboundHandlerAdapter())
        .bind(new InetSocketAddress(TestStacks.LO1, 3868)).sync().channel();
  }

  private Event next() throws InterruptedException {
    Event e = events.poll(20, TimeUnit.SECONDS);
    assertThat(e).as("a listener call").isNotNull();
    return e;
  }

  private Event nextOfKind(String kind) throws InterruptedException {
    while (true) {
      Event e = next();
      if (e.kind().equals(kind)) {
        return e;
      }
      assertThat(e.kind()).as("only failed attempts before %s", kind).startsWith("failed");
    }
  }
}
