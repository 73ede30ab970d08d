package org.jsctp.testkit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import org.junit.jupiter.api.Test;

class SimAddressesTest {

  @Test
  void parsesIpv4DottedQuads() {
    assertThat(SimAddresses.v4("127.0.0.2")).isInstanceOf(Inet4Address.class)
        .extracting(a -> a.getAddress()).isEqualTo(new byte[] {127, 0, 0, 2});
    assertThat(SimAddresses.v4("255.255.255.255").getHostAddress()).isEqualTo("255.255.255.255");
  }

  @Test
  void parsesIpv6WithAndWithoutCompression() {
    assertThat(SimAddresses.v6("fd00::1")).isInstanceOf(Inet6Address.class);
    assertThat(SimAddresses.v6("fd00::1").getHostAddress()).isEqualTo("fd00:0:0:0:0:0:0:1");
    assertThat(SimAddresses.v6("::1").isLoopbackAddress()).isTrue();
    assertThat(SimAddresses.v6("::").isAnyLocalAddress()).isTrue();
    assertThat(SimAddresses.v6("2001:db8:1:2:3:4:5:6").getHostAddress()).isEqualTo("2001:db8:1:2:3:4:5:6");
    assertThat(SimAddresses.v6("2001:db8::").getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:0");
  }

  @Test
  void rejectsMalformedText() {
    assertThatThrownBy(() -> SimAddresses.v4("10.0.0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimAddresses.v4("10.0.0.256")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimAddresses.v4("10.0.0.-1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimAddresses.v4("localhost")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimAddresses.v6("1::2::3")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimAddresses.v6("1:2:3")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimAddresses.v6("12345::")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SimAddresses.v6("1:2:3:4:5:6:7:8:9")).isInstanceOf(IllegalArgumentException.class);
  }
}
