package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.ClosedChannelException;
import java.util.Map;
import org.jsctp.config.Sysctl;
import org.junit.jupiter.api.Test;

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
  void usesEpollOnlyWhenItIsOnTheClassPath() {
    assertThatThrownBy(() -> SctpStack.builder().transport(Transport.EPOLL).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("netty-transport-native-epoll");
    try (SctpStack stack =
        SctpStack.builder().transport(Transport.AUTO).threadName("jsctp-test").build()) {
      assertThat(stack.transport()).isEqualTo(Transport.NIO);
    }
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
}
