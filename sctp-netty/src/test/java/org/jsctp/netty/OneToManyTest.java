package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.AssociationChangeNotification.AssocChangeEvent;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OneToManyTest {

  SctpStack serverStack;
  SctpStack clientStack;
  EchoServer echo;

  @BeforeEach
  void start() throws Exception {
    serverStack = Loopback.stack();
    clientStack = Loopback.stack(b -> b.eventLoopThreads(2));
    echo = new EchoServer(serverStack);
  }

  @AfterEach
  void stop() throws Exception {
    echo.close();
    clientStack.close();
    serverStack.close();
  }

  /** Receives {@code n} messages asynchronously, skipping notifications. */
  static CompletableFuture<List<String>> receive(SctpChannel ch, int n, List<String> into) {
    if (into.size() == n) {
      return CompletableFuture.completedFuture(into);
    }
    ByteBuffer buf = ByteBuffer.allocate(200);
    return ch.receiveAsync(buf, null, null)
        .thenCompose(
            info -> {
              into.add(new String(buf.array(), 0, info.bytes()));
              return receive(ch, n, into);
            });
  }

  @Test
  void echoesToOneHundredConcurrentClientAssociations() throws Exception {
    int clients = 100;
    int messages = 10;
    List<SctpChannel> channels = new ArrayList<>();
    List<CompletableFuture<Void>> ups = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      SctpChannel ch = SctpChannel.open(clientStack);
      ch.setOption(
          SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
          new RemoteUdpEncapsPort(null, echo.udpPort()));
      channels.add(ch);
      ups.add(ch.connectAsync(List.of(echo.address())));
    }
    CompletableFuture.allOf(ups.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
    assertThat(echo.channel.associations()).hasSize(clients);

    List<CompletableFuture<List<String>>> replies = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      SctpChannel ch = channels.get(i);
      for (int m = 0; m < messages; m++) {
        ch.sendAsync(
            ByteBuffer.wrap(("client " + i + " message " + m).getBytes()),
            MessageInfo.createOutgoing(null, 0));
      }
      replies.add(receive(ch, messages, new ArrayList<>()));
    }
    for (int i = 0; i < clients; i++) {
      List<String> got = replies.get(i).get(20, TimeUnit.SECONDS);
      List<String> expected = new ArrayList<>();
      for (int m = 0; m < messages; m++) {
        expected.add("client " + i + " message " + m);
      }
      assertThat(got).isEqualTo(expected);
    }
    assertThat(serverStack.snmp().get("SctpPassiveEstabs")).isEqualTo(clients);
    assertThat(serverStack.snmp().get("SctpCurrEstab")).isEqualTo(clients);
    assertThat(clientStack.snmp().get("SctpActiveEstabs")).isEqualTo(clients);
  }

  @Test
  void sendingToAnAddressSetsAnAssociationUpImplicitly() throws Exception {
    SctpMultiChannel client = SctpMultiChannel.open(clientStack);
    client.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, 0, null);
    client.setOption(
        SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
        new RemoteUdpEncapsPort(null, echo.udpPort()),
        null);

    client.send(
        ByteBuffer.wrap("implicit".getBytes()),
        MessageInfo.createOutgoing(echo.address(), 2).payloadProtocolID(7));
    List<Notification> notes = new ArrayList<>();
    ByteBuffer buf = ByteBuffer.allocate(100);
    MessageInfo info =
        client.receive(
            buf,
            notes,
            (n, list) -> {
              list.add(n);
              return HandlerResult.CONTINUE;
            },
            Duration.ofSeconds(5));

    assertThat(new String(buf.array(), 0, info.bytes())).isEqualTo("implicit");
    assertThat(info.streamNumber()).isEqualTo(2);
    assertThat(info.payloadProtocolID()).isEqualTo(7);
    assertThat(client.associations()).containsExactly(info.association());
    assertThat(notes)
        .singleElement()
        .isInstanceOfSatisfying(
            AssociationChangeNotification.class,
            n -> assertThat(n.event()).isEqualTo(AssocChangeEvent.COMM_UP));
    assertThat(client.getRemoteAddresses(info.association())).containsExactly(echo.address());

    client.send(ByteBuffer.wrap("again".getBytes()), MessageInfo.createOutgoing(echo.address(), 0));
    buf.clear();
    MessageInfo second = client.receive(buf, null, null, Duration.ofSeconds(5));
    assertThat(second.association()).isSameAs(info.association());
    client.close();
  }

  @Test
  void branchPeelsAnAssociationOffWithItsUnreadMessages() throws Exception {
    SctpMultiChannel server = SctpMultiChannel.open(serverStack);
    server.bind(new InetSocketAddress(Loopback.LO2, 0));
    SctpChannel client = SctpChannel.open(clientStack);
    client.setOption(
        SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
        new RemoteUdpEncapsPort(
            null, server.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, null)));
    client.connect(server.getAllLocalAddresses().iterator().next());
    client.send(ByteBuffer.wrap("first".getBytes()), MessageInfo.createOutgoing(null, 0));
    client.send(ByteBuffer.wrap("second".getBytes()), MessageInfo.createOutgoing(null, 0));
    ByteBuffer buf = ByteBuffer.allocate(100);
    MessageInfo first = server.receive(buf, null, null, Duration.ofSeconds(5));
    assertThat(new String(buf.array(), 0, first.bytes())).isEqualTo("first");

    SctpChannel branched = server.branch(first.association());

    assertThat(server.associations()).isEmpty();
    assertThat(branched.association()).isSameAs(first.association());
    buf.clear();
    MessageInfo second = branched.receive(buf, null, null, Duration.ofSeconds(5));
    assertThat(new String(buf.array(), 0, second.bytes())).isEqualTo("second");
    branched.send(
        ByteBuffer.wrap("from the branch".getBytes()), MessageInfo.createOutgoing(null, 0));
    buf.clear();
    MessageInfo reply = client.receive(buf, null, null, Duration.ofSeconds(5));
    assertThat(new String(buf.array(), 0, reply.bytes())).isEqualTo("from the branch");
    assertThatThrownBy(() -> server.branch(first.association()))
        .isInstanceOf(IllegalArgumentException.class);
    server.close();
  }

  @Test
  void shutdownOfOneAssociationLeavesTheOthers() throws Exception {
    SctpMultiChannel client = SctpMultiChannel.open(clientStack);
    client.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, 0, null);
    client.setOption(
        SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
        new RemoteUdpEncapsPort(null, echo.udpPort()),
        null);
    client.send(ByteBuffer.wrap("x".getBytes()), MessageInfo.createOutgoing(echo.address(), 0));
    ByteBuffer buf = ByteBuffer.allocate(10);
    Association a = client.receive(buf, null, null, Duration.ofSeconds(5)).association();

    client.shutdownAsync(a).get(10, TimeUnit.SECONDS);

    assertThat(client.associations()).isEmpty();
    // The server's side ends when the client's SHUTDOWN COMPLETE arrives, a moment later.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!echo.channel.associations().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(echo.channel.associations()).isEmpty();
  }

  @Test
  void autocloseEndsAnIdleAssociation() throws Exception {
    echo.channel.setOption(SctpStandardSocketOptions.SCTP_AUTOCLOSE, 1, null);
    SctpChannel client = SctpChannel.open(clientStack);
    client.setOption(
        SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
        new RemoteUdpEncapsPort(null, echo.udpPort()));
    client.connect(echo.address());
    client.send(ByteBuffer.wrap("ping".getBytes()), MessageInfo.createOutgoing(null, 0));

    List<Object> seen = new ArrayList<>();
    ByteBuffer buf = ByteBuffer.allocate(10);
    while (true) {
      buf.clear();
      MessageInfo info =
          client.receive(
              buf,
              seen,
              (n, list) -> {
                list.add(n);
                return HandlerResult.CONTINUE;
              },
              Duration.ofSeconds(10));
      if (info.bytes() < 0) {
        break;
      }
      seen.add(new String(buf.array(), 0, info.bytes()));
    }
    assertThat(seen).contains("ping");
    assertThat(seen.get(seen.size() - 1))
        .isInstanceOfSatisfying(
            AssociationChangeNotification.class,
            n -> assertThat(n.event()).isEqualTo(AssocChangeEvent.SHUTDOWN));
    assertThat(serverStack.snmp().get("SctpAutocloseExpireds")).isEqualTo(1);
  }
}
