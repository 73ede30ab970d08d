package org.jsctp.netty;

import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A one-to-many echo server on a thread, for tests: echoes every message on its stream. */
final class EchoServer implements AutoCloseable {

  final SctpMultiChannel channel;
  final AtomicLong echoed = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  EchoServer(SctpStack stack) throws Exception {
    channel = SctpMultiChannel.open(stack);
    channel.bind(new InetSocketAddress(Loopback.LO1, 0));
    thread = new Thread(this::run, "echo-server");
    thread.setDaemon(true);
    thread.start();
  }

  InetSocketAddress address() throws Exception {
    return (InetSocketAddress) channel.getAllLocalAddresses().iterator().next();
  }

  int udpPort() throws Exception {
    return channel.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, null);
  }

  private void run() {
    ByteBuffer buf = ByteBuffer.allocate(1 << 17);
    try {
      while (running) {
        buf.clear();
        MessageInfo info;
        try {
          info = channel.receive(buf, null, null, Duration.ofMillis(200));
        } catch (SocketTimeoutException e) {
          continue;
        }
        if (info == null || info.bytes() <= 0) {
          continue;
        }
        buf.flip();
        try {
          channel.send(
              buf,
              MessageInfo.createOutgoing(info.association(), null, info.streamNumber())
                  .payloadProtocolID(info.payloadProtocolID())
                  .unordered(info.isUnordered())
                  .complete(info.isComplete()));
          echoed.incrementAndGet();
        } catch (ClosedChannelException | IllegalArgumentException e) {
          // the association ended meanwhile
        }
      }
    } catch (Exception e) {
      if (running) {
        e.printStackTrace();
      }
    }
  }

  @Override
  public void close() throws Exception {
    running = false;
    channel.close();
    thread.join(5000);
  }
}
