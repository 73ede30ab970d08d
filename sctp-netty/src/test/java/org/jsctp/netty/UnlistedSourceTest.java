package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jsctp.netty.Loopback.LO1;
import static org.jsctp.netty.Loopback.LO2;

import io.netty.buffer.ByteBuf;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A packet of an association may come from a peer source address the peer never listed (its kernel
 * picked the source) and arrive on any of our UDP channels: the verification tag and the ports
 * identify the association (RFC 9260 section 8.5).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UnlistedSourceTest {

  /** Whether an SCTP packet carries a DATA chunk. */
  static boolean hasData(ByteBuf b) {
    int off = b.readerIndex() + 12;
    int end = b.writerIndex();
    while (off + 4 <= end) {
      int type = b.getUnsignedByte(off);
      int length = b.getUnsignedShort(off + 2);
      if (type == 0) {
        return true;
      }
      if (length < 4) {
        return false;
      }
      off += (length + 3) & ~3;
    }
    return false;
  }

  @Test
  void deliversDataSentFromAnUnlistedAddressToAnotherLocalChannelOnce() throws Exception {
    FaultInjector faults = new FaultInjector();
    try (SctpStack stack = Loopback.stack(b -> b.udpChannelCustomizer(faults))) {
      SctpServerChannel server = SctpServerChannel.open(stack);
      server.bind(new InetSocketAddress(LO1, 0));
      server.bindAddress(LO2);
      int serverUdp = server.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT);
      InetSocketAddress server1 = Loopback.address(server);
      SctpChannel client = SctpChannel.open(stack);
      client.bind(new InetSocketAddress(LO1, 0));
      client.setOption(
          SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
          new RemoteUdpEncapsPort(null, serverUdp));
      client.connect(server1);
      SctpChannel accepted = server.accept(Duration.ofSeconds(5));

      faults.divert(p -> p.recipient().getPort() == serverUdp && hasData(p.content()));
      client.send(
          ByteBuffer.wrap("via a stranger".getBytes()), MessageInfo.createOutgoing(null, 0));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (faults.diverted.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      // Diverting goes on until the stranger's copy arrived: a retransmission after a T3-rtx
      // expiry (RTO.min is 100 ms here) must not reach the server first on a loaded machine.
      byte[] packet = faults.diverted.poll();
      assertThat(packet).isNotNull();
      try (DatagramSocket stranger =
          new DatagramSocket(new InetSocketAddress(Loopback.ip("127.0.0.3"), 0))) {
        stranger.send(
            new java.net.DatagramPacket(
                packet, packet.length, new InetSocketAddress(LO2, serverUdp)));
      }

      ByteBuffer buf = ByteBuffer.allocate(100);
      MessageInfo info = accepted.receive(buf, null, null, Duration.ofSeconds(10));
      faults.divert(null);
      assertThat(new String(buf.array(), 0, info.bytes())).isEqualTo("via a stranger");
      assertThat(info.address())
          .isEqualTo(
              new InetSocketAddress(
                  Loopback.ip("127.0.0.3"),
                  client.getAllLocalAddresses().stream()
                      .map(a -> ((InetSocketAddress) a).getPort())
                      .findFirst()
                      .orElseThrow()));

      client.send(ByteBuffer.wrap("next".getBytes()), MessageInfo.createOutgoing(null, 0));
      buf.clear();
      MessageInfo next = accepted.receive(buf, null, null, Duration.ofSeconds(10));
      assertThat(new String(buf.array(), 0, next.bytes())).isEqualTo("next");
      // The stranger's address did not become a path: only addresses the peer listed are paths.
      assertThat(accepted.getRemoteAddresses())
          .extracting(a -> ((InetSocketAddress) a).getAddress())
          .containsExactly(LO1);
    }
  }
}
