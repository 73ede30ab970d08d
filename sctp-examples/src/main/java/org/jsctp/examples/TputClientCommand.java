package org.jsctp.examples;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tput-client}: sends messages as fast as the association takes them for a duration, then
 * shuts down and prints a RESULT line. Compatible with usrsctp's {@code tsctp} server (SCTP port
 * 5001) and with our {@code tput-server}.
 */
@Command(
    name = "tput-client",
    mixinStandardHelpOptions = true,
    description = "Send as fast as the association allows for a duration; print a RESULT line (tsctp-compatible).")
final class TputClientCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--remote", required = true, paramLabel = "ADDR",
      description = "The server's IP address (repeatable: multihoming).")
  List<InetAddress> remotes;

  @Option(names = "--port", defaultValue = "5001", description = "The server's SCTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--remote-udp-port", defaultValue = "9899",
      description = "The server's UDP encapsulation port (default: ${DEFAULT-VALUE}).")
  int remoteUdpPort;

  @Option(names = "--local", paramLabel = "ADDR", description = "A local IP address to bind (repeatable).")
  List<InetAddress> locals = new ArrayList<>();

  @Option(names = "--udp-port", defaultValue = "0",
      description = "Local UDP encapsulation port, 0 = ephemeral (default).")
  int udpPort;

  @Option(names = "--size", defaultValue = "1024", description = "Bytes per message (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--streams", defaultValue = "1", description = "Streams to send on, round robin (default: ${DEFAULT-VALUE}).")
  int streams;

  @Option(names = "--unordered", description = "Send unordered messages.")
  boolean unordered;

  @Option(names = "--duration", defaultValue = "10", paramLabel = "SECONDS",
      description = "How long to send (default: ${DEFAULT-VALUE}).")
  double duration;

  @Mixin StackOptions stackOptions;

  @Override
  public Integer call() throws Exception {
    Usage.check(spec, port >= 1 && port <= 0xFFFF, "--port must be 1..65535, got " + port);
    Usage.check(spec, remoteUdpPort >= 1 && remoteUdpPort <= 0xFFFF,
        "--remote-udp-port must be 1..65535, got " + remoteUdpPort);
    Usage.check(spec, udpPort >= 0 && udpPort <= 0xFFFF, "--udp-port must be 0..65535, got " + udpPort);
    Usage.check(spec, size >= 1 && size <= 16 << 20, "--size must be 1..16777216, got " + size);
    Usage.check(spec, streams >= 1 && streams <= 0xFFFF, "--streams must be 1..65535, got " + streams);
    Usage.check(spec, duration > 0, "--duration must be positive, got " + duration);
    stackOptions.configureLogging();
    Events events = new Events(System.out, System.nanoTime());
    try (SctpStack stack = stackOptions.stack()) {
      SctpChannel ch = SctpChannel.open(stack);
      ch.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, udpPort);
      ch.setOption(SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT, new RemoteUdpEncapsPort(null, remoteUdpPort));
      ch.setOption(SctpStandardSocketOptions.SCTP_INIT_MAXSTREAMS,
          SctpStandardSocketOptions.InitMaxStreams.create(Math.max(streams, 10), streams));
      if (!locals.isEmpty()) {
        ch.bind(new InetSocketAddress(locals.get(0), 0));
        for (InetAddress extra : locals.subList(1, locals.size())) {
          ch.bindAddress(extra);
        }
      }
      List<SocketAddress> peers = new ArrayList<>();
      for (InetAddress r : remotes) {
        peers.add(new InetSocketAddress(r, port));
      }
      try {
        ch.connect(peers, Duration.ofSeconds(60));
      } catch (Exception e) {
        events.line("connect to " + peers + " failed: " + e);
        return 1;
      }
      int outStreams = Math.min(streams, ch.association().maxOutboundStreams());
      byte[] payload = new byte[size];
      ByteBuffer buf = ByteBuffer.wrap(payload);
      MessageInfo[] infos = new MessageInfo[outStreams];
      for (int s = 0; s < outStreams; s++) {
        infos[s] = MessageInfo.createOutgoing(null, s).unordered(unordered);
      }
      TputResult result = new TputResult();
      long end = System.nanoTime() + (long) (duration * 1e9);
      long seq = 0;
      while (System.nanoTime() < end) {
        buf.clear();
        ch.send(buf, infos[(int) (seq++ % outStreams)]);
        result.add(1, size);
      }
      long stop = System.nanoTime();
      try {
        ch.shutdownAsync().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        events.line("shutdown did not complete: " + e);
      }
      System.out.println(result.line(stop));
      System.out.flush();
      return 0;
    }
  }
}
