package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.PeerAddressFilter;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpServerChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** echo-client as a process against a server in the test that counts what really arrived. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EchoClientIT {

  /**
   * A server that echoes the first {@code echoes} messages, then shuts the association down and
   * counts every message that still arrives until the end.
   */
  static int echoThenShutDown(SctpServerChannel server, int echoes) throws Exception {
    SctpChannel ch = server.accept(Duration.ofSeconds(30));
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    int received = 0;
    while (true) {
      buf.clear();
      MessageInfo info = ch.receive(buf, null, null, Duration.ofSeconds(30));
      if (info == null) {
        continue;
      }
      if (info.bytes() < 0) {
        ch.close();
        return received;
      }
      received++;
      if (received <= echoes) {
        buf.flip();
        ch.send(buf, MessageInfo.createOutgoing(null, info.streamNumber()));
        if (received == echoes) {
          ch.shutdown();
        }
      }
    }
  }

  @Test
  void whenThePeerShutsDownTheResultCountsOnlyTheMessagesThatWent() throws Exception {
    try (SctpStack stack =
        SctpStack.builder()
            .sysctl(Map.of("net.sctp.udp_port", "0"))
            .allowedPeerAddresses(PeerAddressFilter.subnets("127.0.0.0/8"))
            .threadName("echo-client-it")
            .build()) {
      SctpServerChannel server = SctpServerChannel.open(stack);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 7));
      int udp = server.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT);
      CompletableFuture<Integer> arrived =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return echoThenShutDown(server, 20);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });

      EchoProcessesIT.Run run =
          EchoProcessesIT.run(
              "echo-client",
              "--remote",
              "127.0.0.1",
              "--remote-udp-port",
              Integer.toString(udp),
              "--rate",
              "200",
              "--duration",
              "30",
              "--size",
              "100");

      Matcher result = run.result();
      assertThat(Long.parseLong(result.group(1)))
          .as("sent, in %s", run.out())
          .isEqualTo((long) arrived.get(30, TimeUnit.SECONDS));
      assertThat(result.group(2)).isEqualTo("20");
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).anyMatch(l -> l.endsWith("stopped sending: the association takes no more messages"));
    }
  }
}
