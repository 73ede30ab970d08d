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
  void countersPerPortKeepClosedEndpointsAndFoldEphemeralPortsIntoPortZero() throws Exception {
    try (SctpStack stack = Loopback.stack()) {
      SctpServerChannel diameter = SctpServerChannel.open(stack);
      diameter.bind(new InetSocketAddress(Loopback.LO1, 3868));
      SctpServerChannel m3ua = SctpServerChannel.open(stack);
      m3ua.bind(new InetSocketAddress(Loopback.LO1, 2905));
      SctpChannel toDiameter = Loopback.client(stack, diameter);
      toDiameter.connect(Loopback.address(diameter));
      SctpChannel toM3ua = Loopback.client(stack, m3ua);
      toM3ua.connect(Loopback.address(m3ua));
      SctpChannel accepted = diameter.accept(Duration.ofSeconds(5));
      m3ua.accept(Duration.ofSeconds(5));

      Map<Integer, Map<String, Long>> byPort = stack.snmpByPort();

      assertThat(byPort).containsOnlyKeys(0, 2905, 3868);
      assertThat(byPort.get(3868).get("SctpPassiveEstabs")).isEqualTo(1);
      assertThat(byPort.get(2905).get("SctpPassiveEstabs")).isEqualTo(1);
      assertThat(byPort.get(0).get("SctpActiveEstabs")).as("both clients").isEqualTo(2);
      assertThat(byPort.get(3868).get("SctpCurrEstab")).isEqualTo(1);
      for (String counter : stack.snmp().keySet()) {
        long sum = byPort.values().stream().mapToLong(m -> m.get(counter)).sum();
        assertThat(sum).as(counter).isEqualTo(stack.snmp().get(counter));
      }

      accepted.close();
      diameter.close();
      toDiameter.closeAsync().get(5, TimeUnit.SECONDS);
      FailoverTest.waitFor(
          "the endpoint on 3868 to close",
          () -> stack.endpoints().stream().noneMatch(e -> e.localPort() == 3868));

      Map<String, Long> closed = stack.snmpByPort().get(3868);
      assertThat(closed.get("SctpPassiveEstabs")).isEqualTo(1);
      assertThat(closed.get("SctpShutdowns")).isEqualTo(1);
      assertThat(closed.get("SctpCurrEstab")).isZero();
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
