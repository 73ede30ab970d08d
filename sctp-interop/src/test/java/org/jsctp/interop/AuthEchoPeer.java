package org.jsctp.interop;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsctp.api.AuthenticationEvent;
import org.jsctp.netty.AssociationChangeNotification;
import org.jsctp.netty.AuthenticationNotification;
import org.jsctp.netty.HandlerResult;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.Notification;
import org.jsctp.netty.NotificationHandler;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpServerChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.option.AuthKey;
import org.jsctp.netty.option.HmacIdents;

/**
 * jsctp's side of the AUTH interop test ({@link AuthInteropIT}), a JVM of its own in a namespace:
 * an echo server or a client sending numbered messages one at a time, with AUTH (RFC 4895) on,
 * keys 1 and 2 shared with the peer ({@link #KEY_1}, {@link #KEY_2}), key 1 active, and the
 * chunk types and HMACs given. After ROTATE_AT echoes it makes key 2 active and deactivates key
 * 1; once the peer has used key 2 too (SCTP_AUTH_NEW_KEY) it deletes key 1.
 *
 * <pre>
 * AuthEchoPeer server LOCAL PORT LOCAL_UDP REMOTE_UDP HMACS CHUNKS ROTATE_AT
 * AuthEchoPeer client LOCAL PORT LOCAL_UDP REMOTE_UDP HMACS CHUNKS ROTATE_AT REMOTE COUNT SIZE
 * </pre>
 *
 * HMACS and CHUNKS are comma-separated numbers. Output lines: READY, COMM_UP, PEER_AUTH_CHUNKS,
 * AUTH_EVENT NEW_KEY|NO_AUTH|FREE_KEY key=N, ACTIVE_KEY N, DELETED_KEY N, and for the client
 * RESULT sent=N echoed=N mismatched=N (exit 0 when everything came back intact).
 */
public final class AuthEchoPeer {

  static final String KEY_1 = "interop key one";
  static final String KEY_2 = "interop key two";

  private final SctpChannel ch;
  private final int rotateAt;
  private boolean rotated;
  private boolean peerUsesKey2;
  private boolean deleted;

  private AuthEchoPeer(SctpChannel ch, int rotateAt) {
    this.ch = ch;
    this.rotateAt = rotateAt;
  }

  /** Starts it in {@code ns}, on this test's class path. */
  static Proc start(NetNs ns, Path logDir, String name, List<String> args) {
    List<String> c = Examples.java();
    c.addAll(List.of("-cp", Env.testClassPath(), AuthEchoPeer.class.getName()));
    c.addAll(args);
    return Proc.start(name, logDir, ns.wrap(c));
  }

  private static void print(String line) {
    System.out.println(line);
    System.out.flush();
  }

  private static List<Integer> numbers(String csv) {
    List<Integer> out = new ArrayList<>();
    for (String s : csv.split(",")) {
      if (!s.isBlank()) {
        out.add(Integer.parseInt(s.trim()));
      }
    }
    return out;
  }

  /** AUTH on, the keys, the chunk list and the HMACs: on a channel before it connects or binds. */
  private static void configure(SctpOptions o, List<Integer> hmacs, List<Integer> chunks)
      throws Exception {
    o.set(SctpStandardSocketOptions.SCTP_AUTH_SUPPORTED, true);
    o.set(SctpStandardSocketOptions.SCTP_HMAC_IDENT, new HmacIdents(hmacs));
    for (int type : chunks) {
      o.set(SctpStandardSocketOptions.SCTP_AUTH_CHUNK, type);
    }
    o.set(SctpStandardSocketOptions.SCTP_AUTH_KEY,
        new AuthKey(1, KEY_1.getBytes(StandardCharsets.US_ASCII)));
    o.set(SctpStandardSocketOptions.SCTP_AUTH_KEY,
        new AuthKey(2, KEY_2.getBytes(StandardCharsets.US_ASCII)));
    o.set(SctpStandardSocketOptions.SCTP_AUTH_ACTIVE_KEY, 1);
    o.set(SctpStandardSocketOptions.SCTP_NODELAY, true);
  }

  /** Setting an option on one kind of channel or the other. */
  private interface SctpOptions {
    <T> void set(org.jsctp.netty.SctpSocketOption<T> name, T value) throws Exception;
  }

  private final NotificationHandler<Void> handler = (n, attachment) -> {
    onNotification(n);
    return HandlerResult.CONTINUE;
  };

  private void onNotification(Notification n) {
    if (n instanceof AuthenticationNotification a) {
      print("AUTH_EVENT " + a.indication() + " key=" + a.keyNumber());
      if (a.indication() == AuthenticationEvent.Indication.NEW_KEY && a.keyNumber() == 2) {
        peerUsesKey2 = true;
      }
    } else if (n instanceof AssociationChangeNotification c) {
      print("ASSOC_CHANGE " + c.event());
    }
  }

