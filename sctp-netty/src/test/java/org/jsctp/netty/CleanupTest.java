package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CleanupTest {

  @Test
  void closingTheStackLeavesNoThreadNoLeakAndFreesThePorts() throws Exception {
    SctpStack stack = Loopback.stack(b -> b.eventLoopThreads(2));
    SctpServerChannel server = Loopback.server(stack);
    int udpPort = server.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT);
    SctpChannel client = Loopback.client(stack, server);
    client.connect(Loopback.address(server));
    SctpChannel accepted = server.accept(Duration.ofSeconds(5));
    for (int i = 0; i < 100; i++) {
      client.send(ByteBuffer.wrap(new byte[3000]), MessageInfo.createOutgoing(null, 0));
      accepted.receive(ByteBuffer.allocate(4000), null, null, Duration.ofSeconds(5));
    }
    client.send(ByteBuffer.wrap(new byte[3000]), MessageInfo.createOutgoing(null, 0));

    stack.close();

    Loopback.assertNoStackThreads();
    assertThat(LeakRecorder.collect()).isEmpty();
    try (DatagramSocket again = new DatagramSocket(new InetSocketAddress(Loopback.LO1, udpPort))) {
      assertThat(again.getLocalPort()).isEqualTo(udpPort);
    }
    assertThat(client.isOpen()).isFalse();
    assertThat(server.isOpen()).isFalse();
  }

  @Test
  void closingChannelsReleasesTheirEndpointsOnceTheAssociationsEnded() throws Exception {
    try (SctpStack stack = Loopback.stack()) {
      SctpServerChannel server = Loopback.server(stack);
      SctpChannel client = Loopback.client(stack, server);
      client.connect(Loopback.address(server));
      SctpChannel accepted = server.accept(Duration.ofSeconds(5));
      assertThat(stack.endpoints()).hasSize(2);

      client.closeAsync().get(10, TimeUnit.SECONDS);
      accepted.close();
      server.close();

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!stack.endpoints().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(stack.endpoints()).isEmpty();
      assertThat(stack.associations()).isEmpty();
      // One graceful close on each side: SHUTDOWN-SENT and SHUTDOWN-ACK-SENT to CLOSED.
      assertThat(stack.snmp().get("SctpShutdowns")).isEqualTo(2);
    }
    Loopback.assertNoStackThreads();
  }
}
