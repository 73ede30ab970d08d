package org.jsctp.netty;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jsctp.netty.ha.HaStatistics;
import org.jsctp.netty.ha.StateReplicator;

/**
 * A listening one-to-one SCTP channel, shaped like {@code com.sun.nio.sctp.SctpServerChannel}: bind
 * it to one or several local addresses and accept associations, each as an {@link SctpChannel}.
 *
 * <pre>{@code
 * SctpServerChannel server = SctpServerChannel.open(stack);
 * server.bind(new InetSocketAddress("10.0.0.1", 3868));
 * server.bindAddress(InetAddress.getByName("10.0.1.1"));   // multihomed
 * SctpChannel ch = server.accept();
 * }</pre>
 *
 * <p>Its UDP port is {@link SctpStandardSocketOptions#SCTP_LOCAL_UDP_ENCAPS_PORT}, by default the
 * stack's {@code udp_port} (9899). Options set on the server are inherited by the channels it
 * accepts. Accepted channels share the server's endpoint: closing the server stops accepting but
 * leaves them open.
 */
public abstract class SctpServerChannel implements java.nio.channels.Channel {

  SctpServerChannel() {}

  /** Opens an unbound server channel on {@code stack}. */
  public static SctpServerChannel open(SctpStack stack) throws IOException {
    stack.checkOpen();
    return new SctpServerChannelImpl(stack);
  }

  /** The stack the channel belongs to. */
  public abstract SctpStack stack();

  /** Binds and listens with the default backlog (128). */
  public abstract SctpServerChannel bind(SocketAddress local) throws IOException;

  /**
   * Binds to a local address (IP or wildcard, SCTP port or 0) and listens.
   *
   * @param backlog how many associations may wait for {@link #accept()}; beyond it new ones are
   *     refused with an ABORT; 0 or less means 128
   */
  public abstract SctpServerChannel bind(SocketAddress local, int backlog) throws IOException;

  /**
   * Adds a local IP (sctp_bindx ADD): associations accepted afterwards list it, and those already
   * accepted that negotiated ADD-IP (RFC 5061) ask their peers to add it.
   */
  public abstract SctpServerChannel bindAddress(InetAddress address) throws IOException;

  /**
   * Removes a local IP: the associations of the endpoint holding it ask their peers to delete it
   * (ADD-IP, RFC 5061); its UDP channel closes once none uses it.
   *
   * @throws IllegalUnbindException when it is not bound, is the last one, or an association holding
   *     it cannot let it go (no ADD-IP, still being set up, or its last address)
   */
  public abstract SctpServerChannel unbindAddress(InetAddress address) throws IOException;

  /** The local addresses (IP and SCTP port); empty when unbound. */
  public abstract Set<SocketAddress> getAllLocalAddresses() throws IOException;

  /**
   * Waits for an association and returns its channel, already connected.
   *
   * @throws java.nio.channels.NotYetBoundException when not bound
   * @throws java.nio.channels.AsynchronousCloseException when closed while waiting
   */
  public abstract SctpChannel accept() throws IOException;

  /**
   * Like {@link #accept()}, waiting at most {@code timeout}.
   *
   * @throws java.net.SocketTimeoutException when no association came in time
   */
  public abstract SctpChannel accept(Duration timeout) throws IOException;

  /**
   * Accepts asynchronously. Only one may be pending (otherwise the future fails with {@link
   * java.nio.channels.AcceptPendingException}).
   */
  public abstract CompletableFuture<SctpChannel> acceptAsync();

  /**
   * Standby takeover (docs/ha.md): the endpoint this channel binds replicates its associations
   * through {@code replicator}, whose {@link StateReplicator#role() role} decides what {@link
   * #bind} does. The active binds as usual and replicates every association whose {@link
   * SctpStandardSocketOptions#SCTP_HA_MODE} is SYNC or THRESHOLD. A standby binds nothing yet:
   * it keeps copies of the active's associations and, when the replicator says the active is gone,
   * binds the same addresses and UDP port (waiting up to {@code addressWait} for them to move
   * here, as a virtual IP does) and hands the associations it took over to {@link #accept()}, as
   * if they were new, messages the active's application did not confirm first (flagged {@link
   * MessageInfo#possiblyDuplicate()}). The channel owns the replicator from now on and closes it
   * with the endpoint. Call before {@link #bind}; the UDP port must not be 0.
   *
   * @throws java.nio.channels.AlreadyBoundException when bound already
   */
  public abstract SctpServerChannel replicateWith(StateReplicator replicator, Duration addressWait)
      throws IOException;

  /** {@link #replicateWith(StateReplicator, Duration)} waiting up to 30 s for the addresses. */
  public SctpServerChannel replicateWith(StateReplicator replicator) throws IOException {
    return replicateWith(replicator, Duration.ofSeconds(30));
  }

  /**
   * What replication measured on this channel's endpoint ({@link HaStatistics#NONE} without
   * {@link #replicateWith} or before bind).
   */
  public abstract HaStatistics haStatistics() throws IOException;

  /** Reads an option (what accepted associations start with). */
  public abstract <T> T getOption(SctpSocketOption<T> name) throws IOException;

  /**
   * Sets an option for associations accepted afterwards.
   *
   * @throws IllegalArgumentException for a bad value, naming the option and its allowed range
   * @throws UnsupportedOperationException for an option a server does not have
   */
  public abstract <T> SctpServerChannel setOption(SctpSocketOption<T> name, T value)
      throws IOException;

  /** The options a server channel supports: those that shape accepted associations. */
  public abstract Set<SctpSocketOption<?>> supportedOptions();

  /**
   * Stops accepting. Associations waiting to be accepted are closed (gracefully, or aborted when
   * data had arrived for them); accepted channels stay open.
   */
  @Override
  public abstract void close() throws IOException;
}
