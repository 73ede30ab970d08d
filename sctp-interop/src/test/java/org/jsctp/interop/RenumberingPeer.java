package org.jsctp.interop;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsctp.netty.AssociationChangeNotification;
import org.jsctp.netty.HandlerResult;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.Notification;
import org.jsctp.netty.NotificationHandler;
import org.jsctp.netty.PeerAddressChangeNotification;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.option.RemoteUdpEncapsPort;

/**
 * jsctp's moving side of the renumbering test ({@link RenumberingIT}), a JVM of its own in a
 * namespace: a client that streams numbered messages to an echo server at a steady rate and checks
 * that each comes back once and in order, while commands on stdin change its addresses with ADD-IP
 * (RFC 5061) on the live association.
 *
 * <pre>
 * RenumberingPeer LOCAL,LOCAL,... REMOTE,REMOTE,... PORT LOCAL_UDP REMOTE_UDP RATE [KEY=VALUE...]
 * </pre>
 *
 * The KEY=VALUE arguments are stack settings ({@code net.sctp.*}). Commands, one per line: {@code
 * bind IP}, {@code unbind IP}, {@code peer-primary IP} (SCTP_SET_PEER_PRIMARY_ADDR), {@code
 * primary IP} (SCTP_PRIMARY_ADDR, a peer address), {@code stop}. Output lines: COMM_UP, ECHOED n
 * (every 100 echoes), PEER_ADDR event address, BOUND / UNBOUND / PEER_PRIMARY / PRIMARY ip, FAILED
 * command: reason, ASSOC event for any other association change (COMM_LOST among them), and at the
 * end the RESULT line of the examples' echo-client (sent, echoed, mismatched, bytes, seconds,
 * msgs_per_s, and max_gap_ms, the longest wait between two echoes), exit 0 when every message
 * came back intact and in order and the association never failed.
 */
public final class RenumberingPeer {

  private final SctpChannel ch;
  private final int port;
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger echoed = new AtomicInteger();
  private final AtomicInteger mismatched = new AtomicInteger();
  private final AtomicBoolean failed = new AtomicBoolean();
  private volatile boolean sending = true;
  private final long started = System.nanoTime();
  private volatile long lastEcho = started;
  private volatile long maxGap;
  private volatile long bytes;

  private RenumberingPeer(SctpChannel ch, int port) {
    this.ch = ch;
    this.port = port;
  }

  /** Starts it in {@code ns}, on this test's class path, with stdin kept open for commands. */
  static Proc start(NetNs ns, Path logDir, String name, List<String> args) {
    List<String> c = Examples.java();
    c.addAll(List.of("-cp", Env.testClassPath(), RenumberingPeer.class.getName()));
    c.addAll(args);
    return Proc.start(name, logDir, ns.wrap(c), true);
  }

  private static void print(String line) {
    synchronized (System.out) {
      System.out.println(line);
      System.out.flush();
    }
  }

