package org.jsctp.netty.channel;

import io.netty.channel.AbstractChannel;
import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelMetadata;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.sctp.SctpChannelConfig;
import io.netty.channel.sctp.SctpMessage;
import io.netty.channel.sctp.SctpServerChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ConnectionPendingException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpSocketOption;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;

/**
 * An {@link io.netty.channel.sctp.SctpChannel} on jsctp: what Netty's {@code NioSctpChannel} is on
 * the kernel's SCTP, over SCTP over UDP (RFC 6951) instead. A Netty SCTP client runs unchanged but
 * for the channel class:
 *
 * <pre>{@code
 * new Bootstrap().group(group)
 *     .channel(JsctpSctpChannel.class)                        // was NioSctpChannel.class
 *     .option(SctpChannelOption.SCTP_NODELAY, true)
 *     .handler(initializer)
 *     .connect(host, port);
 * }</pre>
 *
 * <p>The no-argument constructor opens the channel on the process-wide {@link DefaultStack}
 * (configured by {@code net.sctp.*} system properties); {@link #factory(SctpStack)} opens channels
 * on a stack of the application's. The peer's UDP port is the stack's {@code net.sctp.encap_port}
 * unless {@link JsctpChannelOption#SCTP_REMOTE_UDP_ENCAPS_PORT} says otherwise.
 *
 * <p>Messages are {@link SctpMessage}s both ways; inbound ones carry a {@code
 * com.sun.nio.sctp.MessageInfo}, and a message larger than the receive buffer comes in parts
 * ({@code isComplete()} false but for the last) for {@code SctpMessageCompletionHandler} to join.
 * Notifications are {@code com.sun.nio.sctp} user events; the peer's SHUTDOWN closes the channel
 * after its event, and the end of the association closes it, as with Netty's NIO channel. A write
 * completes when jsctp's send buffer took the message, and the channel is unwritable while that
 * buffer is full (beyond Netty's water marks). Options: Netty's {@code SctpChannelOption}s and
 * {@code SO_*} options, and every jsctp option through {@link JsctpChannelOption}.
 *
 * <h2>Threads</h2>
 *
 * <p>The channel is registered on any Netty event loop, the application's as with any transport;
 * its association lives on an event loop of the jsctp stack. jsctp's results come back to the
 * channel's loop as tasks, so handlers run on the channel's loop only. Binding, adding an address
 * and reading an option of a bound channel wait briefly for jsctp's loop; a close with {@code
 * SO_LINGER} above 0 waits off the loop, as Netty's NIO channels do.
 */
