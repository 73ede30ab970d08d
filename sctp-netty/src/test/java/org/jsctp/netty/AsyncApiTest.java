package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.AcceptPendingException;
import java.nio.channels.ReadPendingException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.AssociationChangeNotification.AssocChangeEvent;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AsyncApiTest {

  SctpStack stack;
  SctpServerChannel server;

  @BeforeEach
  void start() throws Exception {
    stack = Loopback.stack();
    server = Loopback.server(stack);
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  @Test
  void everyBlockingCallHasAFutureThatCompletesWithoutBlockingTheLoop() throws Exception {
    CompletableFuture<SctpChannel> accept = server.acceptAsync();
    assertThat(server.acceptAsync())
        .failsWithin(Duration.ofSeconds(1))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(AcceptPendingException.class);
    SctpChannel client = Loopback.client(stack, server);
    CompletableFuture<Void> up = client.connectAsync(List.of(Loopback.address(server)));
    assertThat(client.isConnectionPending() || up.isDone()).isTrue();
    up.get(5, TimeUnit.SECONDS);
    assertThat(client.finishConnect()).isTrue();
    SctpChannel accepted = accept.get(5, TimeUnit.SECONDS);

    ByteBuffer buf = ByteBuffer.allocate(100);
    CompletableFuture<MessageInfo> received = accepted.receiveAsync(buf, null, null);
    assertThat(accepted.receiveAsync(ByteBuffer.allocate(1), null, null))
        .failsWithin(Duration.ofSeconds(1))
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(ReadPendingException.class);
    assertThat(
            client
                .sendAsync(ByteBuffer.wrap("async".getBytes()), MessageInfo.createOutgoing(null, 0))
                .get(5, TimeUnit.SECONDS))
        .isEqualTo(5);
    MessageInfo info = received.get(5, TimeUnit.SECONDS);
    assertThat(new String(buf.array(), 0, info.bytes())).isEqualTo("async");

    CompletableFuture<Void> shut = client.shutdownAsync();
    CompletableFuture<MessageInfo> end = accepted.receiveAsync(ByteBuffer.allocate(10), null, null);
    shut.get(5, TimeUnit.SECONDS);
    assertThat(end.get(5, TimeUnit.SECONDS).bytes()).isEqualTo(-1);
    assertThat(client.closeAsync()).succeedsWithin(Duration.ofSeconds(5));
  }

  @Test
  void anAsynchronousReceiveHandsNotificationsToItsHandler() throws Exception {
    SctpChannel client = Loopback.client(stack, server);
    client.connect(Loopback.address(server));
    SctpChannel accepted = server.accept(Duration.ofSeconds(5));
    List<Notification> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    CompletableFuture<MessageInfo> f =
        accepted.receiveAsync(
            ByteBuffer.allocate(10),
            seen,
            (n, list) -> {
              list.add(n);
              return n instanceof ShutdownNotification
                  ? HandlerResult.RETURN
                  : HandlerResult.CONTINUE;
            });
    client.shutdown();

    assertThat(f.get(5, TimeUnit.SECONDS)).isNull();
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0))
        .isInstanceOfSatisfying(
            AssociationChangeNotification.class,
            n -> assertThat(n.event()).isEqualTo(AssocChangeEvent.COMM_UP));
    assertThat(seen.get(1)).isInstanceOf(ShutdownNotification.class);
  }

  @Test
  void blockingCallsTimeOut() throws Exception {
    assertThatThrownBy(() -> server.accept(Duration.ofMillis(50)))
        .isInstanceOf(SocketTimeoutException.class);
    SctpChannel client = Loopback.client(stack, server);
    client.connect(Loopback.address(server));
    SctpChannel accepted = server.accept(Duration.ofSeconds(5));
    assertThatThrownBy(
            () -> accepted.receive(ByteBuffer.allocate(10), null, null, Duration.ofMillis(50)))
        .isInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void aConnectNobodyAnswersFailsWithCantStartAndClosesTheChannel() throws Exception {
    SctpStack quick =
        Loopback.stack(
            b -> {
              java.util.Map<String, String> m = Loopback.fastSysctl();
              m.put("net.sctp.max_init_retransmits", "1");
              b.sysctl(m);
            });
    try {
      SctpChannel client = SctpChannel.open(quick);
      client.setOption(
          SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT, new RemoteUdpEncapsPort(null, 9));
      assertThatThrownBy(() -> client.connect(new InetSocketAddress(Loopback.LO1, 5000)))
          .isInstanceOf(ConnectException.class);
      assertThat(client.isOpen()).isFalse();
    } finally {
      quick.close();
    }
  }

  @Test
  void blockingCallsOnTheEventLoopAreRefused() throws Exception {
    SctpChannel client = Loopback.client(stack, server);
    client.connect(Loopback.address(server));
    SctpChannel accepted = server.accept(Duration.ofSeconds(5));
    CompletableFuture<Throwable> onLoop = new CompletableFuture<>();
    accepted
        .receiveAsync(ByteBuffer.allocate(10), null, null)
        .whenComplete(
            (info, err) -> {
              try {
                accepted.receive(ByteBuffer.allocate(10), null, null);
                onLoop.complete(null);
              } catch (Throwable t) {
                onLoop.complete(t);
              }
            });
    client.send(ByteBuffer.wrap(new byte[] {1}), MessageInfo.createOutgoing(null, 0));

    assertThat(onLoop.get(5, TimeUnit.SECONDS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("event loop");
  }

  @Test
  void receivingFromWithinANotificationHandlerIsRefused() throws Exception {
    SctpChannel client = Loopback.client(stack, server);
    client.connect(Loopback.address(server));
    SctpChannel accepted = server.accept(Duration.ofSeconds(5));
    client.shutdown();
    List<Throwable> refused = new java.util.ArrayList<>();

    accepted.receive(
        ByteBuffer.allocate(10),
        refused,
        (n, list) -> {
          try {
            accepted.receive(ByteBuffer.allocate(10), null, null);
          } catch (Exception e) {
            list.add(e);
          }
          return HandlerResult.RETURN;
        },
        Duration.ofSeconds(5));

    assertThat(refused).singleElement().isInstanceOf(IllegalReceiveException.class);
  }
}
