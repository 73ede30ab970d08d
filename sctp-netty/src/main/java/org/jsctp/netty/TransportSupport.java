package org.jsctp.netty;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty classes of a transport: NIO directly, epoll by reflection so that the stack needs no
 * native dependency.
 */
final class TransportSupport {

  private static final Logger LOG = LoggerFactory.getLogger(TransportSupport.class);

  final Transport transport;
  final IoHandlerFactory ioHandlerFactory;
  final Class<? extends DatagramChannel> datagramChannelClass;

  private TransportSupport(
      Transport transport,
      IoHandlerFactory factory,
      Class<? extends DatagramChannel> channelClass) {
    this.transport = transport;
    this.ioHandlerFactory = factory;
    this.datagramChannelClass = channelClass;
  }

  static TransportSupport select(Transport wanted) {
    return select(wanted, TransportSupport::epoll);
  }

  /** {@link #select(Transport)} with {@code epoll} saying what epoll is here (null: none). */
  static TransportSupport select(Transport wanted, Supplier<TransportSupport> epollProbe) {
    if (wanted == Transport.NIO) {
      return nio();
    }
    TransportSupport epoll = epollProbe.get();
    if (epoll != null) {
      return epoll;
    }
    if (wanted == Transport.EPOLL) {
      throw new IllegalStateException(
          "the epoll transport is not available: put io.netty:netty-transport-native-epoll (linux"
              + " classifier) on the class path, on Linux");
    }
    return nio();
  }

  private static TransportSupport nio() {
    return new TransportSupport(Transport.NIO, NioIoHandler.newFactory(), NioDatagramChannel.class);
  }

  @SuppressWarnings("unchecked")
  private static TransportSupport epoll() {
    try {
      Class<?> epoll = Class.forName("io.netty.channel.epoll.Epoll");
      if (!(Boolean) epoll.getMethod("isAvailable").invoke(null)) {
        LOG.debug(
            "epoll is on the class path but unavailable",
            (Throwable) epoll.getMethod("unavailabilityCause").invoke(null));
        return null;
      }
      IoHandlerFactory factory =
          (IoHandlerFactory)
              Class.forName("io.netty.channel.epoll.EpollIoHandler")
                  .getMethod("newFactory")
                  .invoke(null);
      Class<? extends DatagramChannel> channel =
          (Class<? extends DatagramChannel>)
              Class.forName("io.netty.channel.epoll.EpollDatagramChannel");
      return new TransportSupport(Transport.EPOLL, factory, channel);
    } catch (ClassNotFoundException e) {
      return null;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.debug("epoll transport not usable", e);
      return null;
    }
  }
}
