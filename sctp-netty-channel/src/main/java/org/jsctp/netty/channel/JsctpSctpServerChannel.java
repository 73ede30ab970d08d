package org.jsctp.netty.channel;

import io.netty.channel.AbstractServerChannel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.sctp.SctpServerChannelConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Collections;
import java.util.Set;
import org.jsctp.netty.SctpServerChannel;
import org.jsctp.netty.SctpStack;

/**
 * An {@link io.netty.channel.sctp.SctpServerChannel} on jsctp: what Netty's {@code
 * NioSctpServerChannel} is on the kernel's SCTP, over SCTP over UDP (RFC 6951) instead. It accepts
 * associations as {@link JsctpSctpChannel}s; a Netty SCTP server runs unchanged but for the channel
 * class:
 *
 * <pre>{@code
 * new ServerBootstrap().group(bossGroup, workerGroup)
 *     .channel(JsctpSctpServerChannel.class)                  // was NioSctpServerChannel.class
 *     .option(ChannelOption.SO_BACKLOG, 100)
 *     .childHandler(initializer)
 *     .bind(port);
 * }</pre>
 *
 * <p>Its UDP port is the stack's {@code net.sctp.udp_port} (9899) unless {@link
 * JsctpChannelOption#SCTP_LOCAL_UDP_ENCAPS_PORT} says otherwise. Options set on it are what
 * accepted associations start with; {@code SCTP_NODELAY} starts on for them, as Netty's NIO
 * channels set it. Closing it stops accepting and leaves accepted channels open.
 *
 * <p>Threads: as {@link JsctpSctpChannel}; binding and adding an address wait briefly for jsctp's
 * event loop.
 */
public final class JsctpSctpServerChannel extends AbstractServerChannel
    implements io.netty.channel.sctp.SctpServerChannel {

  private final SctpServerChannel ch;
  private final JsctpServerChannelConfig config;
  private final Acceptor acceptor;
  private volatile boolean bound;

  /**
   * A server channel on the process-wide {@link DefaultStack}: for {@code
   * .channel(JsctpSctpServerChannel.class)}.
   *
   * @throws IllegalArgumentException naming the property, when a {@code net.sctp.*} system property
   *     of the default stack is unknown or bad (Netty's reflective channel factory reports it as a
   *     {@link ChannelException})
   * @throws ChannelException when the default stack is closed
   */
  public JsctpSctpServerChannel() {
    this(DefaultStack.get());
  }

  /**
   * A server channel on {@code stack}.
   *
   * @throws ChannelException when the stack is closed
   */
  public JsctpSctpServerChannel(SctpStack stack) {
    this.ch = open(stack);
    this.config = new JsctpServerChannelConfig(this, ch);
    this.acceptor = new Acceptor(this, ch);
  }

  /**
   * Opens server channels on {@code stack}: {@code
   * serverBootstrap.channelFactory(JsctpSctpServerChannel.factory(stack))}.
   */
  public static ChannelFactory<JsctpSctpServerChannel> factory(SctpStack stack) {
    return () -> new JsctpSctpServerChannel(stack);
  }

  private static SctpServerChannel open(SctpStack stack) {
    try {
      return OptionBridge.withNettyDefaults(SctpServerChannel.open(stack), OptionBridge::of);
    } catch (IOException e) {
      throw new ChannelException("cannot open an SCTP server channel on " + stack, e);
    }
  }

  /** The jsctp stack the channel runs on. */
  public SctpStack stack() {
    return ch.stack();
  }

  @Override
  public SctpServerChannelConfig config() {
    return config;
  }

  @Override
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) super.localAddress();
  }

  @Override
  public Set<InetSocketAddress> allLocalAddresses() {
    try {
      return JsctpSctpChannel.inet(ch.getAllLocalAddresses());
    } catch (IOException e) {
      return Collections.emptySet();
    }
  }

  @Override
  public ChannelFuture bindAddress(InetAddress localAddress) {
    return bindAddress(localAddress, newPromise());
  }

  /** Adds a local address (sctp_bindx ADD): associations accepted afterwards list it. */
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
   * org.jsctp.netty.IllegalUnbindException} while associations exist on the endpoint.
   */
  @Override
  public ChannelFuture unbindAddress(InetAddress localAddress, ChannelPromise promise) {
    return Handoff.onLoop(this, promise, () -> ch.unbindAddress(localAddress));
  }

  @Override
  public boolean isOpen() {
    return ch.isOpen();
  }

  @Override
  public boolean isActive() {
    return bound && ch.isOpen();
  }

  /** Any event loop: the channel does no I/O of its own; jsctp's loops do. */
  @Override
  protected boolean isCompatible(EventLoop loop) {
    return true;
  }

  @Override
  protected SocketAddress localAddress0() {
    try {
      return JsctpSctpChannel.first(ch.getAllLocalAddresses());
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  protected void doBind(SocketAddress localAddress) throws Exception {
    ch.bind(localAddress, config.getBacklog());
    bound = true;
  }

  /** Stops accepting; associations not accepted yet are closed, accepted channels stay open. */
  @Override
  protected void doClose() throws Exception {
    Handoff.onLoop(this, acceptor::closed);
    ch.close();
  }

  @Override
  protected void doBeginRead() throws Exception {
    acceptor.beginRead();
  }
}
