package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.epoll.Epoll;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsctp.config.Sysctl;
import org.jsctp.netty.AssociationChangeNotification.AssocChangeEvent;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SctpStackTest {

  @Test
  void takesItsConfigurationFromSysctlKeys() {
    try (SctpStack stack =
        SctpStack.builder()
            .sysctl(
                Map.of("net.sctp.rto_min", "200", "net.sctp.udp_port", "0", "hb_interval", "5000"))
            .threadName("jsctp-test")
            .build()) {
      assertThat(stack.config().get(Sysctl.RTO_MIN)).isEqualTo(200);
      assertThat(stack.config().get(Sysctl.HB_INTERVAL)).isEqualTo(5000);
      assertThat(stack.transport()).isEqualTo(Transport.NIO);
    }
  }

  @Test
  void refusesUnknownKeysAndBadValuesNamingThem() {
    assertThatThrownBy(() -> SctpStack.builder().sysctl(Map.of("net.sctp.rto_minimum", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rto_minimum");
    assertThatThrownBy(() -> SctpStack.builder().sysctl(Map.of("net.sctp.sack_timeout", "900")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("net.sctp.sack_timeout = 900 is out of range 1..500");
    assertThatThrownBy(() -> SctpStack.builder().eventLoopThreads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1..1024");
  }

  @Test
  void usesEpollWhereItWorksAndNioOtherwise() {
    // This module's tests have Netty's epoll natives for linux-x86_64 on the class path.
    Transport expected = Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO;
    try (SctpStack stack =
        SctpStack.builder().transport(Transport.AUTO).threadName("jsctp-test").build()) {
      assertThat(stack.transport()).isEqualTo(expected);
    }
    if (expected == Transport.EPOLL) {
      try (SctpStack stack =
          SctpStack.builder().transport(Transport.EPOLL).threadName("jsctp-test").build()) {
        assertThat(stack.transport()).isEqualTo(Transport.EPOLL);
        assertThat(stack.usesUdpOffload()).as("UDP GSO/GRO off unless asked for").isFalse();
      }
      try (SctpStack stack =
          SctpStack.builder()
              .transport(Transport.EPOLL)
              .udpOffload(true)
              .threadName("jsctp-test")
              .build()) {
        assertThat(stack.usesUdpOffload())
            .isEqualTo(UdpOffload.lookUp() != null)
            .isEqualTo(stack.segmentsSends());
      }
    }
    try (SctpStack stack =
        SctpStack.builder().udpOffload(true).threadName("jsctp-test").build()) {
      assertThat(stack.usesUdpOffload()).as("nothing on NIO").isFalse();
    }
  }

  @Test
  void anEpollTransportThatIsNotThereIsRefusedByNameAndAutoFallsBackToNio() {
    assertThatThrownBy(() -> TransportSupport.select(Transport.EPOLL, () -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("netty-transport-native-epoll");
    assertThat(TransportSupport.select(Transport.AUTO, () -> null).transport)
        .isEqualTo(Transport.NIO);
  }

  @Test
  void refusesNewChannelsOnceClosed() throws Exception {
    SctpStack stack = SctpStack.builder().threadName("jsctp-test").build();
    stack.close();
    stack.close();
    assertThat(stack.isClosed()).isTrue();
    assertThatThrownBy(() -> SctpChannel.open(stack)).isInstanceOf(ClosedChannelException.class);
    assertThatThrownBy(() -> SctpMultiChannel.open(stack))
        .isInstanceOf(ClosedChannelException.class);
    assertThatThrownBy(() -> SctpServerChannel.open(stack))
        .isInstanceOf(ClosedChannelException.class);
    assertThat(stack.snmp().get("SctpCurrEstab")).isZero();
  }

  /** Where the association that the closing stack holds lives. */
  enum Holder {
    ACCEPTED_CHANNEL,
    SERVER_CHANNEL_BACKLOG,
    ONE_TO_MANY_CHANNEL
  }

  @ParameterizedTest
  @EnumSource(Holder.class)
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void closeAbortsEveryAssociationWithoutAShutdownFirst(Holder holder) throws Exception {
    try (SctpStack clientStack = Loopback.stack()) {
      SctpStack stack = Loopback.stack();
      SctpChannel client = SctpChannel.open(clientStack);
      SctpMultiChannel multi = null;
      SctpServerChannel server = null;
      InetSocketAddress address;
      int udp;
      if (holder == Holder.ONE_TO_MANY_CHANNEL) {
        multi = SctpMultiChannel.open(stack);
        multi.bind(new InetSocketAddress(Loopback.LO1, 0));
        address = (InetSocketAddress) multi.getAllLocalAddresses().iterator().next();
        udp = multi.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, null);
      } else {
        server = Loopback.server(stack);
        address = Loopback.address(server);
        udp = server.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT);
      }
      client.setOption(
          SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT, new RemoteUdpEncapsPort(null, udp));
      client.connect(address);
      if (holder == Holder.ACCEPTED_CHANNEL) {
        server.accept(Duration.ofSeconds(5));
      }
      if (multi != null) {
        while (multi.associations().isEmpty()) {
          Thread.sleep(5);
        }
      }

      stack.close();

      assertThat(ShutdownAndAbortTest.drain(client))
          .as("what the peer sees after COMM_UP")
          .singleElement()
          .isInstanceOfSatisfying(
              AssociationChangeNotification.class,
              n -> assertThat(n.event()).isEqualTo(AssocChangeEvent.COMM_LOST));
    }
  }
}
