package org.jsctp.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.DatagramPacket;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux's UDP segmentation offloads through Netty's epoll transport: on send, one {@code
 * SegmentedDatagramPacket} carries a run of same-sized datagrams to one destination, which the
 * kernel splits ({@code UDP_SEGMENT}, "GSO"); on receive, {@code UDP_GRO} lets the kernel hand over
 * such runs whole, which Netty splits again into one {@link DatagramPacket} per datagram. Either
 * way the datagrams on the wire are the ones jsctp built.
 *
 * <p>Looked up by reflection, as {@link TransportSupport} does the transport, so that the stack
 * needs no native dependency; {@link #lookUp()} is null where the epoll classes or the kernel lack
 * it.
 */
final class UdpOffload {

  private static final Logger LOG = LoggerFactory.getLogger(UdpOffload.class);

  /** UDP_MAX_SEGMENTS of Linux before 6.x (128 after): segments per send. */
  static final int MAX_SEGMENTS = 64;
  /** Bytes per send: below the 65,507 of a UDP payload in an IPv4 packet. */
  static final int MAX_BYTES = 65_000;

  private final MethodHandle segmented;
  private final ChannelOption<Boolean> gro;

  private UdpOffload(MethodHandle segmented, ChannelOption<Boolean> gro) {
    this.segmented = segmented;
    this.gro = gro;
  }

  /** The offloads of the epoll transport here, or null when the kernel or Netty lack them. */
  static UdpOffload lookUp() {
    return lookUp(true);
  }

  /**
   * {@link #lookUp()}; without {@code checkKernel}, whatever the kernel supports (for tests that
   * look at the datagrams only).
   */
  @SuppressWarnings("unchecked")
  static UdpOffload lookUp(boolean checkKernel) {
    try {
      Class<?> channel = Class.forName("io.netty.channel.epoll.EpollDatagramChannel");
      if (checkKernel
          && !(Boolean) channel.getMethod("isSegmentedDatagramPacketSupported").invoke(null)) {
        LOG.debug("UDP_SEGMENT is not supported here: one datagram per packet");
        return null;
      }
      Class<?> packet = Class.forName("io.netty.channel.unix.SegmentedDatagramPacket");
      MethodHandle constructor =
          MethodHandles.publicLookup()
              .findConstructor(
                  packet,
                  MethodType.methodType(
                      void.class, ByteBuf.class, int.class, InetSocketAddress.class))
              .asType(
                  MethodType.methodType(
                      DatagramPacket.class, ByteBuf.class, int.class, InetSocketAddress.class));
      ChannelOption<Boolean> gro =
          (ChannelOption<Boolean>)
              Class.forName("io.netty.channel.epoll.EpollChannelOption")
                  .getField("UDP_GRO")
                  .get(null);
      return new UdpOffload(constructor, gro);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.debug("UDP segmentation offload not usable", e);
      return null;
    }
  }

  /** The socket option that turns receive offload on. */
  ChannelOption<Boolean> groOption() {
    return gro;
  }

  /**
   * One datagram for the kernel to cut into {@code segmentSize}-byte datagrams (the last may be
   * shorter); takes over {@code data}.
   */
  DatagramPacket segmented(ByteBuf data, int segmentSize, InetSocketAddress recipient) {
    try {
      return (DatagramPacket) segmented.invokeExact(data, segmentSize, recipient);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
