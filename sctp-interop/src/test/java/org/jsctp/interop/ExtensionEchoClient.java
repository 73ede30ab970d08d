package org.jsctp.interop;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jsctp.api.PrPolicy;
import org.jsctp.api.PrStatus;
import org.jsctp.netty.AssocResetNotification;
import org.jsctp.netty.AssociationChangeNotification;
import org.jsctp.netty.HandlerResult;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.Notification;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.SendFailedNotification;
import org.jsctp.netty.StreamChangeNotification;
import org.jsctp.netty.StreamResetNotification;
import org.jsctp.netty.option.AddStreams;
import org.jsctp.netty.option.PrStreamStatus;
import org.jsctp.netty.option.RemoteUdpEncapsPort;
import org.jsctp.netty.option.ResetStreams;

/**
 * A jsctp echo client for the extension cases the examples' echo-client has no flag for, run as a
 * JVM of its own inside a namespace ({@link #start}) on this test's class path:
 *
 * <ul>
 *   <li>{@code --prio-low N}: messages alternate between PR-SCTP priority 0 and N (RFC 7496 section
 *       3.3), sent back to back without a window into a send buffer of {@code --sndbuf} bytes, so
 *       that a full buffer makes the higher ones displace the lower ones (echo-client gives every
 *       message the same priority, and equal priorities displace nothing);
 *   <li>{@code --reconfig}: offers RE-CONFIG (RFC 6525) and takes every request of the peer;
 *   <li>{@code --reset-out-after N}, {@code --reset-in-after N}, {@code --add-streams-after N}:
 *       after N echoes, resets all its outgoing streams, asks the peer to reset its outgoing
 *       streams, or adds two streams each way; the sending goes on, on the added streams too once
 *       the association has them both ways;
 *   <li>{@code --reset-assoc-after N}: after N messages, once all of them came back, resets the
 *       association's TSNs and SSNs (SCTP_RESET_ASSOC, an SSN/TSN Reset Request) and goes on once
 *       the association reset event came; {@code --await-assoc-reset-after N} pauses the same way
 *       for a reset the peer asks for. The pause gives the request an association with nothing in
 *       flight either way: usrsctp refuses to start one otherwise (EBUSY), and jsctp performs one
 *       only then (before, it answers In progress, which usrsctp 0.9.5 takes as a failure).
 * </ul>
 *
 * <pre>
 * ExtensionEchoClient --remote ADDR --local ADDR --udp-port L --remote-udp-port R [--port 7]
 *     [--count 300] [--size 1000] [--streams 4] [--window 16] [--sndbuf BYTES] [--prio-low N]
 *     [--reconfig] [--reset-out-after N | --reset-in-after N | --add-streams-after N
 *     | --reset-assoc-after N | --await-assoc-reset-after N]
 *     [--sysctl net.sctp.KEY=VALUE ...]
 * </pre>
 *
 * Messages are those of mhpeer: the message number and the size (32 bits each, network order), then
 * bytes that depend on both; the PPID is the message number. Every echo is checked for its bytes,
 * stream and PPID; a message the stack hands back (SEND_FAILED) with a PR-SCTP cause is abandoned
 * and no longer awaited, and its echo still counts if it comes. Prints a line per event, with a
 * PR-SCTP policy the line {@code PR-STATUS abandoned_unsent=U abandoned_sent=S streams_unsent=U
 * streams_sent=S reported=R} as mhpeer does, and a RESULT line ({@link EchoResult}) ending with
 * {@code abandoned=N}. Exit code 0 when every message came back intact or was abandoned, 1
 * otherwise, 2 for bad arguments.
 */
public final class ExtensionEchoClient {

  private static final byte ECHOED = 1;
  private static final byte ABANDONED = 2;
  private static final int HEADER = 8;

  private final Map<String, String> opts;
  private final List<String> sysctls;
  private final int count;
  private final int size;
  private final long start = System.nanoTime();
  private final byte[] state;
  private final int[] streamOf;
  private final Semaphore window;
  private final Map<String, Long> failedByCause = new HashMap<>();
  private final CountDownLatch assocReset = new CountDownLatch(1);
  private volatile int streams;
  private volatile boolean ended;
  private volatile boolean closing;
  private int sent;
  private long echoed;
  private long mismatched;
  private long abandoned;
  private long reported;
  private long bytes;

  private ExtensionEchoClient(Map<String, String> opts, List<String> sysctls) {
    this.opts = opts;
    this.sysctls = sysctls;
    this.count = intOpt("--count", 300);
    this.size = intOpt("--size", 1000);
    this.streams = intOpt("--streams", 4);
    this.state = new byte[count];
    this.streamOf = new int[count];
    this.window = new Semaphore(opts.containsKey("--prio-low") ? count : intOpt("--window", 16));
  }

