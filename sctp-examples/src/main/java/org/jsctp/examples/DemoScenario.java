package org.jsctp.examples;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsctp.api.PeerAddressInfo;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpServerChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.jsctp.api.PathState;

/**
 * One side of the demo: an echo server and a client, each multihomed on the two loopback
 * addresses, in their own stacks with one configuration, with a steady stream of small messages
 * echoed back. Records what the application sees: echo times, the longest gap, path states.
 */
final class DemoScenario implements AutoCloseable {

  final String label;
  final Blackhole blackhole = new Blackhole();
  private final SctpStack serverStack;
  private final SctpStack clientStack;
  private final SctpServerChannel server;
  private final SctpChannel client;
  private SctpChannel accepted;
  private final InetSocketAddress[] serverAddresses;
  private final PathState[] states = new PathState[2];
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger echoed = new AtomicInteger();
  private final AtomicLong lastEcho = new AtomicLong();
  private volatile long measureFrom = Long.MAX_VALUE;
  private volatile long maxGap;
  private volatile long firstPf = -1;
  private volatile long firstInactive = -1;

  DemoScenario(String label, Map<String, String> sysctl, InetAddress primary, InetAddress secondary)
      throws Exception {
    this.label = label;
    serverStack = SctpStack.builder().sysctl(sysctl).udpChannelCustomizer(blackhole)
        .threadName("demo-server-" + label).build();
    clientStack = SctpStack.builder().sysctl(sysctl).udpChannelCustomizer(blackhole)
        .threadName("demo-client-" + label).build();
    server = SctpServerChannel.open(serverStack);
    server.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, 0);
    server.bind(new InetSocketAddress(primary, 0));
    server.bindAddress(secondary);
    int port = ((InetSocketAddress) server.getAllLocalAddresses().iterator().next()).getPort();
    serverAddresses = new InetSocketAddress[] {
      new InetSocketAddress(primary, port), new InetSocketAddress(secondary, port)
    };
    client = SctpChannel.open(clientStack);
    client.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, 0);
    client.bind(new InetSocketAddress(primary, 0));
    client.bindAddress(secondary);
    client.setOption(SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
        new RemoteUdpEncapsPort(null, server.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT)));
    client.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true);
  }

  /** Connects, starts the echo and the reader; returns once every path is confirmed. */
  void start(long origin) throws Exception {
    client.connect(List.<SocketAddress>of(serverAddresses[0], serverAddresses[1]), Duration.ofSeconds(10));
    accepted = server.accept(Duration.ofSeconds(10));
    accepted.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true);
    Thread echo = new Thread(this::echo, "demo-echo-" + label);
    echo.setDaemon(true);
    echo.start();
    Thread reader = new Thread(this::read, "demo-reader-" + label);
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (state(0) != PathState.ACTIVE || state(1) != PathState.ACTIVE) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(label + ": paths not confirmed in 10 s");
      }
      Thread.sleep(10);
    }
    states[0] = state(0);
    states[1] = state(1);
    lastEcho.set(System.nanoTime());
  }

  private void echo() {
    ByteBuffer buf = ByteBuffer.allocate(4096);
    try {
      while (true) {
        buf.clear();
        MessageInfo info = accepted.receive(buf, null, null);
        if (info == null || info.bytes() < 0) {
          return;
        }
        buf.flip();
        accepted.send(buf, MessageInfo.createOutgoing(null, info.streamNumber()));
      }
    } catch (ClosedChannelException e) {
      // over
    } catch (Exception e) {
      // the demo is ending
    }
  }

  private void read() {
    ByteBuffer buf = ByteBuffer.allocate(4096);
    try {
      while (true) {
        buf.clear();
        MessageInfo info = client.receive(buf, null, null);
        if (info == null || info.bytes() < 0) {
          return;
        }
        long now = System.nanoTime();
        long previous = lastEcho.getAndSet(now);
        if (previous >= measureFrom) {
          maxGap = Math.max(maxGap, now - previous);
        } else if (now >= measureFrom) {
          maxGap = Math.max(maxGap, now - measureFrom);
        }
        echoed.incrementAndGet();
      }
    } catch (Exception e) {
      // over
    }
  }

  /** Sends one message (100 bytes) without waiting. */
  void sendOne() throws Exception {
    client.send(ByteBuffer.allocate(100), MessageInfo.createOutgoing(null, 0));
    sent.incrementAndGet();
  }

  PathState state(int path) {
    try {
      PeerAddressInfo info = client.getOption(SctpStandardSocketOptions.SCTP_GET_PEER_ADDR_INFO, serverAddresses[path]);
      return info.state();
    } catch (Exception e) {
      return null;
    }
  }

  /** Polls path states; returns the lines describing changes since the last call. */
  List<String> changes(long now, long blackholeAt) {
    java.util.ArrayList<String> lines = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      PathState s = state(i);
      if (s != null && s != states[i]) {
        lines.add("path " + serverAddresses[i].getAddress().getHostAddress() + " " + states[i] + " -> " + s);
        if (blackholeAt > 0 && i == 0 && s == PathState.POTENTIALLY_FAILED && firstPf < 0) {
          firstPf = now - blackholeAt;
        }
        if (blackholeAt > 0 && i == 0 && s == PathState.INACTIVE && firstInactive < 0) {
          firstInactive = now - blackholeAt;
        }
        states[i] = s;
      }
    }
    return lines;
  }

  void measureFrom(long t) {
    measureFrom = t;
  }

  /** How long the client has waited for its next echo, now. */
  long currentWait(long now) {
    return now - lastEcho.get();
  }

  long maxGap() {
    return maxGap;
  }

  long firstPf() {
    return firstPf;
  }

  long firstInactive() {
    return firstInactive;
  }

  int sent() {
    return sent.get();
  }

  int echoed() {
    return echoed.get();
  }

  InetAddress primary() {
    return serverAddresses[0].getAddress();
  }

  @Override
  public void close() {
    clientStack.close();
    serverStack.close();
  }
}
