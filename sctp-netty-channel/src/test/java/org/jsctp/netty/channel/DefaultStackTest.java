package org.jsctp.netty.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.ChannelException;
import java.util.Map;
import java.util.Properties;
import org.jsctp.netty.SctpStack;
import org.junit.jupiter.api.Test;

/** The process-wide stack: configured by net.sctp.* system properties, built once. */
class DefaultStackTest {

  @Test
  void takesTheNetSctpPropertiesAndNothingElse() {
    Properties p = new Properties();
    p.setProperty("net.sctp.rto_min", "200");
    p.setProperty("net.sctp.udp_port", "0");
    p.setProperty("java.version", "17");

    assertThat(DefaultStack.sysctl(p))
        .isEqualTo(Map.of("net.sctp.rto_min", "200", "net.sctp.udp_port", "0"));
  }

  @Test
  void anUnknownSettingIsRefusedByName() {
    Properties p = new Properties();
    p.setProperty("net.sctp.no_such_thing", "1");

    assertThatThrownBy(() -> DefaultStack.build(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("net.sctp.no_such_thing");
  }

  @Test
  void theChannelsShareOneStackBuiltFromTheSystemProperties() {
    SctpStack stack = DefaultStack.get();

    assertThat(DefaultStack.get()).isSameAs(stack);
    assertThat(stack.config().udpPort())
        .as("net.sctp.udp_port, set by the build")
        .isEqualTo(Integer.parseInt(System.getProperty("net.sctp.udp_port")));
    JsctpSctpChannel ch = new JsctpSctpChannel();
    assertThat(ch.stack()).isSameAs(stack);
    ch.unsafe().closeForcibly();
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void aChannelOnAClosedStackFailsToOpen() {
    SctpStack stack = TestStacks.stack();
    stack.close();

    assertThatThrownBy(() -> new JsctpSctpServerChannel(stack))
        .isInstanceOf(ChannelException.class);
  }
}
