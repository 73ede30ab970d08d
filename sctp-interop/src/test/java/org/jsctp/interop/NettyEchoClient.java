package org.jsctp.interop;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.sctp.SctpChannel;
import io.netty.channel.sctp.SctpChannelOption;
import io.netty.channel.sctp.SctpMessage;
import io.netty.handler.codec.sctp.SctpMessageCompletionHandler;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.channel.JsctpChannelOption;
import org.jsctp.netty.channel.JsctpSctpChannel;

/**
 * A Netty SCTP echo client as Netty's example writes one, on jsctp's channel class: it keeps a
 * window of messages in flight, joins the parts of each echo ({@code SctpMessageCompletionHandler},
 * as a message larger than the receive buffer comes in parts), checks every echo, prints the {@link
 * EchoResult} line, and ends with a graceful shutdown (SO_LINGER makes the close wait for it). The
 * peer's UDP port comes from the default stack's {@code net.sctp.encap_port} system property, the
 * local one from {@link JsctpChannelOption#SCTP_LOCAL_UDP_ENCAPS_PORT}.
 *
 * <pre>
 * NettyEchoClient REMOTE PORT LOCAL LOCAL_UDP COUNT SIZE STREAMS UNORDERED
 * </pre>
 *
 * Exit code 0 when every message came back intact on its stream, 1 otherwise.
 */
public final class NettyEchoClient {

  static final int WINDOW = 16;

  private NettyEchoClient() {}

  /** Starts the client in {@code ns} as a JVM of its own, on this test's class path. */
  static Proc start(
      NetNs ns,
      Path logDir,
      String remote,
      int port,
      String local,
      int localUdp,
      int remoteUdp,
      int count,
      int size,
      int streams,
      boolean unordered) {
    UdpPorts.assertFree(ns, localUdp);
    List<String> c = Examples.java();
    c.addAll(
        List.of(
            "-Dnet.sctp.encap_port=" + remoteUdp,
            "-cp",
            Env.testClassPath(),
            NettyEchoClient.class.getName(),
            remote,
            Integer.toString(port),
            local,
            Integer.toString(localUdp),
            Integer.toString(count),
            Integer.toString(size),
            Integer.toString(streams),
            Boolean.toString(unordered)));
    return Proc.start("netty-echo-client", logDir, ns.wrap(c));
  }

  public static void main(String[] args) throws Exception {
    InetSocketAddress remote = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
    InetSocketAddress local = new InetSocketAddress(args[2], 0);
    int localUdp = Integer.parseInt(args[3]);
    Checker checker =
        new Checker(
            Integer.parseInt(args[4]),
            Integer.parseInt(args[5]),
            Integer.parseInt(args[6]),
            Boolean.parseBoolean(args[7]));
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    boolean ok = false;
    try {
      Bootstrap b = new Bootstrap();
      b.group(group)
          .channel(JsctpSctpChannel.class)
          .option(SctpChannelOption.SCTP_NODELAY, true)
          .option(ChannelOption.SO_LINGER, 10)
          .option(JsctpChannelOption.SCTP_LOCAL_UDP_ENCAPS_PORT, localUdp)
          .handler(
              new ChannelInitializer<SctpChannel>() {
                @Override
                public void initChannel(SctpChannel ch) {
                  ch.pipeline().addLast(new SctpMessageCompletionHandler(), checker);
                }
              });
      SctpChannel ch = (SctpChannel) b.bind(local).sync().channel();
      ch.connect(remote).sync();
      ok = checker.done.get(120, TimeUnit.SECONDS);
      System.out.println(checker.result());
      ch.close().sync();
    } finally {
      // A quiet period: the close's last task reaches the loop after the close's promise.
      group.shutdownGracefully(200, 2000, TimeUnit.MILLISECONDS).sync();
    }
    System.exit(ok ? 0 : 1);
  }

  /** Sends the messages, a window at a time, and checks each echo. */
  static final class Checker extends ChannelInboundHandlerAdapter {
    final CompletableFuture<Boolean> done = new CompletableFuture<>();
    private final int count;
    private final int size;
    private final int streams;
    private final boolean unordered;
    private final boolean[] echoed;
    private int sent;
    private int received;
    private int mismatched;
    private long bytes;
    private long first;
    private long last;
    private long maxGap;

    Checker(int count, int size, int streams, boolean unordered) {
      this.count = count;
      this.size = size;
      this.streams = streams;
      this.unordered = unordered;
      this.echoed = new boolean[count];
    }

    /** Message {@code i}: its number, then bytes that depend on it. */
    private void fill(ByteBuf b, int i) {
      b.writeInt(i);
      for (int k = 4; k < size; k++) {
        b.writeByte((i * 31 + k) & 0xFF);
      }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      first = System.nanoTime();
      last = first;
      while (sent < Math.min(WINDOW, count)) {
        send(ctx);
      }
      ctx.flush();
      ctx.fireChannelActive();
    }

    private void send(ChannelHandlerContext ctx) {
      ByteBuf b = ctx.alloc().buffer(size);
      fill(b, sent);
      ctx.write(new SctpMessage(sent + 1, sent % streams, unordered, b));
      sent++;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      SctpMessage m = (SctpMessage) msg;
      try {
        long now = System.nanoTime();
        maxGap = Math.max(maxGap, now - last);
        last = now;
        check(m);
      } finally {
        m.release();
      }
      if (sent < count) {
        send(ctx);
      }
      if (received == count) {
        done.complete(mismatched == 0);
      }
    }

    private void check(SctpMessage m) {
      ByteBuf c = m.content();
      int i = c.readableBytes() >= 4 ? c.getInt(c.readerIndex()) : -1;
      boolean intact =
          m.isComplete()
              && c.readableBytes() == size
              && i >= 0
              && i < count
              && !echoed[i]
              && m.streamIdentifier() == i % streams;
      for (int k = 4; intact && k < size; k++) {
        intact = c.getByte(c.readerIndex() + k) == (byte) ((i * 31 + k) & 0xFF);
      }
      if (intact) {
        echoed[i] = true;
        bytes += size;
      } else {
        mismatched++;
      }
      received++;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      done.complete(false);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      cause.printStackTrace();
      done.complete(false);
      ctx.close();
    }

    String result() {
      double seconds = Math.max(1e-9, (last - first) / 1e9);
      long intact = received - mismatched;
      return String.format(
          Locale.ROOT,
          "RESULT sent=%d echoed=%d mismatched=%d bytes=%d seconds=%.3f msgs_per_s=%.1f"
              + " max_gap_ms=%.1f",
          sent,
          received,
          mismatched,
          bytes,
          seconds,
          intact / seconds,
          maxGap / 1e6);
    }
  }
}
