package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectAcceptTest {

  SctpStack stack;

  @BeforeEach
  void start() {
    stack = Loopback.stack();
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  @Test
  void connectsToAServerAndBothSidesSeeTheAssociation() throws Exception {
    SctpServerChannel server = Loopback.server(stack);
    InetSocketAddress serverAddress = Loopback.address(server);
    SctpChannel client = Loopback.client(stack, server);

    assertThat(client.connect(serverAddress, 5, 7)).isTrue();
    SctpChannel accepted = server.accept(Duration.ofSeconds(5));

    Association a = client.association();
    assertThat(a).isNotNull();
    assertThat(a.maxOutboundStreams()).isEqualTo(5);
    assertThat(a.maxInboundStreams()).isEqualTo(7);
    assertThat(accepted.association().maxInboundStreams()).isEqualTo(5);
    assertThat(client.getRemoteAddresses()).containsExactly(serverAddress);
    assertThat(accepted.getRemoteAddresses())
        .containsExactlyElementsOf(client.getAllLocalAddresses());
    assertThat(accepted.getAllLocalAddresses()).containsExactly(serverAddress);
  }

  @Test
  void echoesAMessageBothWays() throws Exception {
    SctpServerChannel server = Loopback.server(stack);
    SctpChannel client = Loopback.client(stack, server);
    client.connect(Loopback.address(server));
    SctpChannel accepted = server.accept(Duration.ofSeconds(5));

    client.send(
        ByteBuffer.wrap("hello".getBytes()),
        MessageInfo.createOutgoing(null, 1).payloadProtocolID(46));
    ByteBuffer buf = ByteBuffer.allocate(100);
    MessageInfo info = accepted.receive(buf, null, null, Duration.ofSeconds(5));

    assertThat(info.bytes()).isEqualTo(5);
    assertThat(info.isComplete()).isTrue();
    assertThat(info.streamNumber()).isEqualTo(1);
    assertThat(info.payloadProtocolID()).isEqualTo(46);
    assertThat(info.association()).isSameAs(accepted.association());
    assertThat(new String(buf.array(), 0, 5)).isEqualTo("hello");
    assertThat(info.address()).isEqualTo(client.getAllLocalAddresses().iterator().next());
  }
}