  private static List<InetAddress> addresses(String csv) throws Exception {
    List<InetAddress> out = new ArrayList<>();
    for (String s : csv.split(",")) {
      out.add(InetAddress.getByName(s.trim()));
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    List<InetAddress> locals = addresses(args[0]);
    List<InetAddress> remotes = addresses(args[1]);
    int port = Integer.parseInt(args[2]);
    int localUdp = Integer.parseInt(args[3]);
    int remoteUdp = Integer.parseInt(args[4]);
    int rate = Integer.parseInt(args[5]);
    Map<String, String> sysctl = new HashMap<>();
    for (int i = 6; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      sysctl.put(kv[0], kv[1]);
    }
    sysctl.put("net.sctp.udp_port", Integer.toString(localUdp));
    int exit;
    try (SctpStack stack = SctpStack.builder().sysctl(sysctl).build()) {
      SctpChannel ch = SctpChannel.open(stack);
      ch.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, localUdp);
      ch.setOption(SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
          new RemoteUdpEncapsPort(null, remoteUdp));
      ch.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true);
      ch.bind(new InetSocketAddress(locals.get(0), 0));
      for (int i = 1; i < locals.size(); i++) {
        ch.bindAddress(locals.get(i));
      }
      List<SocketAddress> peers = new ArrayList<>();
      for (InetAddress r : remotes) {
        peers.add(new InetSocketAddress(r, port));
      }
      ch.connect(peers, Duration.ofSeconds(20));
      print("COMM_UP");
      exit = new RenumberingPeer(ch, port).run(rate);
    }
    System.exit(exit);
  }

  private int run(int rate) throws Exception {
    Thread receiver = new Thread(this::receive, "renumbering-receiver");
    receiver.setDaemon(true);
    receiver.start();
    Thread sender = new Thread(() -> send(rate), "renumbering-sender");
    sender.setDaemon(true);
    sender.start();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      if (line.trim().equals("stop")) {
        break;
      }
      command(line.trim());
    }
    sending = false;
    sender.join(5000);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (echoed.get() + mismatched.get() < sent.get() && System.nanoTime() < deadline
        && !failed.get()) {
      Thread.sleep(20);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    print(String.format(java.util.Locale.ROOT,
        "RESULT sent=%d echoed=%d mismatched=%d bytes=%d seconds=%.3f msgs_per_s=%.1f"
            + " max_gap_ms=%d", sent.get(), echoed.get(), mismatched.get(), bytes, seconds,
        echoed.get() / seconds, maxGap / 1_000_000L));
    // A graceful shutdown before the stack closes (which would abort).
    ch.setOption(SctpStandardSocketOptions.SO_LINGER, 10);
    ch.close();
    return sent.get() == echoed.get() && mismatched.get() == 0 && !failed.get() ? 0 : 1;
  }

  private void command(String line) {
    String[] parts = line.split("\\s+");
    try {
      InetAddress ip = InetAddress.getByName(parts[1]);
      switch (parts[0]) {
        case "bind" -> {
          ch.bindAddress(ip);
          print("BOUND " + ip.getHostAddress());
        }
        case "unbind" -> {
          ch.unbindAddress(ip);
          print("UNBOUND " + ip.getHostAddress());
        }
        case "peer-primary" -> {
          ch.setOption(SctpStandardSocketOptions.SCTP_SET_PEER_PRIMARY_ADDR,
              new InetSocketAddress(ip, 0));
          print("PEER_PRIMARY " + ip.getHostAddress());
        }
        case "primary" -> {
          ch.setOption(SctpStandardSocketOptions.SCTP_PRIMARY_ADDR, new InetSocketAddress(ip, port));
          print("PRIMARY " + ip.getHostAddress());
        }
        default -> print("FAILED " + line + ": unknown command");
      }
    } catch (Exception e) {
      print("FAILED " + line + ": " + e);
    }
  }

  private void send(int rate) {
    long periodNanos = 1_000_000_000L / rate;
    long next = System.nanoTime();
    while (sending && !failed.get()) {
      int n = sent.get();
      try {
        ch.send(ByteBuffer.wrap(("message " + n).getBytes(StandardCharsets.US_ASCII)),
            MessageInfo.createOutgoing(null, 0));
        sent.incrementAndGet();
      } catch (Exception e) {
        print("FAILED send " + n + ": " + e);
        failed.set(true);
        return;
      }
      next += periodNanos;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private void receive() {
    ByteBuffer buf = ByteBuffer.allocate(2000);
    NotificationHandler<Void> handler = this::notified;
    try {
      while (true) {
        buf.clear();
        MessageInfo info = ch.receive(buf, null, handler);
        if (info == null || info.bytes() < 0) {
          return;
        }
        String text = new String(buf.array(), 0, info.bytes(), StandardCharsets.US_ASCII);
        int expected = echoed.get();
        if (text.equals("message " + expected)) {
          long now = System.nanoTime();
          maxGap = Math.max(maxGap, now - lastEcho);
          lastEcho = now;
          bytes += info.bytes();
          int n = echoed.incrementAndGet();
          if (n % 100 == 0) {
            print("ECHOED " + n);
          }
        } else {
          mismatched.incrementAndGet();
          print("MISMATCH expected message " + expected + " got " + text);
        }
      }
    } catch (Exception e) {
      if (ch.isOpen()) {
        print("FAILED receive: " + e);
        failed.set(true);
      }
    }
  }

  private HandlerResult notified(Notification n, Void attachment) {
    if (n instanceof PeerAddressChangeNotification p) {
      print("PEER_ADDR " + p.event() + " " + ((InetSocketAddress) p.address()).getAddress()
          .getHostAddress());
    } else if (n instanceof AssociationChangeNotification a) {
      print("ASSOC " + a.event());
      if (a.event() != AssociationChangeNotification.AssocChangeEvent.COMM_UP) {
        failed.set(true);
      }
    }
    return HandlerResult.CONTINUE;
  }
}
