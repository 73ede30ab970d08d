package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsctp.api.AssociationStatus;
import org.jsctp.api.PeerAddressInfo;
import org.jsctp.api.PeerAddressThresholds;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.jsctp.netty.stats.AssociationEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The code of docs/user-guide.md, with ephemeral ports instead of 3868 and 9899. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UserGuideExamplesTest {

  @Test
  void theOneToOneExamplesRun() throws Exception {
    try (SctpStack stack =
        SctpStack.builder()
            .sysctl(
                Map.of(
                    "net.sctp.rto_min",
                    "200",
                    "net.sctp.rto_initial",
                    "500",
                    "net.sctp.udp_port",
                    "0"))
            .allowedPeerAddresses(PeerAddressFilter.subnets("127.0.0.0/8"))
            .threadName("jsctp-test")
            .build()) {
      SctpServerChannel server = SctpServerChannel.open(stack);
      server.bind(new InetSocketAddress("127.0.0.1", 0));
      server.bindAddress(InetAddress.getByName("127.0.0.2"));
      int udp = server.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT);
      InetSocketAddress address =
          (InetSocketAddress) server.getAllLocalAddresses().iterator().next();

      SctpChannel client = SctpChannel.open(stack);
      client.setOption(
          SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
          new RemoteUdpEncapsPort(null, udp));
      client.connect(address);
      client.send(
          ByteBuffer.wrap("hello".getBytes()),
          MessageInfo.createOutgoing(null, 0).payloadProtocolID(46));

      SctpChannel ch = server.accept();
      ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
      MessageInfo info = ch.receive(buf, null, (n, attachment) -> HandlerResult.CONTINUE);
      assertThat(info.bytes()).isEqualTo(5);
      assertThat(info.payloadProtocolID()).isEqualTo(46);

      client.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true);
      client.setOption(
          SctpStandardSocketOptions.SCTP_PEER_ADDR_THLDS,
          new PeerAddressThresholds(null, 5, 0, 65535));
      AssociationStatus status = client.getOption(SctpStandardSocketOptions.SCTP_STATUS);
      PeerAddressInfo path =
          client.getOption(SctpStandardSocketOptions.SCTP_GET_PEER_ADDR_INFO, address);
      assertThat(status.primary()).isEqualTo(path.address());

      Map<String, Long> snmp = stack.snmp();
      assertThat(snmp.get("SctpCurrEstab")).isEqualTo(2);
      for (AssociationEntry a : stack.associations()) {
        assertThat(a.toProcLine()).contains("ESTABLISHED");
      }
    }
  }

  @Test
  void theOneToManyExamplesRun() throws Exception {
    try (SctpStack stack = Loopback.stack()) {
      SctpMultiChannel ch = SctpMultiChannel.open(stack);
      ch.bind(new InetSocketAddress("127.0.0.1", 7));
      int udp = ch.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, null);
      Thread server =
          new Thread(
              () -> {
                try {
                  ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
                  while (true) {
                    buf.clear();
                    MessageInfo info = ch.receive(buf, null, null);
                    if (info == null || info.bytes() < 0) {
                      continue;
                    }
                    buf.flip();
                    ch.send(
                        buf,
                        MessageInfo.createOutgoing(info.association(), null, info.streamNumber())
                            .payloadProtocolID(info.payloadProtocolID())
                            .unordered(info.isUnordered()));
                  }
                } catch (Exception e) {
                  // closed at the end of the test
                }
              });
      server.setDaemon(true);
      server.start();

      SctpMultiChannel client = SctpMultiChannel.open(stack);
      client.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, 0, null);
      client.setOption(
          SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
          new RemoteUdpEncapsPort(null, udp),
          null);
      client.send(
          ByteBuffer.wrap("ping".getBytes()),
          MessageInfo.createOutgoing(new InetSocketAddress("127.0.0.1", 7), 0));

      ByteBuffer buf = ByteBuffer.allocate(100);
      MessageInfo echo = client.receiveAsync(buf, null, null).get(5, TimeUnit.SECONDS);
      assertThat(new String(buf.array(), 0, echo.bytes())).isEqualTo("ping");
      ch.close();
      server.join(Duration.ofSeconds(5).toMillis());
    }
  }
}
