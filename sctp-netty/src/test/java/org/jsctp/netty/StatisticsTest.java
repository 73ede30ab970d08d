package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsctp.association.AssociationState;
import org.jsctp.netty.stats.AssociationEntry;
import org.jsctp.netty.stats.EndpointEntry;
import org.jsctp.stats.MibCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StatisticsTest {

  @Test
  void snmpCountersUseTheProcNetSctpNamesAndSumEveryEndpoint() throws Exception {
    try (SctpStack stack = Loopback.stack()) {
      SctpServerChannel server = Loopback.server(stack);
      SctpChannel client = Loopback.client(stack, server);
      client.connect(Loopback.address(server));
      SctpChannel accepted = server.accept(Duration.ofSeconds(5));
      client.send(ByteBuffer.wrap(new byte[10]), MessageInfo.createOutgoing(null, 0));
      client.send(
          ByteBuffer.wrap(new byte[10]), MessageInfo.createOutgoing(null, 0).unordered(true));
      client.send(ByteBuffer.wrap(new byte[5000]), MessageInfo.createOutgoing(null, 0));
      for (int i = 0; i < 3; i++) {
        accepted.receive(ByteBuffer.allocate(6000), null, null, Duration.ofSeconds(5));
      }

      Map<String, Long> snmp = stack.snmp();

      assertThat(snmp.keySet())
          .startsWith(
              "SctpCurrEstab",
              "SctpActiveEstabs",
              "SctpPassiveEstabs",
              "SctpAborteds",
              "SctpShutdowns",
              "SctpOutOfBlues",
              "SctpChecksumErrors",
              "SctpOutCtrlChunks",
              "SctpOutOrderChunks",
              "SctpOutUnorderChunks",
              "SctpInCtrlChunks",
              "SctpInOrderChunks",
              "SctpInUnorderChunks",
              "SctpFragUsrMsgs",
              "SctpReasmUsrMsgs",
              "SctpOutSCTPPacks",
              "SctpInSCTPPacks");
      assertThat(snmp).hasSize(MibCounter.values().length);
      assertThat(snmp.get("SctpCurrEstab")).isEqualTo(2);
      assertThat(snmp.get("SctpActiveEstabs")).isEqualTo(1);
      assertThat(snmp.get("SctpPassiveEstabs")).isEqualTo(1);
      assertThat(snmp.get("SctpOutUnorderChunks")).isEqualTo(1);
      assertThat(snmp.get("SctpInUnorderChunks")).isEqualTo(1);
      assertThat(snmp.get("SctpFragUsrMsgs")).isEqualTo(1);
      assertThat(snmp.get("SctpOutOrderChunks")).isGreaterThanOrEqualTo(5);
      assertThat(snmp.get("SctpInSCTPPacks")).isPositive();
      assertThat(snmp.get("SctpOutSCTPPacks")).isPositive();

      client.closeAsync().get(5, TimeUnit.SECONDS);
      assertThat(stack.snmp().get("SctpCurrEstab")).isZero();
      assertThat(stack.snmp().get("SctpActiveEstabs")).isEqualTo(1);
    }
  }

  @Test
  void endpointAndAssociationViewsShowWhatProcNetSctpShows() throws Exception {
    try (SctpStack stack = Loopback.stack()) {
      SctpMultiChannel server = SctpMultiChannel.open(stack);
      server.bind(new InetSocketAddress(Loopback.LO1, 0));
      server.bindAddress(Loopback.LO2);
      int serverPort =
          ((InetSocketAddress) server.getAllLocalAddresses().iterator().next()).getPort();
      int serverUdp = server.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, null);
      SctpChannel client = SctpChannel.open(stack);
      client.setOption(
          SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
          new org.jsctp.netty.option.RemoteUdpEncapsPort(null, serverUdp));
      client.connect(new InetSocketAddress(Loopback.LO1, serverPort));
      client.send(ByteBuffer.wrap(new byte[700]), MessageInfo.createOutgoing(null, 0));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (System.nanoTime() < deadline
          && stack.associations().stream()
              .noneMatch(e -> e.localPort() == serverPort && e.rxQueue() == 700)) {
        Thread.sleep(5);
      }

      List<EndpointEntry> eps = stack.endpoints();
      EndpointEntry serverEp =
          eps.stream().filter(e -> e.localPort() == serverPort).findFirst().orElseThrow();
      assertThat(serverEp.style()).isEqualTo("one-to-many");
      assertThat(serverEp.listening()).isTrue();
      assertThat(serverEp.udpPort()).isEqualTo(serverUdp);
      assertThat(serverEp.localAddresses()).containsExactly(Loopback.LO1, Loopback.LO2);
      assertThat(serverEp.associations()).isEqualTo(1);
      assertThat(eps.stream().filter(e -> e.localPort() != serverPort))
          .singleElement()
          .satisfies(e -> assertThat(e.style()).isEqualTo("one-to-one"))
          .satisfies(e -> assertThat(e.listening()).isFalse());

      AssociationEntry a =
          stack.associations().stream()
              .filter(e -> e.localPort() == serverPort)
              .findFirst()
              .orElseThrow();
      assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
      assertThat(a.rxQueue()).isEqualTo(700);
      assertThat(a.txQueue()).isZero();
      assertThat(a.remotePort())
          .isEqualTo(
              ((InetSocketAddress) client.getAllLocalAddresses().iterator().next()).getPort());
      assertThat(a.localUdpPort()).isEqualTo(serverUdp);
      assertThat(a.localAddresses()).containsExactly(Loopback.LO1, Loopback.LO2);
      assertThat(a.remoteAddresses()).containsExactly(Loopback.LO1);
      assertThat(a.primary()).isEqualTo(Loopback.LO1);
      assertThat(a.toProcLine()).contains("ESTABLISHED").contains("*127.0.0.1");
      assertThat(serverEp.toProcLine()).contains("LISTEN").contains("127.0.0.2");
    }
  }
}
