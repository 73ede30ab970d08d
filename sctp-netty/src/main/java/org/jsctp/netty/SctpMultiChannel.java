package org.jsctp.netty;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A one-to-many SCTP channel, shaped like {@code com.sun.nio.sctp.SctpMultiChannel}: one endpoint,
 * any number of associations. Sending to an address without an association sets one up implicitly;
 * receive returns messages of every association, with {@link MessageInfo#association()} saying
 * which; {@link #branch(Association)} peels an association off into its own {@link SctpChannel}.
 *
 * <pre>{@code
 * SctpMultiChannel ch = SctpMultiChannel.open(stack);
 * ch.bind(new InetSocketAddress("127.0.0.1", 7));
 * ByteBuffer buf = ByteBuffer.allocate(65536);
 * while (true) {
 *   MessageInfo info = ch.receive(buf.clear(), null, null);
 *   ch.send(buf.flip(), MessageInfo.createOutgoing(info.association(), null, info.streamNumber()));
 * }
 * }</pre>
 *
 * <p>Bound, it accepts associations from peers (listening is part of bind, as for the JDK). Its UDP
 * port is {@link SctpStandardSocketOptions#SCTP_LOCAL_UDP_ENCAPS_PORT}, by default the stack's
 * {@code udp_port} (9899). The differences from the JDK listed on {@link SctpChannel} apply here
 * too.
 */
public abstract class SctpMultiChannel implements java.nio.channels.Channel {

  SctpMultiChannel() {}

  /** Opens an unbound one-to-many channel on {@code stack}. */
  public static SctpMultiChannel open(SctpStack stack) throws IOException {
    stack.checkOpen();
    return new SctpMultiChannelImpl(stack);
  }

  /** The stack the channel belongs to. */
  public abstract SctpStack stack();

  /** The associations that are up or being set up. */
  public abstract Set<Association> associations() throws IOException;

  /**
   * Binds and listens, with no limit on associations beyond the stack's {@code max_associations}.
   */
  public abstract SctpMultiChannel bind(SocketAddress local) throws IOException;

  /**
   * Binds to a local address (IP or wildcard, SCTP port or 0) and accepts associations.
   *
   * @param backlog ignored: a bound one-to-many channel accepts associations up to the stack's
   *     {@code max_associations}; an unbound one that sets associations up implicitly does not
   *     accept any
   */
  public abstract SctpMultiChannel bind(SocketAddress local, int backlog) throws IOException;

  /**
   * Adds a local IP (sctp_bindx ADD): every established association that negotiated ADD-IP (RFC
   * 5061) asks its peer to add it; the others do not learn it.
   */
  public abstract SctpMultiChannel bindAddress(InetAddress address) throws IOException;

  /**
   * Removes a local IP (sctp_bindx REM): every association holding it asks its peer to delete it
   * (ADD-IP, RFC 5061); its UDP channel closes once no association uses it.
   *
   * @throws IllegalUnbindException when it is not bound, is the last one, or an association holding
   *     it cannot let it go (no ADD-IP, still being set up, or its last address)
   */
  public abstract SctpMultiChannel unbindAddress(InetAddress address) throws IOException;

  /** The local addresses (IP and SCTP port); empty when unbound. */
  public abstract Set<SocketAddress> getAllLocalAddresses() throws IOException;

  /** The peer addresses of an association (IP and SCTP port); empty when it has ended. */
  public abstract Set<SocketAddress> getRemoteAddresses(Association association) throws IOException;

  /** Starts a graceful shutdown of one association; returns at once. */
  public abstract SctpMultiChannel shutdown(Association association) throws IOException;

  /** Starts a graceful shutdown of one association; the future completes when it has ended. */
  public abstract CompletableFuture<Void> shutdownAsync(Association association);

  /** Reads an option: of {@code association}, or with null what new associations start with. */
  public abstract <T> T getOption(SctpSocketOption<T> name, Association association)
      throws IOException;

  /** Reads a per-address option of one peer address of {@code association}. */
  public abstract <T> T getOption(
      SctpSocketOption<T> name, Association association, SocketAddress peer) throws IOException;

  /**
   * Sets an option: for {@code association}, or with null for associations set up later ({@link
   * SctpStandardSocketOptions#SCTP_AUTOCLOSE} with null applies to all of them, current and
   * future).
   *
   * @throws IllegalArgumentException for a bad value, naming the option and its allowed range
   */
  public abstract <T> SctpMultiChannel setOption(
      SctpSocketOption<T> name, T value, Association association) throws IOException;

  /** Every option is supported. */
  public abstract Set<SctpSocketOption<?>> supportedOptions();

  /**
   * Receives a message (or part of one) of any association, as {@link
   * SctpChannel#receive(ByteBuffer, Object, NotificationHandler)} does. With {@link
   * SctpStandardSocketOptions#SCTP_FRAGMENT_INTERLEAVE} 0 (default), while a message is read in
   * parts nothing from other associations is returned, for as long as that message's peer likes;
   * with 1 the parts of different associations interleave.
   */
  public abstract <T> MessageInfo receive(
      ByteBuffer dst, T attachment, NotificationHandler<T> handler) throws IOException;

  /**
   * Like {@link #receive(ByteBuffer, Object, NotificationHandler)}, waiting at most {@code
   * timeout}.
   */
  public abstract <T> MessageInfo receive(
      ByteBuffer dst, T attachment, NotificationHandler<T> handler, Duration timeout)
      throws IOException;

  /** Receives asynchronously; only one receive may be pending. */
  public abstract <T> CompletableFuture<MessageInfo> receiveAsync(
      ByteBuffer dst, T attachment, NotificationHandler<T> handler);

  /**
   * Sends a message on {@link MessageInfo#association()}, or to {@link MessageInfo#address()}: with
   * no association to that address, one is set up implicitly (an unbound channel binds first) and
   * the message goes out once it is up. Waits while the send buffer is full.
   *
   * @throws IllegalArgumentException when {@code src} has no bytes (RFC 9260 section 6.2)
   */
  public abstract int send(ByteBuffer src, MessageInfo messageInfo) throws IOException;

  /** Like {@link #send(ByteBuffer, MessageInfo)}, waiting at most {@code timeout} for room. */
  public abstract int send(ByteBuffer src, MessageInfo messageInfo, Duration timeout)
      throws IOException;

  /** Sends asynchronously, as {@link SctpChannel#sendAsync(ByteBuffer, MessageInfo)} does. */
  public abstract CompletableFuture<Integer> sendAsync(ByteBuffer src, MessageInfo messageInfo);

  /**
   * Peels an association off into a one-to-one channel (sctp_peeloff): its unread messages and
   * notifications move with it.
   *
   * @throws IllegalArgumentException when the association is not one of this channel's
   */
  public abstract SctpChannel branch(Association association) throws IOException;

  /** Bytes queued or unacknowledged on an association. */
  public abstract long bufferedAmount(Association association) throws IOException;

  /** Whether a send on the association would be accepted without waiting. */
  public abstract boolean isWritable(Association association);

  /**
   * Runs {@code listener} on the event loop when an association's buffered amount falls to half its
   * send buffer after a send had to wait. Null removes it. Must not block.
   */
  public abstract void setBufferedAmountLowListener(Consumer<Association> listener);

  /**
   * Closes the channel: every association is shut down gracefully (aborted with SO_LINGER 0 or when
   * data was left unread), in the background.
   */
  @Override
  public abstract void close() throws IOException;
}
