package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client association that sets itself up again, as Diameter and M3UA clients expect: it keeps
 * trying while the server is down, comes up when the server does, and after the server's
 * restart (its associations aborted) it is told the association went down and gets a new one.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReconnectingClientTest {

  record Event(String kind, SctpChannel channel) {}

  final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  SctpStack clientStack;
  SctpStack serverStack;
  ReconnectingClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (clientStack != null) {
      clientStack.close();
    }
    if (serverStack != null) {
      serverStack.close();
    }
  }

  @Test
  void keepsTryingUntilTheServerIsUpAndSetsUpANewAssociationAfterTheServerRestarts()
      throws Exception {
    int udpPort;
    try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(Loopback.LO1, 0))) {
      udpPort = probe.getLocalPort();
    }
    int sctpPort = 3868;
    clientStack = Loopback.stack(b -> b.sysctl(with("net.sctp.max_init_retransmits", "1")));
    client = ReconnectingClient.builder(clientStack,
            List.of(new InetSocketAddress(Loopback.LO1, sctpPort)))
        .setup(ch -> ch.setOption(SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
            new RemoteUdpEncapsPort(null, udpPort)))
        .initialDelay(Duration.ofMillis(50))
        .maxDelay(Duration.ofMillis(200))
        .listener(new ReconnectingClient.Listener() {
          @Override
          public void up(SctpChannel channel) {
            events.add(new Event("up", channel));
          }

          @Override
          public void down(SctpChannel channel) {
            events.add(new Event("down", channel));
          }

          @Override
          public void connectFailed(int attempt, Throwable cause, Duration nextAttemptIn) {
            assertThat(nextAttemptIn).isLessThanOrEqualTo(Duration.ofMillis(200));
            events.add(new Event("failed " + attempt, null));
          }
        })
        .start();

    // No server yet: the INIT goes unanswered, the connect fails and is tried again.
    assertThat(next().kind()).isEqualTo("failed 1");
    assertThat(next().kind()).isEqualTo("failed 2");
    assertThat(client.channel()).isNull();

    SctpServerChannel server = startServer(udpPort, sctpPort);
    Event up = nextOfKind("up");
    SctpChannel first = up.channel();
    assertThat(client.channel()).isSameAs(first);
    SctpChannel accepted = server.accept(Duration.ofSeconds(10));
    exchange(first, accepted, "over the first association");

    // The server's host restarts: its associations are aborted, then it listens again.
    serverStack.close();
    Event down = next();
    assertThat(down.kind()).isEqualTo("down");
    assertThat(down.channel()).isSameAs(first);
    server = startServer(udpPort, sctpPort);
    Event again = nextOfKind("up");

    assertThat(again.channel()).isNotSameAs(first);
    assertThat(first.isOpen()).as("the ended association's channel is closed").isFalse();
    assertThat(client.connects()).isEqualTo(2);
    exchange(again.channel(), server.accept(Duration.ofSeconds(10)), "over the second");

    client.close();
    assertThat(again.channel().associationEnded().get(10, TimeUnit.SECONDS)).isNull();
    assertThat(events.poll(300, TimeUnit.MILLISECONDS)).as("nothing after close").isNull();
  }

  @Test
  void refusesSettingsThatCannotWork() {
    try (SctpStack stack = Loopback.stack()) {
      List<InetSocketAddress> peer = List.of(new InetSocketAddress(Loopback.LO1, 1));
      assertThatThrownBy(() -> ReconnectingClient.builder(stack, List.of()))
          .hasMessageContaining("at least one peer address");
      assertThatThrownBy(() -> ReconnectingClient.builder(stack, peer).build())
          .hasMessageContaining("needs a listener");
      ReconnectingClient.Listener quiet = new ReconnectingClient.Listener() {
        @Override
        public void up(SctpChannel channel) {}

        @Override
        public void down(SctpChannel channel) {}
      };
      assertThatThrownBy(() -> ReconnectingClient.builder(stack, peer).listener(quiet)
              .initialDelay(Duration.ZERO).build())
          .hasMessageContaining("initialDelay must be positive");
      assertThatThrownBy(() -> ReconnectingClient.builder(stack, peer).listener(quiet)
              .initialDelay(Duration.ofSeconds(2)).maxDelay(Duration.ofSeconds(1)).build())
          .hasMessageContaining("shorter than initialDelay");
    }
  }

  private SctpServerChannel startServer(int udpPort, int sctpPort) throws Exception {
    serverStack = Loopback.stack(b -> b.sysctl(with("net.sctp.udp_port", String.valueOf(udpPort))));
    SctpServerChannel server = SctpServerChannel.open(serverStack);
    server.bind(new InetSocketAddress(Loopback.LO1, sctpPort));
    return server;
  }

  private static Map<String, String> with(String name, String value) {
    Map<String, String> m = new HashMap<>(Loopback.fastSysctl());
    m.put(name, value);
    return m;
  }

  private static void exchange(SctpChannel from, SctpChannel to, String text) throws Exception {
    from.send(ByteBuffer.wrap(text.getBytes()), MessageInfo.createOutgoing(null, 0));
    ByteBuffer buf = ByteBuffer.allocate(100);
    MessageInfo info;
    do {
      buf.clear();
      info = to.receive(buf, null, (n, a) -> HandlerResult.CONTINUE, Duration.ofSeconds(10));
    } while (info.bytes() == 0);
    assertThat(new String(buf.array(), 0, info.bytes())).isEqualTo(text);
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
