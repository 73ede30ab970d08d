package org.jsctp.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.DatagramPacket;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the IP layer may fragment one datagram (RFC 8899): a PLPMTUD probe must not be
 * fragmented, not even by this host, and a packet marked {@code Transmit.allowFragmentation} may
 * be, while every other datagram goes as the socket's default makes it.
 *
 * <p>Java 17's {@code DatagramChannel} has no option for the don't-fragment bit ({@code
 * jdk.net.ExtendedSocketOptions.IP_DONTFRAGMENT} came with JDK 19), so on the NIO transport there
 * is nothing to do. Netty's epoll transport can set Linux's {@code IP_MTU_DISCOVER} (and {@code
 * IPV6_MTU_DISCOVER}) on the socket through {@code IntegerUnixChannelOption}, but has no
 * per-datagram control message for it; so for the one datagram the socket is switched to {@code
 * IP_PMTUDISC_PROBE} (don't fragment, and do not let the host's own path MTU make it fragment: a
 * probe larger than the interface fails to send, which the search counts as lost) or {@code
 * IP_PMTUDISC_DONT} (fragment as needed), the datagram is written and flushed, and the socket's
 * setting is put back. Everything runs on the channel's event loop. A datagram the socket cannot
 * take at once (its buffer is full) goes later with the socket's default.
 *
 * <p>The class looks the epoll option up by reflection, as {@link TransportSupport} does the
 * transport, so the stack needs no native dependency.
 */
final class DontFragment {

  private static final Logger LOG = LoggerFactory.getLogger(DontFragment.class);

  private static final int IPPROTO_IP = 0;
  private static final int IP_MTU_DISCOVER = 10;
  private static final int IPPROTO_IPV6 = 41;
  private static final int IPV6_MTU_DISCOVER = 23;
  /** IP_PMTUDISC_DONT and IPV6_PMTUDISC_DONT. */
  private static final int PMTUDISC_DONT = 0;
  /** IP_PMTUDISC_PROBE and IPV6_PMTUDISC_PROBE. */
  private static final int PMTUDISC_PROBE = 3;

  private static final DontFragment EPOLL = lookUp();
  private static volatile boolean refusalLogged;

  private final ChannelOption<Integer> ipv4;
  private final ChannelOption<Integer> ipv6;

  private DontFragment(ChannelOption<Integer> ipv4, ChannelOption<Integer> ipv6) {
    this.ipv4 = ipv4;
    this.ipv6 = ipv6;
  }

  /** The control for channels of {@code transport}, or null when it has none (NIO). */
  static DontFragment forTransport(Transport transport) {
    return transport == Transport.EPOLL ? EPOLL : null;
  }

  @SuppressWarnings("unchecked")
  private static DontFragment lookUp() {
    try {
      var constructor = Class.forName("io.netty.channel.unix.IntegerUnixChannelOption")
          .getConstructor(String.class, int.class, int.class);
      return new DontFragment(
          (ChannelOption<Integer>) constructor.newInstance("IP_MTU_DISCOVER", IPPROTO_IP, IP_MTU_DISCOVER),
          (ChannelOption<Integer>) constructor.newInstance(
              "IPV6_MTU_DISCOVER", IPPROTO_IPV6, IPV6_MTU_DISCOVER));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.debug("IP_MTU_DISCOVER cannot be set: datagrams go as the socket's default makes them", e);
      return null;
    }
  }

  /**
   * Writes and flushes {@code packet} alone, the socket switched for it to never fragment (a
   * probe) or to fragment as needed; what was written before is flushed first. Call on the
   * channel's event loop.
   */
  void writeAlone(Channel ch, DatagramPacket packet, boolean allowFragmentation) {
    ChannelOption<Integer> option =
        ((InetSocketAddress) ch.localAddress()).getAddress() instanceof Inet6Address ? ipv6 : ipv4;
    ch.flush();
    Integer before = null;
    try {
      before = ch.config().getOption(option);
      if (before != null
          && !ch.config().setOption(option, allowFragmentation ? PMTUDISC_DONT : PMTUDISC_PROBE)) {
        before = null;
      }
    } catch (ChannelException e) {
      refused(e);
    }
    ch.writeAndFlush(packet, ch.voidPromise());
    if (before != null) {
      try {
        ch.config().setOption(option, before);
      } catch (ChannelException e) {
        refused(e);
      }
    }
  }

  private static void refused(ChannelException e) {
    if (!refusalLogged) {
      refusalLogged = true;
      LOG.debug("the socket refused IP_MTU_DISCOVER; datagrams go as its default makes them", e);
    }
  }
}
