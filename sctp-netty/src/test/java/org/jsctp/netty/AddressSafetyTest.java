package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jsctp.netty.Loopback.LO1;
import static org.jsctp.netty.Loopback.LO2;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AddressSafetyTest {

  @Test
  void refusesToConnectOrSendOutsideTheAllowedPeerAddresses() throws Exception {
    try (SctpStack stack = Loopback.stack()) {
      SctpChannel ch = SctpChannel.open(stack);
      assertThatThrownBy(() -> ch.connect(new InetSocketAddress(Loopback.ip("192.0.2.1"), 7)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("192.0.2.1")
          .hasMessageContaining("allowed peer addresses");
      SctpMultiChannel multi = SctpMultiChannel.open(stack);
      assertThatThrownBy(
              () ->
                  multi.send(
                      ByteBuffer.wrap(new byte[1]),
                      MessageInfo.createOutgoing(
                          new InetSocketAddress(Loopback.ip("198.51.100.7"), 7), 0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("198.51.100.7");
      assertThat(stack.snmp().get("SctpOutSCTPPacks")).isZero();
    }
  }

  @Test
  void ignoresPeerAddressesOutsideTheSetAndDropsTheirDatagramsUnanswered() throws Exception {
    try (SctpStack serverStack =
            Loopback.stack(b -> b.allowedPeerAddresses(PeerAddressFilter.subnets("127.0.0.1/32")));
        SctpStack clientStack = Loopback.stack()) {
      SctpServerChannel server = Loopback.server(serverStack);
      int serverUdp = server.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT);
      SctpChannel client = SctpChannel.open(clientStack);
      client.bind(new InetSocketAddress(LO1, 0));
      client.bindAddress(LO2);
      client.setOption(
          SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
          new RemoteUdpEncapsPort(null, serverUdp));
      client.connect(Loopback.address(server));
      SctpChannel accepted = server.accept(Duration.ofSeconds(5));

      assertThat(accepted.getRemoteAddresses())
          .extracting(a -> ((InetSocketAddress) a).getAddress())
          .containsExactly(LO1);

      long discardsBefore = serverStack.snmp().get("SctpInPktDiscards");
      long sentBefore = serverStack.snmp().get("SctpOutSCTPPacks");
      try (DatagramSocket stranger = new DatagramSocket(new InetSocketAddress(LO2, 0))) {
        byte[] junk = new byte[64];
        stranger.send(new DatagramPacket(junk, junk.length, new InetSocketAddress(LO1, serverUdp)));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (serverStack.snmp().get("SctpInPktDiscards") == discardsBefore
          && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(serverStack.snmp().get("SctpInPktDiscards")).isEqualTo(discardsBefore + 1);
      assertThat(serverStack.snmp().get("SctpOutSCTPPacks")).isEqualTo(sentBefore);
    }
  }

  @Test
  void peerAddressFiltersMatchSubnets() {
    var f = PeerAddressFilter.subnets("127.0.0.0/8", "10.1.2.3", "fd00::/8");
    assertThat(f.test(Loopback.ip("127.255.0.1"))).isTrue();
    assertThat(f.test(Loopback.ip("10.1.2.3"))).isTrue();
    assertThat(f.test(Loopback.ip("10.1.2.4"))).isFalse();
    assertThat(f.test(Loopback.ip("fd12::1"))).isTrue();
    assertThat(f.test(Loopback.ip("fe80::1"))).isFalse();
    assertThat(PeerAddressFilter.loopback().test(Loopback.ip("::1"))).isTrue();
    assertThatThrownBy(() -> PeerAddressFilter.subnets("127.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0..32");
    assertThatThrownBy(() -> PeerAddressFilter.subnets("example.org/8"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(List.of(PeerAddressFilter.any().test(Loopback.ip("192.0.2.1"))))
        .containsExactly(true);
  }
}
