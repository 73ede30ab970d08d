package org.jsctp.netty;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A one-to-one SCTP channel (one association), shaped like {@code com.sun.nio.sctp.SctpChannel}:
 * porting is a change of imports plus passing the {@link SctpStack} to {@link #open(SctpStack)}.
 *
 * <pre>{@code
 * SctpChannel ch = SctpChannel.open(stack);
 * ch.setOption(SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT, new RemoteUdpEncapsPort(null, 9899));
 * ch.connect(new InetSocketAddress("192.0.2.1", 3868));
 * ch.send(ByteBuffer.wrap(request), MessageInfo.createOutgoing(null, 0));
 * ByteBuffer buf = ByteBuffer.allocate(65536);
 * MessageInfo info = ch.receive(buf, null, null);
 * }</pre>
 *
 * <h2>Differences from the JDK</h2>
 *
 * <ul>
 *   <li>Not a {@code SelectableChannel}: instead of non-blocking mode and selectors, every blocking
 *       call has a variant with a timeout and a {@link CompletableFuture} variant, and there are
 *       writability signals for event-driven senders ({@link #isWritable()}, {@link
 *       #setBufferedAmountLowListener(Runnable)}).
 *   <li>Futures complete on the endpoint's event loop (or on the calling thread when the result is
 *       immediate): do not block in their callbacks; use the {@code ...Async} methods of {@link
 *       CompletableFuture} with an executor of yours for heavy work. Blocking calls made on an
 *       event loop thread of the stack throw {@link IllegalStateException}.
 *   <li>The channel speaks SCTP over UDP (RFC 6951): the peer's UDP port comes from {@link
 *       SctpStandardSocketOptions#SCTP_REMOTE_UDP_ENCAPS_PORT} (default: the stack's {@code
 *       encap_port}, 9899), the local one from {@link
 *       SctpStandardSocketOptions#SCTP_LOCAL_UDP_ENCAPS_PORT} (default: ephemeral).
 *   <li>Interrupting a blocked call throws {@link java.io.InterruptedIOException} and leaves the
 *       channel open.
 * </ul>
 *
 * <p>Thread-safe: sends may come from several threads; receives are serialized.
 */
public abstract class SctpChannel implements java.nio.channels.Channel {

  SctpChannel() {}

  /** Opens an unbound, unconnected channel on {@code stack}. */
  public static SctpChannel open(SctpStack stack) throws IOException {
    stack.checkOpen();
    return new SctpChannelImpl(stack);
  }

  /**
   * Opens a channel and connects it, like the JDK's {@code SctpChannel.open(remote, out, in)}.
   *
   * @param maxOutStreams outbound streams to ask for, 0 for the default
   * @param maxInStreams inbound streams to accept at most, 0 for the default
   */
  public static SctpChannel open(
      SctpStack stack, SocketAddress remote, int maxOutStreams, int maxInStreams)
      throws IOException {
    SctpChannel ch = open(stack);
    try {
      ch.connect(remote, maxOutStreams, maxInStreams);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    return ch;
  }

  /** The stack the channel belongs to. */
  public abstract SctpStack stack();

  /**
   * The channel's association, or null while it is not connected.
   *
   * @throws java.nio.channels.ClosedChannelException if the channel is closed
   */
  public abstract Association association() throws IOException;

  /**
   * Binds to a local address: an IP (or the wildcard: every address of every interface that is up)
   * and an SCTP port (0 = ephemeral). This creates the channel's endpoint and its UDP channels.
   *
   * @throws java.nio.channels.AlreadyBoundException if already bound
   * @throws java.net.BindException if the SCTP port or the UDP port is taken
   */
  public abstract SctpChannel bind(SocketAddress local) throws IOException;

  /**
   * Adds a local IP to a bound channel (sctp_bindx ADD): a UDP channel is bound on it, associations
   * set up afterwards list it, and an established association that negotiated ADD-IP (RFC 5061,
   * {@link SctpStandardSocketOptions#SCTP_ASCONF_SUPPORTED}) asks its peer to add it; without
   * ADD-IP the association does not learn it.
   */
  public abstract SctpChannel bindAddress(InetAddress address) throws IOException;

  /**
   * Removes a local IP (sctp_bindx REM). With ADD-IP (RFC 5061) the association asks its peer to
   * delete it and keeps receiving on it until the peer answered; its UDP channel closes then.
   *
   * @throws IllegalUnbindException when it is not bound, is the last one, or the association
   *     cannot let it go: without ADD-IP the peer cannot be told and would keep sending to it
   */
  public abstract SctpChannel unbindAddress(InetAddress address) throws IOException;

  /**
   * Connects to {@code remote} and waits until the association is up. An unbound channel first
   * binds to the local IP the operating system would use for the peer, on an ephemeral port.
   *
   * @return true (the JDK's non-blocking mode, which returns false, does not exist here)
   * @throws java.net.ConnectException when the association cannot be set up
   */
  public abstract boolean connect(SocketAddress remote) throws IOException;

  /** Like {@link #connect(SocketAddress)}, asking for these stream counts (0 = default). */
  public abstract boolean connect(SocketAddress remote, int maxOutStreams, int maxInStreams)
      throws IOException;

  /**
   * Connects to several addresses of one peer (sctp_connectx): all count as confirmed, the first is
   * the primary path. All must have the same SCTP port.
   *
   * @param timeout how long to wait; null waits until the handshake succeeds or gives up
   * @throws java.net.SocketTimeoutException on timeout (the handshake goes on)
   */
  public abstract boolean connect(Collection<? extends SocketAddress> remotes, Duration timeout)
      throws IOException;

  /** Starts a connect; the future completes when the association is up. */
  public abstract CompletableFuture<Void> connectAsync(Collection<? extends SocketAddress> remotes);

  /**
   * Completes when the channel's association has ended: lost (COMM_LOST), shut down, aborted by
   * either side, or closed with the channel. For a channel whose connect is under way it follows
   * that connect; a connect that fails completes it too. Lets a supervisor (for example {@link
   * ReconnectingClient}) learn of the end without owning the receive loop.
   *
   * @return a future that fails with {@link java.nio.channels.NotYetConnectedException} when no
   *     connect was started
   */
  public abstract CompletableFuture<Void> associationEnded();

  /** Whether a connect was started and has not finished. */
  public abstract boolean isConnectionPending();

  /** Waits for a pending connect; true when connected. */
  public abstract boolean finishConnect() throws IOException;

  /** The local addresses (IP and SCTP port); empty when unbound. */
  public abstract Set<SocketAddress> getAllLocalAddresses() throws IOException;

  /** The peer's addresses (IP and SCTP port); empty when not connected. */
  public abstract Set<SocketAddress> getRemoteAddresses() throws IOException;

  /**
   * Starts a graceful shutdown (RFC 9260 SHUTDOWN) without closing the channel: data already sent
   * is still delivered, further sends fail, and what the peer sent before it saw the shutdown can
   * still be received. Returns at once.
   */
  public abstract SctpChannel shutdown() throws IOException;

  /** Starts a graceful shutdown; the future completes when the association has ended. */
  public abstract CompletableFuture<Void> shutdownAsync();

  /** Reads an option; for the association's live value when connected. */
  public abstract <T> T getOption(SctpSocketOption<T> name) throws IOException;

  /**
   * Reads a per-address option ({@link SctpStandardSocketOptions#SCTP_GET_PEER_ADDR_INFO}, {@link
   * SctpStandardSocketOptions#SCTP_PEER_ADDR_PARAMS}, {@link
   * SctpStandardSocketOptions#SCTP_PEER_ADDR_THLDS}, {@link
   * SctpStandardSocketOptions#SCTP_REMOTE_UDP_ENCAPS_PORT}) for one peer address.
   */
  public abstract <T> T getOption(SctpSocketOption<T> name, SocketAddress peer) throws IOException;

  /**
   * Sets an option: for the association when connected, and for associations set up later.
   *
   * @throws IllegalArgumentException for a bad value, naming the option and its allowed range
   * @throws UnsupportedOperationException for an option not supported by this channel, or a
   *     read-only one
   */
  public abstract <T> SctpChannel setOption(SctpSocketOption<T> name, T value) throws IOException;

  /** The options this channel supports. */
  public abstract Set<SctpSocketOption<?>> supportedOptions();

  /**
   * Receives a message or part of one into {@code dst}, waiting as long as needed, like the JDK.
   * Notifications met on the way go to {@code handler} (null: they are skipped); when it returns
   * {@link HandlerResult#RETURN} this returns null. A message that does not fit, or that the stack
   * delivers in pieces (partial delivery), comes in several calls, the last one with {@link
   * MessageInfo#isComplete()} true. Once the association has ended and everything was read, returns
   * a MessageInfo whose {@link MessageInfo#bytes()} is -1.
   */
  public abstract <T> MessageInfo receive(
      ByteBuffer dst, T attachment, NotificationHandler<T> handler) throws IOException;

  /**
   * Like {@link #receive(ByteBuffer, Object, NotificationHandler)}, waiting at most {@code
   * timeout}.
   *
   * @throws java.net.SocketTimeoutException when nothing arrived in time
   */
  public abstract <T> MessageInfo receive(
      ByteBuffer dst, T attachment, NotificationHandler<T> handler, Duration timeout)
      throws IOException;

  /**
   * Receives asynchronously; the handler runs on the completing thread. Only one receive may be
   * pending.
   *
   * @throws java.nio.channels.ReadPendingException (in the future) if another receive is pending
   */
  public abstract <T> CompletableFuture<MessageInfo> receiveAsync(
      ByteBuffer dst, T attachment, NotificationHandler<T> handler);

  /**
   * Sends the remaining bytes of {@code src} as one message (its position moves to its limit),
   * waiting while the send buffer (SO_SNDBUF) is full. A null {@code messageInfo} uses {@link
   * SctpStandardSocketOptions#SCTP_DEFAULT_SEND_PARAM}.
   *
   * @return the number of bytes sent
   * @throws IllegalArgumentException when {@code src} has no bytes: SCTP has no empty messages
   *     (RFC 9260 section 6.2), so this throws at once, as the asynchronous send does
   * @throws InvalidStreamException when the stream is outside the association's outbound streams
   * @throws java.nio.channels.NotYetConnectedException when not connected
   * @throws java.nio.channels.ClosedChannelException after shutdown or close
   */
  public abstract int send(ByteBuffer src, MessageInfo messageInfo) throws IOException;

  /**
   * Like {@link #send(ByteBuffer, MessageInfo)}, waiting at most {@code timeout} for room.
   *
   * @throws java.net.SocketTimeoutException when the buffer stayed full; the message was not sent
   */
  public abstract int send(ByteBuffer src, MessageInfo messageInfo, Duration timeout)
      throws IOException;

  /**
   * Sends asynchronously: the bytes are copied at once, and the future completes when the stack has
   * accepted the message into the send buffer. Messages of one channel are accepted in call order.
   * While the buffer is full, sends wait, up to one more send buffer of data; beyond that the
   * future fails with {@link SendBufferFullException}.
   *
   * @throws IllegalArgumentException at once when {@code src} has no bytes (RFC 9260 section 6.2)
   */
  public abstract CompletableFuture<Integer> sendAsync(ByteBuffer src, MessageInfo messageInfo);

  /** Bytes queued or sent and not yet acknowledged (0 when not connected). */
  public abstract long bufferedAmount() throws IOException;

  /** Whether a send would be accepted without waiting (the send buffer is not full). */
  public abstract boolean isWritable();

  /**
   * Standby takeover (docs/ha.md): the application has dealt with every message it received on
   * this channel up to and including {@code received} (made it durable, or replicated its own
   * state past it), so that a standby taking over does not hand those again. Confirmations are
   * replicated lazily; until confirmed, delivered bytes hold the receive window, so an application
   * on an association that replicates must confirm (one that never does stalls its peer after a
   * window's worth). Without replication it does nothing. Any thread; never blocks.
   *
   * @param received what a receive call on this channel returned
   * @throws IllegalArgumentException when {@code received} does not describe a received message
   *     of this channel's association
   */
  public abstract void confirmDelivered(MessageInfo received) throws IOException;

  /**
   * Runs {@code listener} on the event loop each time the buffered amount falls to half the send
   * buffer after a send had to wait: the buffered-amount-low signal. Null removes it. The listener
   * must not block.
   */
  public abstract void setBufferedAmountLowListener(Runnable listener);

  /**
   * Closes the channel. With SO_LINGER -1 (default) a graceful shutdown goes on in the background
   * and this returns at once; with 0 the association is aborted; with n > 0 this waits up to n
   * seconds for the shutdown, then aborts. Unread received data makes close abort (the peer learns
   * its data was not read), as Linux does.
   */
  @Override
  public abstract void close() throws IOException;

  /** Closes the channel without waiting; the future completes when the association has ended. */
  public abstract CompletableFuture<Void> closeAsync();
}
