package org.jsctp.examples;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.jsctp.netty.SctpMultiChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;

/** Opens the one-to-many channel a server listens on. */
final class ServerChannels {

  /** Sets a server's own options on its channel before it is bound. */
  interface Setup {
    void apply(SctpMultiChannel ch) throws IOException;
  }

  private ServerChannels() {}

  /**
   * A channel on local UDP port {@code udpPort} (0: ephemeral), set up by {@code setup}, then bound
   * to {@code locals} (the first is the primary) at SCTP port {@code port}. Closed again when any
   * step fails.
   */
  static SctpMultiChannel open(
      SctpStack stack, List<InetAddress> locals, int port, int udpPort, Setup setup)
      throws IOException {
    SctpMultiChannel ch = SctpMultiChannel.open(stack);
    try {
      ch.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, udpPort, null);
      setup.apply(ch);
      ch.bind(new InetSocketAddress(locals.get(0), port));
      for (InetAddress extra : locals.subList(1, locals.size())) {
        ch.bindAddress(extra);
      }
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    return ch;
  }
}
