package org.jsctp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jsctp.netty.option.RemoteUdpEncapsPort;

/** Stacks and addresses for tests on loopback: nothing is ever sent outside 127.0.0.0/8. */
final class Loopback {

  static final InetAddress LO1 = ip("127.0.0.1");
  static final InetAddress LO2 = ip("127.0.0.2");

  private Loopback() {}

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Timers short enough for tests, ephemeral UDP ports, loopback peers only, and no path MTU
   * discovery: loopback's MTU is 65536, so its probes would only add packets racing the tests'
   * counts and reads (PathMtuDiscoveryTest turns it on).
   */
  static Map<String, String> fastSysctl() {
    Map<String, String> m = new HashMap<>();
    m.put("net.sctp.plpmtud_probe_interval", "0");
    m.put("net.sctp.udp_port", "0");
    m.put("net.sctp.rto_initial", "300");
    m.put("net.sctp.rto_min", "100");
    m.put("net.sctp.rto_max", "1000");
    m.put("net.sctp.sack_timeout", "20");
    return m;
  }

  static SctpStack stack() {
    return stack(b -> {});
  }

  /**
   * The transport of the run: NIO, or epoll (with UDP GSO and GRO) in the second run of these tests
   * (the build's epoll-tests profile sets {@code jsctp.test.transport}).
   */
  static Transport transport() {
    return Transport.valueOf(System.getProperty("jsctp.test.transport", "NIO"));
  }

  static SctpStack stack(Consumer<SctpStack.Builder> tweak) {
    SctpStack.Builder b =
        SctpStack.builder()
            .transport(transport())
            .udpOffload(true)
            .sysctl(fastSysctl())
            .allowedPeerAddresses(PeerAddressFilter.subnets("127.0.0.0/8"))
            .threadName("jsctp-test");
    tweak.accept(b);
    return b.build();
  }

  /** A server channel bound on 127.0.0.1, ephemeral SCTP and UDP ports. */
  static SctpServerChannel server(SctpStack stack) throws Exception {
    SctpServerChannel server = SctpServerChannel.open(stack);
    server.bind(new InetSocketAddress(LO1, 0));
    return server;
  }

  /** The SCTP address of a server channel (its first local address). */
  static InetSocketAddress address(SctpServerChannel server) throws Exception {
    return (InetSocketAddress) server.getAllLocalAddresses().iterator().next();
  }

  /** A client channel that will connect to the server's UDP port. */
  static SctpChannel client(SctpStack stack, SctpServerChannel server) throws Exception {
    SctpChannel ch = SctpChannel.open(stack);
    ch.setOption(
        SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
        new RemoteUdpEncapsPort(
            null, server.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT)));
    return ch;
  }

  /** Asserts that no event-loop thread of the test stacks is alive. */
  static void assertNoStackThreads() throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline && stackThreads() > 0) {
      Thread.sleep(20);
    }
    assertThat(stackThreads()).as("jsctp threads left").isZero();
  }

  static long stackThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("jsctp-test"))
        .count();
  }
}