  /** Key rotation, step by step as the echoes count up (RFC 6458 section 8.3). */
  private void rotate(long echoed) throws Exception {
    if (!rotated && echoed >= rotateAt) {
      ch.setOption(SctpStandardSocketOptions.SCTP_AUTH_ACTIVE_KEY, 2);
      print("ACTIVE_KEY 2");
      ch.setOption(SctpStandardSocketOptions.SCTP_AUTH_DEACTIVATE_KEY, 1);
      rotated = true;
    }
    if (rotated && peerUsesKey2 && !deleted) {
      ch.setOption(SctpStandardSocketOptions.SCTP_AUTH_DELETE_KEY, 1);
      print("DELETED_KEY 1");
      deleted = true;
    }
  }

  private void connected() throws Exception {
    print("COMM_UP");
    print("PEER_AUTH_CHUNKS " + join(ch.getOption(SctpStandardSocketOptions.SCTP_PEER_AUTH_CHUNKS)
        .chunkTypes()));
    print("LOCAL_AUTH_CHUNKS " + join(ch.getOption(SctpStandardSocketOptions.SCTP_LOCAL_AUTH_CHUNKS)
        .chunkTypes()));
    print("AUTH_SUPPORTED " + ch.getOption(SctpStandardSocketOptions.SCTP_AUTH_SUPPORTED));
  }

  private static String join(List<Integer> list) {
    StringBuilder b = new StringBuilder();
    for (int x : list) {
      b.append(b.length() == 0 ? "" : ",").append(x);
    }
    return b.toString();
  }

  private static byte[] message(int i, int size) {
    byte[] m = new byte[size];
    ByteBuffer.wrap(m).putInt(i);
    for (int k = 4; k < size; k++) {
      m[k] = (byte) (i * 31 + k);
    }
    return m;
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    InetAddress local = InetAddress.getByName(args[1]);
    int port = Integer.parseInt(args[2]);
    int localUdp = Integer.parseInt(args[3]);
    int remoteUdp = Integer.parseInt(args[4]);
    List<Integer> hmacs = numbers(args[5]);
    List<Integer> chunks = numbers(args[6]);
    int rotateAt = Integer.parseInt(args[7]);
    try (SctpStack stack = SctpStack.builder()
        .sysctl(java.util.Map.of("net.sctp.encap_port", Integer.toString(remoteUdp),
            "net.sctp.udp_port", Integer.toString(localUdp)))
        .build()) {
      int code = mode.equals("server")
          ? server(stack, local, port, hmacs, chunks, rotateAt)
          : client(stack, local, localUdp, hmacs, chunks, rotateAt,
              new InetSocketAddress(args[8], port), Integer.parseInt(args[9]),
              Integer.parseInt(args[10]));
      System.exit(code);
    }
  }

  private static int server(SctpStack stack, InetAddress local, int port, List<Integer> hmacs,
      List<Integer> chunks, int rotateAt) throws Exception {
    SctpServerChannel server = SctpServerChannel.open(stack);
    configure(server::setOption, hmacs, chunks);
    server.bind(new InetSocketAddress(local, port));
    print("READY server");
    SctpChannel ch = server.accept(Duration.ofSeconds(60));
    AuthEchoPeer peer = new AuthEchoPeer(ch, rotateAt);
    peer.connected();
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    long echoed = 0;
    while (true) {
      buf.clear();
      MessageInfo info = ch.receive(buf, null, peer.handler, Duration.ofSeconds(60));
      if (info == null || info.bytes() < 0) {
        break;
      }
      buf.flip();
      ch.send(buf, MessageInfo.createOutgoing(null, info.streamNumber()));
      echoed++;
      peer.rotate(echoed);
    }
    print("SERVER echoed=" + echoed);
    ch.close();
    server.close();
    return 0;
  }

  private static int client(SctpStack stack, InetAddress local, int localUdp, List<Integer> hmacs,
      List<Integer> chunks, int rotateAt, InetSocketAddress remote, int count, int size)
      throws Exception {
    SctpChannel ch = SctpChannel.open(stack);
    ch.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, localUdp);
    // close waits for the graceful shutdown, which the exit would otherwise cut short.
    ch.setOption(SctpStandardSocketOptions.SO_LINGER, 10);
    configure(ch::setOption, hmacs, chunks);
    ch.bind(new InetSocketAddress(local, 0));
    print("READY client");
    ch.connect(List.of(remote), Duration.ofSeconds(30));
    AuthEchoPeer peer = new AuthEchoPeer(ch, rotateAt);
    peer.connected();
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    int echoed = 0;
    int mismatched = 0;
    for (int i = 0; i < count; i++) {
      ch.send(ByteBuffer.wrap(message(i, size)), MessageInfo.createOutgoing(null, 0));
      buf.clear();
      MessageInfo info = ch.receive(buf, null, peer.handler, Duration.ofSeconds(20));
      if (info == null || info.bytes() < 0) {
        break;
      }
      byte[] got = Arrays.copyOf(buf.array(), buf.position());
      if (!Arrays.equals(got, message(i, size))) {
        mismatched++;
      }
      echoed++;
      peer.rotate(echoed);
    }
    print("RESULT sent=" + count + " echoed=" + echoed + " mismatched=" + mismatched);
    ch.close();
    return echoed == count && mismatched == 0 ? 0 : 1;
  }
}
