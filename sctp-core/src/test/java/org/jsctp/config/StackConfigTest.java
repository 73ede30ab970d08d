package org.jsctp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StackConfigTest {

  @Test
  void defaultsFollowRfc9260AndLinux() {
    StackConfig c = StackConfig.defaults();
    assertThat(c.rtoInitialMillis()).isEqualTo(1000);
    assertThat(c.rtoMinMillis()).isEqualTo(1000);
    assertThat(c.rtoMaxMillis()).isEqualTo(60_000);
    assertThat(c.get(Sysctl.HB_INTERVAL)).isEqualTo(30_000);
    assertThat(c.pathMaxRetrans()).isEqualTo(5);
    assertThat(c.pfRetrans()).isZero();
    assertThat(c.get(Sysctl.PS_RETRANS)).isEqualTo(0xFFFF);
    assertThat(c.associationMaxRetrans()).isEqualTo(10);
    assertThat(c.get(Sysctl.MAX_INIT_RETRANSMITS)).isEqualTo(8);
    assertThat(c.get(Sysctl.MAX_BURST)).isEqualTo(4);
    assertThat(c.get(Sysctl.SACK_TIMEOUT)).isEqualTo(200);
    assertThat(c.get(Sysctl.VALID_COOKIE_LIFE)).isEqualTo(60_000);
    assertThat(c.udpPort()).isEqualTo(9899);
  }

  @Test
  void acceptsLinuxSysctlNamesWithOrWithoutPrefix() {
    StackConfig c =
        StackConfig.fromSysctl(
            Map.of("net.sctp.rto_min", "200", "rto_initial", "500", "NET.SCTP.PF_RETRANS", " 1 "));
    assertThat(c.rtoMinMillis()).isEqualTo(200);
    assertThat(c.rtoInitialMillis()).isEqualTo(500);
    assertThat(c.pfRetrans()).isEqualTo(1);
  }

  @Test
  void anUnknownKeyIsRejectedWithTheListOfKnownKeys() {
    assertThatThrownBy(() -> StackConfig.fromSysctl(Map.of("net.sctp.rto_mni", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rto_mni")
        .hasMessageContaining("rto_min");
  }

  @Test
  void anOutOfRangeValueNamesTheSettingAndItsRange() {
    assertThatThrownBy(() -> StackConfig.builder().sysctl("net.sctp.sack_timeout=501"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("net.sctp.sack_timeout")
        .hasMessageContaining("1..500");
  }

  @Test
  void aValueThatIsNotANumberIsRejected() {
    assertThatThrownBy(() -> StackConfig.builder().sysctl("net.sctp.rto_min=fast"))
        .hasMessageContaining("not a number");
  }

  @Test
  void rtoInitialOutsideMinAndMaxIsRejected() {
    assertThatThrownBy(() -> StackConfig.builder().rtoMinMillis(2000).build())
        .hasMessageContaining("rto_initial");
    assertThatThrownBy(() -> StackConfig.builder().rtoMinMillis(5000).rtoMaxMillis(4000).build())
        .hasMessageContaining("rto_min");
  }

  @Test
  void switchoverThresholdBelowPfThresholdIsRejected() {
    assertThatThrownBy(
            () -> StackConfig.builder().pfRetrans(2).set(Sysctl.PS_RETRANS, 1).build())
        .hasMessageContaining("ps_retrans")
        .hasMessageContaining("RFC 7829");
  }

  @Test
  void pfThresholdAbovePathMaxRetransIsAWarningNotAnError() {
    StackConfig c = StackConfig.builder().pfRetrans(6).build();
    assertThat(c.warnings()).anyMatch(w -> w.contains("SCTP-PF is effectively off"));
  }

  @Test
  void toBuilderKeepsEveryValue() {
    StackConfig c = StackConfig.builder().pathMaxRetrans(3).udpPort(0).build();
    assertThat(c.toBuilder().build()).isEqualTo(c);
  }
}