public final class JsctpSctpChannel extends AbstractChannel
    implements io.netty.channel.sctp.SctpChannel {

  private static final ChannelMetadata METADATA = new ChannelMetadata(false);

  private final SctpChannel ch;
  private final JsctpChannelConfig config;
  private final JdkAssociations associations = new JdkAssociations();
  private final MessageReader reader;
  private final MessageWriter writer;
  private ChannelPromise connectPromise;
  private ScheduledFuture<?> connectTimeout;

  /**
   * A client channel on the process-wide {@link DefaultStack}: for {@code
   * .channel(JsctpSctpChannel.class)}.
   *
   * @throws IllegalArgumentException naming the property, when a {@code net.sctp.*} system property
   *     of the default stack is unknown or bad (Netty's reflective channel factory reports it as a
   *     {@link ChannelException})
   * @throws ChannelException when the default stack is closed
   */
  public JsctpSctpChannel() {
    this(DefaultStack.get());
  }

  /**
   * A client channel on {@code stack}.
   *
   * @throws ChannelException when the stack is closed
   */
  public JsctpSctpChannel(SctpStack stack) {
    this(null, open(stack));
  }

  /**
   * A Netty channel for an open jsctp channel, connected or not (accepted, or branched off a
   * one-to-many channel with {@code SctpMultiChannel.branch}). The Netty channel takes it over: the
   * application no longer calls it directly.
   */
  public JsctpSctpChannel(SctpChannel ch) {
    this(null, ch);
  }

  /** A channel accepted by {@code parent}. */
  JsctpSctpChannel(JsctpSctpServerChannel parent, SctpChannel ch) {
    this((Channel) parent, ch);
  }

  private JsctpSctpChannel(Channel parent, SctpChannel ch) {
    super(parent);
    this.ch = ch;
    this.config = new JsctpChannelConfig(this, ch, this::autoReadCleared);
    this.reader = new MessageReader(this, ch, associations);
    this.writer = new MessageWriter(this, ch);
  }

  /**
   * Opens client channels on {@code stack}: {@code bootstrap.channelFactory(JsctpSctpChannel
   * .factory(stack))}.
   */
  public static ChannelFactory<JsctpSctpChannel> factory(SctpStack stack) {
    return () -> new JsctpSctpChannel(stack);
  }

  private static SctpChannel open(SctpStack stack) {
    try {
      return OptionBridge.withNettyDefaults(SctpChannel.open(stack), OptionBridge::of);
    } catch (IOException e) {
      throw new ChannelException("cannot open an SCTP channel on " + stack, e);
    }
  }

  /** The jsctp stack the channel runs on. */
  public SctpStack stack() {
    return ch.stack();
  }

  /**
   * Reads a jsctp option about one peer address ({@code SCTP_GET_PEER_ADDR_INFO}, {@code
   * SCTP_PEER_ADDR_PARAMS}, {@code SCTP_PEER_ADDR_THLDS}, {@code SCTP_REMOTE_UDP_ENCAPS_PORT}).
   *
   * @param peer one of {@link #allRemoteAddresses()}
   * @throws ChannelException when the channel is closed
   */
  public <T> T getPeerOption(SctpSocketOption<T> option, SocketAddress peer) {
    try {
      return ch.getOption(option, peer);
    } catch (IOException e) {
      throw new ChannelException(e);
    }
  }

  @Override
  public SctpServerChannel parent() {
    return (SctpServerChannel) super.parent();
  }

  @Override
  public com.sun.nio.sctp.Association association() {
    try {
      return associations.of(ch.association());
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) super.localAddress();
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return (InetSocketAddress) super.remoteAddress();
  }

  @Override
  public Set<InetSocketAddress> allLocalAddresses() {
    try {
      return inet(ch.getAllLocalAddresses());
    } catch (IOException e) {
      return Collections.emptySet();
    }
  }

  @Override
  public Set<InetSocketAddress> allRemoteAddresses() {
    try {
      return inet(ch.getRemoteAddresses());
    } catch (IOException e) {
      return Collections.emptySet();
    }
  }

  /** The first address of a jsctp address set, or null. */
  static SocketAddress first(Set<SocketAddress> addresses) {
    Iterator<SocketAddress> i = addresses.iterator();
    return i.hasNext() ? i.next() : null;
  }

  /** A jsctp address set as Netty's SCTP channels return it. */
  static Set<InetSocketAddress> inet(Set<SocketAddress> addresses) {
    Set<InetSocketAddress> set = new LinkedHashSet<>();
    for (SocketAddress a : addresses) {
      set.add((InetSocketAddress) a);
    }
    return set;
  }

  @Override
  public SctpChannelConfig config() {
    return config;
  }

  JsctpChannelConfig jsctpConfig() {
    return config;
  }

  @Override
  public boolean isOpen() {
    return ch.isOpen();
  }

  @Override
  public boolean isActive() {
    try {
      return ch.isOpen() && ch.association() != null;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public ChannelMetadata metadata() {
    return METADATA;
  }

  @Override
  public ChannelFuture bindAddress(InetAddress localAddress) {
    return bindAddress(localAddress, newPromise());
  }

  /** Adds a local address (sctp_bindx ADD); the channel must be bound and not yet connected. */
  @Override
  public ChannelFuture bindAddress(InetAddress localAddress, ChannelPromise promise) {
    return Handoff.onLoop(this, promise, () -> ch.bindAddress(localAddress));
  }

  @Override
  public ChannelFuture unbindAddress(InetAddress localAddress) {
    return unbindAddress(localAddress, newPromise());
  }

  /**
   * Removes a local address (sctp_bindx REM); refused with {@link
   * org.jsctp.netty.IllegalUnbindException} once connected (the peer could not be told without
   * ADD-IP, RFC 5061).
   */
  @Override
  public ChannelFuture unbindAddress(InetAddress localAddress, ChannelPromise promise) {
    return Handoff.onLoop(this, promise, () -> ch.unbindAddress(localAddress));
  }

  // ---- AbstractChannel ------------------------------------------------------------------------

  @Override
  protected AbstractUnsafe newUnsafe() {
    return new JsctpUnsafe();
  }

  /** Any event loop: the channel does no I/O of its own; jsctp's loops do. */
  @Override
  protected boolean isCompatible(EventLoop loop) {
    return true;
  }

  @Override
  protected SocketAddress localAddress0() {
    try {
      return first(ch.getAllLocalAddresses());
    } catch (IOException e) {
      return null;
    }
  }

  /** The primary path's address: what the association sends to. */
  @Override
  protected SocketAddress remoteAddress0() {
    try {
      if (ch.association() == null) {
        return null;
      }
      SocketAddress primary = ch.getOption(SctpStandardSocketOptions.SCTP_PRIMARY_ADDR);
      if (primary != null) {
        return primary;
      }
      return first(ch.getRemoteAddresses());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  @Override
  protected void doBind(SocketAddress localAddress) throws Exception {
    ch.bind(localAddress);
  }

  @Override
  protected void doDisconnect() throws Exception {
    doClose();
  }

  /**
   * Closes the jsctp channel: with SO_LINGER -1 (the default) the association shuts down gracefully
   * in the background, with 0 it is aborted, with n seconds the close waits (off the event loop) up
   * to n seconds for the shutdown. Unread received data makes the close abort, as on Linux.
   */
  @Override
  protected void doClose() throws Exception {
    Handoff.onLoop(this, this::closedOnLoop);
    ch.close();
  }

  private void closedOnLoop() {
    reader.closed();
    ChannelPromise p = connectPromise;
    connectPromise = null;
    if (p != null) {
      p.tryFailure(new ClosedChannelException());
    }
    ScheduledFuture<?> t = connectTimeout;
    connectTimeout = null;
    if (t != null) {
      t.cancel(false);
    }
  }

  @Override
  protected void doBeginRead() throws Exception {
    reader.beginRead();
  }

  @Override
  protected void doWrite(ChannelOutboundBuffer in) throws Exception {
    writer.write(in);
  }

  @Override
  protected Object filterOutboundMessage(Object msg) throws Exception {
    if (msg instanceof SctpMessage) {
      return msg;
    }
    throw new UnsupportedOperationException(
        "unsupported message type: "
            + (msg == null ? "null" : msg.getClass().getSimpleName())
            + " (expected: SctpMessage)");
  }

  private void autoReadCleared() {
    if (isRegistered()) {
      Handoff.onLoop(this, reader::clearReadPending);
    } else {
      reader.clearReadPending();
    }
  }

  /** The writer freed room: hand over more of what was flushed. On the event loop. */
  void writeMore() {
    ((JsctpUnsafe) unsafe()).writeMore();
  }

  private final class JsctpUnsafe extends AbstractUnsafe {

    @Override
    public void connect(SocketAddress remote, SocketAddress local, ChannelPromise promise) {
      if (!promise.setUncancellable() || !ensureOpen(promise)) {
        return;
      }
      if (connectPromise != null) {
        promise.setFailure(new ConnectionPendingException());
        return;
      }
      if (isActive()) {
        promise.setFailure(new AlreadyConnectedException());
        return;
      }
      try {
        if (local != null) {
          ch.bind(local);
        }
        connectPromise = promise;
        int millis = config.getConnectTimeoutMillis();
        if (millis > 0) {
          connectTimeout =
              eventLoop()
                  .schedule(() -> timedOut(promise, remote, millis), millis, TimeUnit.MILLISECONDS);
        }
        ch.connectAsync(List.of(remote))
            .whenComplete(
                (v, e) ->
                    Handoff.toLoop(
                        JsctpSctpChannel.this, () -> connected(promise, remote, e), () -> {}));
      } catch (IOException | RuntimeException e) {
        connectPromise = null;
        promise.tryFailure(annotateConnectException(e, remote));
        // As NIO's channels: a connect that cannot start closes the channel.
        close(voidPromise());
      }
    }

    private void connected(ChannelPromise promise, SocketAddress remote, Throwable error) {
      if (connectPromise != promise) {
        return;
      }
      connectPromise = null;
      if (connectTimeout != null) {
        connectTimeout.cancel(false);
        connectTimeout = null;
      }
      if (error != null) {
        Throwable cause =
            error instanceof CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
        promise.tryFailure(annotateConnectException(cause, remote));
        close(voidPromise());
        return;
      }
      boolean active = isActive();
      boolean set = promise.trySuccess();
      if (active) {
        pipeline().fireChannelActive();
      }
      if (!set) {
        close(voidPromise());
      }
    }

    private void timedOut(ChannelPromise promise, SocketAddress remote, int millis) {
      if (connectPromise != promise) {
        return;
      }
      connectPromise = null;
      connectTimeout = null;
      if (promise.tryFailure(
          new ConnectTimeoutException("connection timed out after " + millis + " ms: " + remote))) {
        close(voidPromise());
      }
    }

    /** A close with SO_LINGER above 0 waits for the shutdown: off the event loop. */
    @Override
    protected Executor prepareToClose() {
      try {
        if (isOpen() && ch.getOption(SctpStandardSocketOptions.SO_LINGER) > 0) {
          return GlobalEventExecutor.INSTANCE;
        }
      } catch (IOException | RuntimeException e) {
        // closed meanwhile, or the stack is gone: close on the loop, which waits for nothing
      }
      return null;
    }

    void writeMore() {
      flush0();
    }
  }
}