  /** Starts the client in {@code ns} with {@code args}; its UDP port must be free there. */
  static Proc start(NetNs ns, Path logDir, int localUdp, List<String> args) {
    UdpPorts.assertFree(ns, localUdp);
    List<String> c = Examples.java();
    c.addAll(
        List.of(
            "-cp",
            Env.testClassPath(),
            ExtensionEchoClient.class.getName(),
            "--udp-port",
            Integer.toString(localUdp)));
    c.addAll(args);
    return Proc.start("jsctp-extension-client", logDir, ns.wrap(c));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    List<String> sysctls = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--reconfig")) {
        opts.put(a, "");
      } else if (i + 1 < args.length && a.equals("--sysctl")) {
        sysctls.add(args[++i]);
      } else if (i + 1 < args.length && a.startsWith("--")) {
        opts.put(a, args[++i]);
      } else {
        System.err.println("bad argument " + a + "; see the javadoc of ExtensionEchoClient");
        System.exit(2);
      }
    }
    System.exit(new ExtensionEchoClient(opts, sysctls).run() ? 0 : 1);
  }

  private int intOpt(String name, int dflt) {
    return Integer.parseInt(opts.getOrDefault(name, Integer.toString(dflt)));
  }

  private void line(String text) {
    System.out.printf(
        Locale.ROOT, "+%dms %s%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), text);
  }

  private boolean run() throws Exception {
    Map<String, String> settings = new HashMap<>();
    for (String s : sysctls) {
      int eq = s.indexOf('=');
      settings.put(s.substring(0, eq), s.substring(eq + 1));
    }
    try (SctpStack stack = SctpStack.builder().sysctl(settings).threadName("ext").build()) {
      SctpChannel ch = SctpChannel.open(stack);
      configure(ch);
      ch.bind(new InetSocketAddress(opts.get("--local"), 0));
      ch.connect(
          List.of(new InetSocketAddress(opts.get("--remote"), intOpt("--port", 7))),
          Duration.ofSeconds(60));
      line(
          "connected association "
              + ch.association().associationID()
              + " out="
              + ch.association().maxOutboundStreams()
              + " in="
              + ch.association().maxInboundStreams()
              + " reconfig="
              + ch.getOption(SctpStandardSocketOptions.SCTP_RECONFIG_SUPPORTED)
              + " pr="
              + ch.getOption(SctpStandardSocketOptions.SCTP_PR_SUPPORTED));
      streams =
          Math.min(
              streams,
              Math.min(
                  ch.association().maxOutboundStreams(), ch.association().maxInboundStreams()));
      Thread reader = new Thread(() -> receive(ch), "ext-reader");
      reader.setDaemon(true);
      reader.start();
      sendAll(ch);
      boolean settled = awaitEchoes();
      boolean statusRead = !opts.containsKey("--prio-low") || printPrStatus(ch);
      closing = true;
      try {
        ch.shutdownAsync().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        line("shutdown did not complete: " + e);
      }
      synchronized (this) {
        System.out.printf(
            Locale.ROOT,
            "RESULT sent=%d echoed=%d mismatched=%d bytes=%d seconds=%.3f msgs_per_s=0 max_gap_ms=0"
                + " abandoned=%d%n",
            sent,
            echoed,
            mismatched,
            bytes,
            (System.nanoTime() - start) / 1e9,
            abandoned);
        if (!failedByCause.isEmpty()) {
          line("send-failed by cause " + failedByCause);
        }
        return settled && statusRead && mismatched == 0 && echoed + abandoned == sent;
      }
    }
  }

  private void configure(SctpChannel ch) throws Exception {
    int n = streams;
    ch.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, intOpt("--udp-port", 0));
    ch.setOption(
        SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
        new RemoteUdpEncapsPort(null, intOpt("--remote-udp-port", 9899)));
    ch.setOption(
        SctpStandardSocketOptions.SCTP_INIT_MAXSTREAMS,
        SctpStandardSocketOptions.InitMaxStreams.create(n, n));
    ch.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true);
    if (opts.containsKey("--sndbuf")) {
      ch.setOption(SctpStandardSocketOptions.SO_SNDBUF, intOpt("--sndbuf", 0));
    }
    if (opts.containsKey("--reconfig")) {
      ch.setOption(SctpStandardSocketOptions.SCTP_RECONFIG_SUPPORTED, true);
      // SCTP_ENABLE_RESET_STREAM_REQ | SCTP_ENABLE_RESET_ASSOC_REQ | SCTP_ENABLE_CHANGE_ASSOC_REQ
      ch.setOption(SctpStandardSocketOptions.SCTP_ENABLE_STREAM_RESET, 0x07);
    }
  }

  private void sendAll(SctpChannel ch) throws Exception {
    int low = intOpt("--prio-low", -1);
    boolean reconfigured = false;
    int assocResetAt = intOpt("--reset-assoc-after", intOpt("--await-assoc-reset-after", -1));
    for (int seq = 0; seq < count && !ended; seq++) {
      if (seq == assocResetAt) {
        resetAssociation(ch);
      }
      while (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        if (ended) {
          return;
        }
      }
      if (!reconfigured && reconfigDue()) {
        reconfigured = true;
        reconfigure(ch);
      }
      int stream = seq % streams;
      MessageInfo info = MessageInfo.createOutgoing(null, stream).payloadProtocolID(seq);
      if (low >= 0) {
        // RFC 7496 section 3.3: every other message at the highest priority.
        info.prPolicy(PrPolicy.PRIO, seq % 2 == 0 ? 0 : low);
      }
      synchronized (this) {
        streamOf[seq] = stream;
        sent++;
      }
      ch.send(ByteBuffer.wrap(message(seq)), info);
    }
  }

  private synchronized boolean reconfigDue() {
    for (String k : List.of("--reset-out-after", "--reset-in-after", "--add-streams-after")) {
      if (opts.containsKey(k) && echoed >= intOpt(k, 0)) {
        return true;
      }
    }
    return false;
  }

  /** The request of RFC 6525 the options ask for. */
  private void reconfigure(SctpChannel ch) throws Exception {
    if (opts.containsKey("--reset-out-after")) {
      line("RECONFIG SCTP_RESET_STREAMS OUTGOING all");
      ch.setOption(
          SctpStandardSocketOptions.SCTP_RESET_STREAMS, new ResetStreams(false, true, List.of()));
    } else if (opts.containsKey("--reset-in-after")) {
      line("RECONFIG SCTP_RESET_STREAMS INCOMING all");
      ch.setOption(
          SctpStandardSocketOptions.SCTP_RESET_STREAMS, new ResetStreams(true, false, List.of()));
    } else {
      line("RECONFIG SCTP_ADD_STREAMS in=2 out=2");
      ch.setOption(SctpStandardSocketOptions.SCTP_ADD_STREAMS, new AddStreams(2, 2));
    }
  }

  /** SCTP_RESET_ASSOC, or the peer's, once every message sent so far came back. */
  private void resetAssociation(SctpChannel ch) throws Exception {
    if (!awaitEchoes()) {
      return;
    }
    if (opts.containsKey("--reset-assoc-after")) {
      line("RECONFIG SCTP_RESET_ASSOC");
      ch.setOption(SctpStandardSocketOptions.SCTP_RESET_ASSOC, true);
    }
    if (!assocReset.await(15, TimeUnit.SECONDS)) {
      line("no association reset event within 15 s; sending on");
    }
  }

  private byte[] message(int seq) {
    ByteBuffer b = ByteBuffer.allocate(size);
    b.putInt(seq).putInt(size);
    for (int i = HEADER; i < size; i++) {
      b.put(pattern(seq, i));
    }
    return b.array();
  }

  /** mhpeer's pattern. */
  private static byte pattern(int seq, int i) {
    return (byte) ((seq * 7 + i * 13 + 1) & 0xFF);
  }

  private void receive(SctpChannel ch) {
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    ByteBuffer whole = ByteBuffer.allocate(size);
    try {
      while (true) {
        buf.clear();
        MessageInfo info = ch.receive(buf, null, this::onNotification);
        if (info == null) {
          continue;
        }
        if (info.bytes() < 0) {
          break;
        }
        buf.flip();
        if (whole.remaining() < buf.remaining()) {
          synchronized (this) {
            mismatched++;
          }
          line("MISMATCH echo longer than " + size + " bytes");
          whole.clear();
          continue;
        }
        whole.put(buf);
        if (info.isComplete()) {
          whole.flip();
          check(whole, info);
          whole.clear();
        }
      }
    } catch (Exception e) {
      if (!closing) {
        line("receive ended: " + e);
      }
    } finally {
      ended = true;
      synchronized (this) {
        notifyAll();
      }
    }
  }

  private synchronized void check(ByteBuffer m, MessageInfo info) {
    int seq = m.remaining() >= HEADER ? m.getInt(0) : -1;
    boolean intact =
        m.remaining() == size
            && seq >= 0
            && seq < sent
            && m.getInt(4) == size
            && (state[seq] & ECHOED) == 0
            && info.streamNumber() == streamOf[seq]
            && info.payloadProtocolID() == seq;
    for (int i = HEADER; intact && i < size; i++) {
      intact = m.get(i) == pattern(seq, i);
    }
    if (!intact) {
      mismatched++;
      line(
          "MISMATCH echo of "
              + m.remaining()
              + " bytes on stream "
              + info.streamNumber()
              + " ppid "
              + info.payloadProtocolID());
      return;
    }
    if ((state[seq] & ABANDONED) != 0) {
      abandoned--;
    } else {
      window.release();
    }
    state[seq] |= ECHOED;
    echoed++;
    bytes += size;
    notifyAll();
  }

  private HandlerResult onNotification(Notification n, Void attachment) {
    if (n instanceof SendFailedNotification f) {
      sendFailed(f);
    } else if (n instanceof StreamResetNotification r) {
      line(
          "stream-reset flags="
              + (r.incoming() ? "INCOMING " : "")
              + (r.outgoing() ? "OUTGOING " : "")
              + (r.denied() ? "DENIED " : "")
              + (r.failed() ? "FAILED " : "")
              + "streams="
              + (r.streams().isEmpty() ? "all" : r.streams()));
    } else if (n instanceof StreamChangeNotification c) {
      line(
          "stream-change in="
              + c.inboundStreams()
              + " out="
              + c.outboundStreams()
              + " flags="
              + (c.denied() ? "DENIED " : "")
              + (c.failed() ? "FAILED " : ""));
      // The echo comes back on the stream of the message: a stream is used once it exists both
      // ways.
      streams = Math.min(c.inboundStreams(), c.outboundStreams());
    } else if (n instanceof AssocResetNotification r) {
      line(
          "assoc-reset flags="
              + (r.denied() ? "DENIED " : "")
              + (r.failed() ? "FAILED " : "")
              + "local_tsn="
              + Integer.toUnsignedString(r.localTsn())
              + " remote_tsn="
              + Integer.toUnsignedString(r.remoteTsn()));
      assocReset.countDown();
    } else if (n instanceof AssociationChangeNotification a) {
      line("association " + a.event());
    } else {
      line("notification " + n);
    }
    return HandlerResult.CONTINUE;
  }

  /** A message handed back: abandoned by PR-SCTP, or lost with the association. */
  private synchronized void sendFailed(SendFailedNotification f) {
    failedByCause.merge(f.cause().name(), 1L, Long::sum);
    int seq = f.payloadProtocolID();
    if (seq < 0 || seq >= sent) {
      mismatched++;
      line("MISMATCH send-failed for message " + seq + ", only " + sent + " sent");
      return;
    }
    if (f.cause() == org.jsctp.api.SendFailed.Cause.ASSOCIATION_ENDED
        || (state[seq] & ABANDONED) != 0) {
      return;
    }
    state[seq] |= ABANDONED;
    reported++;
    if ((state[seq] & ECHOED) == 0) {
      abandoned++;
      window.release();
    }
    notifyAll();
  }

  /** Waits up to 30 s until every message was echoed or abandoned; answers whether it was. */
  private synchronized boolean awaitEchoes() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (echoed + abandoned < sent && !ended) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        line("gave up waiting: " + (sent - echoed - abandoned) + " messages outstanding");
        return false;
      }
      wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    }
    return echoed + abandoned == sent;
  }

  /** mhpeer's PR-STATUS line, from SCTP_PR_ASSOC_STATUS and SCTP_PR_STREAM_STATUS. */
  private boolean printPrStatus(SctpChannel ch) {
    try {
      PrStatus assoc = ch.getOption(SctpStandardSocketOptions.SCTP_PR_ASSOC_STATUS);
      PrStreamStatus perStream = ch.getOption(SctpStandardSocketOptions.SCTP_PR_STREAM_STATUS);
      long unsent = 0;
      long sentAbandoned = 0;
      for (PrStatus s : perStream.streams()) {
        unsent += s.abandonedUnsent();
        sentAbandoned += s.abandonedSent();
      }
      synchronized (this) {
        System.out.printf(
            Locale.ROOT,
            "PR-STATUS abandoned_unsent=%d abandoned_sent=%d streams_unsent=%d streams_sent=%d"
                + " reported=%d%n",
            assoc.abandonedUnsent(),
            assoc.abandonedSent(),
            unsent,
            sentAbandoned,
            reported);
      }
      return true;
    } catch (Exception e) {
      line("PR-SCTP status unknown: " + e);
      return false;
    }
  }
}
