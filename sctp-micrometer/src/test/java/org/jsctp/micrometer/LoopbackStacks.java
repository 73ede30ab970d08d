package org.jsctp.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jsctp.netty.PeerAddressFilter;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpServerChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.UdpChannelCustomizer;
import org.jsctp.netty.option.RemoteUdpEncapsPort;

/** Stacks on loopback for the binder's tests: ephemeral UDP ports, short timers, no PLPMTUD. */
final class LoopbackStacks {

  static final InetAddress LO1 = ip("127.0.0.1");
  static final InetAddress LO2 = ip("127.0.0.2");

  private LoopbackStacks() {}

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  static SctpStack stack(UdpChannelCustomizer customizer) {
    Map<String, String> m = new HashMap<>();
    m.put("net.sctp.plpmtud_probe_interval", "0");
    m.put("net.sctp.udp_port", "0");
    m.put("net.sctp.rto_initial", "300");
    m.put("net.sctp.rto_min", "100");
    m.put("net.sctp.rto_max", "1000");
    m.put("net.sctp.sack_timeout", "20");
    m.put("net.sctp.hb_interval", "300");
    return SctpStack.builder()
        .sysctl(m)
        .allowedPeerAddresses(PeerAddressFilter.subnets("127.0.0.0/8"))
        .udpChannelCustomizer(customizer)
        .threadName("jsctp-metrics-test")
        .build();
  }

  static SctpStack stack() {
    return stack((local, pipeline) -> {});
  }

  /** A server channel on {@code port} of 127.0.0.1, and of the other addresses given. */
  static SctpServerChannel server(SctpStack stack, int port, InetAddress... more) throws Exception {
    SctpServerChannel server = SctpServerChannel.open(stack);
    server.bind(new InetSocketAddress(LO1, port));
    for (InetAddress a : more) {
      server.bindAddress(a);
    }
    return server;
  }

  /** A client channel of {@code stack} that reaches the server's UDP port, bound as given. */
  static SctpChannel client(SctpStack stack, SctpServerChannel server, InetAddress... locals)
      throws Exception {
    SctpChannel ch = SctpChannel.open(stack);
    for (int i = 0; i < locals.length; i++) {
      if (i == 0) {
        ch.bind(new InetSocketAddress(locals[0], 0));
      } else {
        ch.bindAddress(locals[i]);
      }
    }
    ch.setOption(
        SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
        new RemoteUdpEncapsPort(
            null, server.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT)));
    return ch;
  }

  static InetSocketAddress address(SctpServerChannel server, InetAddress ip) throws Exception {
    int port = ((InetSocketAddress) server.getAllLocalAddresses().iterator().next()).getPort();
    return new InetSocketAddress(ip, port);
  }

  /** Waits for a condition; the deadline is only a safety net, never what the test checks. */
  static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
