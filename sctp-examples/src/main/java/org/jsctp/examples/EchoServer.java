package org.jsctp.examples;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jsctp.netty.Association;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpMultiChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.option.EventSubscription;

/**
 * The server of {@code echo-server}, on a stack the caller owns: one one-to-many channel, and the
 * loops that echo every message back on its association and stream. Tests run it in-process.
 *
 * <p>No peer holds back another's echoes: the channel returns the pieces of different
 * associations interleaved (SCTP_FRAGMENT_INTERLEAVE 1), so a message that never ends stops only
 * its own association; and an association whose echo has to wait for room in its send buffer (its
 * peer reads slowly, or not at all) is branched off to a channel and a loop of its own, where the
 * wait closes that association's receive window only.
 */
final class EchoServer {

  /** The echo service's SCTP port (RFC 862), the echo tools' default. */
  static final int DEFAULT_PORT = 7;

  /** The largest message echoed by default: the largest {@code echo-client --size}. */
  static final int DEFAULT_MAX_MESSAGE = 16 << 20;

  /** What all unfinished messages may hold together by default. */
  static final long DEFAULT_REASSEMBLY_MEMORY = 64L << 20;

  /**
   * What the server binds and how it behaves.
   *
   * @param locals the local addresses, the first is the primary (at least one)
   * @param port the SCTP port
   * @param udpPort the local UDP encapsulation port, 0 for an ephemeral one
   * @param exposePf whether to report potentially-failed paths
   * @param maxMessage the largest message echoed: a peer sending a larger one is aborted
   * @param reassemblyMemory what all unfinished messages may hold together: a peer whose piece
   *     does not fit is aborted
   */
  record Settings(
      List<InetAddress> locals,
      int port,
      int udpPort,
      boolean exposePf,
      int maxMessage,
      long reassemblyMemory) {
    Settings {
      locals = List.copyOf(locals);
      if (locals.isEmpty()) {
        throw new IllegalArgumentException("at least one local address");
      }
    }
  }

  private final SctpMultiChannel ch;
  private final Events events;
  private final Reassembler<Association> pieces;
  private final Set<SctpChannel> branches = ConcurrentHashMap.newKeySet();
  private final CompletableFuture<Void> done;

  private EchoServer(SctpMultiChannel ch, Settings settings, Events events) {
    this.ch = ch;
    this.events = events;
    this.pieces = new Reassembler<>(settings.maxMessage(), settings.reassemblyMemory());
    this.done =
        new EchoLoop(ch::receiveAsync, ch::sendAsync, new OneToMany(), pieces, events).start();
  }

  /** Opens and binds the channel and starts echoing. */
  static EchoServer start(SctpStack stack, Settings settings, Events events) throws IOException {
    SctpMultiChannel ch =
        ServerChannels.open(
            stack,
            settings.locals(),
            settings.port(),
            settings.udpPort(),
            c -> configure(c, settings));
    return new EchoServer(ch, settings, events);
  }

  private static void configure(SctpMultiChannel ch, Settings settings) throws IOException {
    // Echo at once: Nagle-like bundling would wait for the client's delayed SACK.
    ch.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true, null);
    // Level 0 would return nothing of the others while one message is read in parts, for as
    // long as its peer likes (RFC 6458 section 8.1.20); the reassembler joins per association.
    ch.setOption(SctpStandardSocketOptions.SCTP_FRAGMENT_INTERLEAVE, 1, null);
    ch.setOption(
        SctpStandardSocketOptions.SCTP_EVENTS,
        new EventSubscription(true, true, false, true, true, false, true, true, true, true),
        null);
    if (settings.exposePf()) {
      ch.setOption(SctpStandardSocketOptions.SCTP_EXPOSE_POTENTIALLY_FAILED_STATE, true, null);
    }
  }

  /** The local UDP encapsulation port the channel is bound to. */
  int udpPort() throws IOException {
    return ch.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, null);
  }

  /** The local SCTP addresses. */
  Set<SocketAddress> localAddresses() throws IOException {
    return ch.getAllLocalAddresses();
  }

  /** Completes when the channel has closed and the one-to-many loop stopped. */
  CompletableFuture<Void> done() {
    return done;
  }

  /** The pieces of unfinished messages the server holds. */
  Reassembler<Association> reassembler() {
    return pieces;
  }

  /**
   * Shuts every association down gracefully (SHUTDOWN, as a kernel closes the sockets of a process
   * that ends), waits for them up to {@code grace}, and closes the channels. What is still open
   * then is the caller's to abort, by closing the stack.
   */
  void stop(Duration grace) {
    List<CompletableFuture<Void>> ends = new ArrayList<>();
    try {
      for (Association a : ch.associations()) {
        ends.add(ch.shutdownAsync(a));
      }
    } catch (IOException e) {
      // closed already: nothing to shut down
    }
    for (SctpChannel b : branches) {
      ends.add(b.shutdownAsync());
    }
    CompletableFuture<?>[] all =
        ends.stream().map(f -> f.exceptionally(e -> null)).toArray(CompletableFuture<?>[]::new);
    try {
      CompletableFuture.allOf(all).get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // what has not ended is aborted with the stack
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(ch);
    for (SctpChannel b : branches) {
      closeQuietly(b);
    }
  }

  private static void closeQuietly(java.nio.channels.Channel c) {
    try {
      c.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** Ends an association at once: SO_LINGER 0 makes the close an ABORT. */
  private static void abort(SctpChannel c) {
    try {
      c.setOption(SctpStandardSocketOptions.SO_LINGER, 0);
    } catch (IOException | RuntimeException e) {
      // closed already: the association has ended
    }
    closeQuietly(c);
  }

  /** The server's channel: any number of associations. */
  private final class OneToMany implements EchoLoop.Owner {

    @Override
    public boolean mustWait(Association association, CompletableFuture<Integer> echo) {
      SctpChannel b = branch(association);
      if (b != null) {
        events.line(
            "association "
                + association.associationID()
                + " on a channel of its own: its echoes wait for room in its send buffer");
        branches.add(b);
        new EchoLoop(b::receiveAsync, b::sendAsync, new Branch(b), pieces, events)
            .startAfter(echo);
      }
      return false;
    }

    @Override
    public void abort(Association association) {
      SctpChannel b = branch(association);
      if (b != null) {
        EchoServer.abort(b);
      }
    }

    @Override
    public void stopped() {}

    /** Peels the association off with its unread messages; null when it has ended. */
    private SctpChannel branch(Association association) {
      try {
        return ch.branch(association);
      } catch (IOException | IllegalArgumentException e) {
        return null;
      }
    }
  }

  /** One association branched off the server's channel. */
  private final class Branch implements EchoLoop.Owner {
    private final SctpChannel b;

    Branch(SctpChannel b) {
      this.b = b;
    }

    @Override
    public boolean mustWait(Association association, CompletableFuture<Integer> echo) {
      // Receiving less is what slows this peer down: its window closes, no one else's.
      return true;
    }

    @Override
    public void abort(Association association) {
      EchoServer.abort(b);
    }

    @Override
    public void stopped() {
      branches.remove(b);
      closeQuietly(b);
    }
  }
}
