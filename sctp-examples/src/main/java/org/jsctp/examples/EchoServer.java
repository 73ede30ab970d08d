package org.jsctp.examples;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jsctp.netty.SctpMultiChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.option.EventSubscription;

/**
 * The server of {@code echo-server}, on a stack the caller owns: one one-to-many channel and the
 * loop that echoes every message back on its association and stream. Tests run it in-process.
 */
final class EchoServer {

  /**
   * What the server binds and how it behaves.
   *
   * @param locals the local addresses, the first is the primary (at least one)
   * @param port the SCTP port
   * @param udpPort the local UDP encapsulation port, 0 for an ephemeral one
   * @param exposePf whether to report potentially-failed paths
   */
  record Settings(List<InetAddress> locals, int port, int udpPort, boolean exposePf) {
    Settings {
      locals = List.copyOf(locals);
      if (locals.isEmpty()) {
        throw new IllegalArgumentException("at least one local address");
      }
    }
  }

  private final SctpMultiChannel ch;
  private final AsyncEcho echo;
  private final CompletableFuture<Void> done;

  private EchoServer(SctpMultiChannel ch, AsyncEcho echo) {
    this.ch = ch;
    this.echo = echo;
    this.done = echo.start();
  }

  /** Opens and binds the channel and starts echoing. */
  static EchoServer start(SctpStack stack, Settings settings, Events events) throws IOException {
    SctpMultiChannel ch = SctpMultiChannel.open(stack);
    try {
      ch.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, settings.udpPort(), null);
      // Echo at once: Nagle-like bundling would wait for the client's delayed SACK.
      ch.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true, null);
      ch.setOption(
          SctpStandardSocketOptions.SCTP_EVENTS,
          new EventSubscription(true, true, false, true, true, false),
          null);
      if (settings.exposePf()) {
        ch.setOption(SctpStandardSocketOptions.SCTP_EXPOSE_POTENTIALLY_FAILED_STATE, true, null);
      }
      List<InetAddress> locals = settings.locals();
      ch.bind(new InetSocketAddress(locals.get(0), settings.port()));
      for (InetAddress extra : locals.subList(1, locals.size())) {
        ch.bindAddress(extra);
      }
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    // Event-driven: every message is echoed from the event loop that received it.
    return new EchoServer(ch, new AsyncEcho(ch, events));
  }

  /** The local UDP encapsulation port the channel is bound to. */
  int udpPort() throws IOException {
    return ch.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, null);
  }

  /** The local SCTP addresses. */
  Set<SocketAddress> localAddresses() throws IOException {
    return ch.getAllLocalAddresses();
  }

  /** Completes when the channel has closed and the echo loop stopped. */
  CompletableFuture<Void> done() {
    return done;
  }

  /** The pieces of unfinished messages the server holds. */
  Reassembler reassembler() {
    return echo.reassembler();
  }
}
