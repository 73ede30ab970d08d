package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.netty.SctpStandardSocketOptions.SCTP_GET_PEER_ADDR_INFO;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsctp.api.PeerAddressInfo;
import org.jsctp.api.PlpmtudState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Path MTU discovery through the runtime, with its default probe interval (the other tests turn it
 * off): over loopback (MTU 65536) every probe up to path_mtu gets through, sent by NIO as it is
 * (Java 17 cannot set the don't-fragment bit) or by epoll with the bit set.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PathMtuDiscoveryTest {

  @Test
  void theSearchReachesPathMtuOverLoopbackAndDataFollowsIt() throws Exception {
    Map<String, String> sysctl = Loopback.fastSysctl();
    sysctl.put("net.sctp.plpmtud_probe_interval", "5000");
    try (SctpStack stack = Loopback.stack(b -> b.sysctl(sysctl))) {
      SctpServerChannel server = Loopback.server(stack);
      SctpChannel client = Loopback.client(stack, server);
      client.connect(Loopback.address(server));
      SctpChannel accepted = server.accept(Duration.ofSeconds(5));

      PeerAddressInfo info = client.getOption(SCTP_GET_PEER_ADDR_INFO);
      while (info.plpmtudState() != PlpmtudState.SEARCH_COMPLETE) {
        Thread.sleep(10);
        info = client.getOption(SCTP_GET_PEER_ADDR_INFO);
      }
      // BASE, then 1352, 1428, 1464, 1484, 1492, 1496, 1500: none lost.
      assertThat(info.mtu()).isEqualTo(1500);
      assertThat(info.plpmtudProbesSent()).isEqualTo(8);
      assertThat(info.plpmtudProbesAcked()).isEqualTo(8);
      assertThat(info.plpmtudProbesLost()).isZero();
      assertThat(stack.snmp().get("SctpPlpmtudProbesSent")).isGreaterThanOrEqualTo(8);

      client.send(ByteBuffer.wrap(new byte[3000]), MessageInfo.createOutgoing(null, 0));
      ByteBuffer in = ByteBuffer.allocate(4000);
      accepted.receive(in, null, null, Duration.ofSeconds(5));
      assertThat(in.position()).isEqualTo(3000);
      assertThat(stack.snmp().get("SctpOutFragmentablePacks")).isZero();
    }
  }

  @Test
  void onlyTheEpollTransportCanSwitchTheDontFragmentBit() {
    assertThat(DontFragment.forTransport(Transport.NIO)).isNull();
    // netty-transport-native-unix-common (IntegerUnixChannelOption) is on this class path.
    assertThat(DontFragment.forTransport(Transport.EPOLL)).isNotNull();
  }
}
