package org.jsctp.netty.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.PeerAddressFilter;
import org.jsctp.netty.SctpStack;

/**
 * jsctp stacks and Netty event loops for the tests, on loopback only: 127.0.0.1 and 127.0.0.2,
 * ephemeral UDP ports, timers short enough for tests.
 */
final class TestStacks {

  static final String THREADS = "jsctp-test";
  static final InetAddress LO1 = address("127.0.0.1");
  static final InetAddress LO2 = address("127.0.0.2");

  private TestStacks() {}

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stack of the test's own: closed by the test. */
  static SctpStack stack() {
    return SctpStack.builder()
        .sysctl(
            Map.of(
                "net.sctp.udp_port", "0",
                "net.sctp.rto_initial", "300",
                "net.sctp.rto_min", "100",
                "net.sctp.rto_max", "1000",
                "net.sctp.sack_timeout", "20"))
        .allowedPeerAddresses(PeerAddressFilter.subnets("127.0.0.0/8"))
        .threadName(THREADS)
        .build();
  }

  /** A Netty NIO event loop group, as the applications the channels replace use. */
  static EventLoopGroup group(int threads) {
    return new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
  }

  static void shutdown(EventLoopGroup... groups) {
    for (EventLoopGroup g : groups) {
      g.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /** Waits (bounded) until no event loop thread of a test stack is left. */
  static void awaitNoStackThreads() throws InterruptedException {
    for (int i = 0; i < 250 && stackThreads() > 0; i++) {
      Thread.sleep(20);
    }
    assertThat(stackThreads()).as("threads of test stacks still running").isZero();
  }

  private static long stackThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(THREADS))
        .count();
  }
}
