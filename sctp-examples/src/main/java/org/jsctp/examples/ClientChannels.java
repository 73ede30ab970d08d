package org.jsctp.examples;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;

/** Opens a client's one-to-one channel to the server its options name, and connects it. */
final class ClientChannels {

  private ClientChannels() {}

  /** A channel that encapsulates from {@code localUdpPort} (0: ephemeral) to the server's port. */
  static SctpChannel open(SctpStack stack, int localUdpPort, RemotePortOptions server)
      throws IOException {
    SctpChannel ch = SctpChannel.open(stack);
    ch.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, localUdpPort);
    ch.setOption(SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT, server.encapsulation());
    return ch;
  }

  /** A channel for {@code endpoint} that asks for {@code streams} outbound streams. */
  static SctpChannel open(SctpStack stack, ClientEndpointOptions endpoint, int streams)
      throws IOException {
    SctpChannel ch = open(stack, endpoint.udpPort, endpoint.server);
    ch.setOption(
        SctpStandardSocketOptions.SCTP_INIT_MAXSTREAMS,
        SctpStandardSocketOptions.InitMaxStreams.create(Math.max(streams, 10), streams));
    return ch;
  }

  /**
   * Binds {@code ch} to the endpoint's local addresses, if it names any, and connects it to the
   * server, waiting up to {@code timeout}. A failed connect is reported on {@code events}.
   *
   * @return whether the association is up
   */
  static boolean connect(
      SctpChannel ch, ClientEndpointOptions endpoint, Duration timeout, Events events)
      throws IOException {
    List<InetAddress> locals = endpoint.locals;
    if (!locals.isEmpty()) {
      ch.bind(new InetSocketAddress(locals.get(0), 0));
      for (InetAddress extra : locals.subList(1, locals.size())) {
        ch.bindAddress(extra);
      }
    }
    List<SocketAddress> peers = endpoint.peers();
    try {
      ch.connect(peers, timeout);
      return true;
    } catch (Exception e) {
      events.line("connect to " + peers + " failed: " + e);
      return false;
    }
  }
}
