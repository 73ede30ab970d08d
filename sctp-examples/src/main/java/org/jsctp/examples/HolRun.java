package org.jsctp.examples;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jsctp.config.StackConfig;
import org.jsctp.netty.MessageInfo;
import org.jsctp.netty.SctpChannel;
import org.jsctp.netty.SctpServerChannel;
import org.jsctp.netty.SctpStack;
import org.jsctp.netty.SctpStandardSocketOptions;
import org.jsctp.netty.option.RemoteUdpEncapsPort;

/**
 * One run of the {@code hol} benchmark over loopback, in this process: a client stack and a server
 * stack, one association between a one-to-one client channel and the channel the server accepted.
 * A thread sends bulk messages on stream 0 back to back: another whenever the buffered amount is
 * at most half the 4 MiB send buffer (so 2 to 3 MiB stay queued), woken by the buffered-amount-low
 * signal. Another sends a small message on stream 1 at fixed intervals, with {@link
 * System#nanoTime()} taken just before the send call in its first 8 bytes; the {@link HolReceiver}
 * reads everything and times the small ones on arrival. The run warms up, then measures.
 */
final class HolRun {

  /** The workload and timing of a run. */
  record Settings(
      int bulkSize, int probeSize, long intervalNanos, long warmupNanos, long measureNanos) {

    /** Small messages sent from the start of the warm-up to the end of the measurement. */
    int probes() {
      return (int) ((warmupNanos + measureNanos) / intervalNanos) + 1;
    }
  }

  static final int SCTP_PORT = 5002;
  static final int BUFFER = 4 << 20;
  /** After the measurement, how long the run waits for the last small messages. */
  static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(5);

  private static final InetAddress LO = InetAddress.getLoopbackAddress();

  private final HolMode mode;
  private final int round;
  private final Settings settings;
  private final StackConfig config;
  private volatile boolean stopping;
  private volatile Exception bulkFailure;

  HolRun(HolMode mode, int round, Settings settings, StackConfig config) {
    this.mode = mode;
    this.round = round;
    this.settings = settings;
    this.config = config;
  }

  HolResult run() throws Exception {
    try (SctpStack serverStack = SctpStack.builder().config(config).threadName("hol-server").build();
        SctpStack clientStack = SctpStack.builder().config(config).threadName("hol-client").build()) {
      SctpServerChannel server = SctpServerChannel.open(serverStack);
      server.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, 0);
      server.setOption(SctpStandardSocketOptions.SO_RCVBUF, BUFFER);
      mode.extensions().apply(server::setOption);
      server.bind(new InetSocketAddress(LO, SCTP_PORT));
      SctpChannel client = SctpChannel.open(clientStack);
      client.setOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT, 0);
      client.setOption(
          SctpStandardSocketOptions.SCTP_REMOTE_UDP_ENCAPS_PORT,
          new RemoteUdpEncapsPort(
              null, server.getOption(SctpStandardSocketOptions.SCTP_LOCAL_UDP_ENCAPS_PORT)));
      client.setOption(SctpStandardSocketOptions.SO_SNDBUF, BUFFER);
      client.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true);
      mode.extensions().apply(client::setOption);
      client.connect(List.of(new InetSocketAddress(LO, SCTP_PORT)), Duration.ofSeconds(10));
      SctpChannel accepted = server.accept(Duration.ofSeconds(10));
      boolean idata = client.getOption(SctpStandardSocketOptions.SCTP_INTERLEAVING_SUPPORTED);
      if (idata != mode.idata()) {
        throw new IllegalStateException(mode.label() + ": I-DATA negotiated " + idata);
      }
      return measure(client, accepted);
    }
  }

  private HolResult measure(SctpChannel client, SctpChannel accepted) throws Exception {
    long start = System.nanoTime();
    long from = start + settings.warmupNanos();
    long to = from + settings.measureNanos();
    HolReceiver receiver = new HolReceiver(accepted, settings.probes(), from, to);
    receiver.start();
    Semaphore low = new Semaphore(0);
    client.setBufferedAmountLowListener(low::release);
    Thread bulk = new Thread(() -> sendBulk(client, low), "hol-bulk");
    bulk.setDaemon(true);
    bulk.start();
    long[] sentAt = new long[settings.probes()];
    int probes = sendProbes(client, start, to, sentAt);

    int first = -1;
    int last = -1;
    for (int seq = 0; seq < probes; seq++) {
      if (sentAt[seq] >= from && sentAt[seq] < to) {
        first = first < 0 ? seq : first;
        last = seq;
      }
    }
    long drainEnd = System.nanoTime() + DRAIN_NANOS;
    while (receiver.delivered() < probes && System.nanoTime() < drainEnd) {
      Thread.sleep(10);
    }
    long end = System.nanoTime();
    stopping = true;
    low.release();
    bulk.join(TimeUnit.SECONDS.toMillis(10));
    if (bulkFailure != null) {
      throw new IllegalStateException(mode.label() + ": the bulk sender failed", bulkFailure);
    }

    int measured = first < 0 ? 0 : last - first + 1;
    long[] latencies = new long[measured];
    int undelivered = 0;
    for (int i = 0; i < measured; i++) {
      int seq = first + i;
      long l = receiver.latency(seq);
      if (l < 0) {
        l = end - sentAt[seq];
        undelivered++;
      }
      latencies[i] = l;
    }
    return new HolResult(mode, round, latencies, undelivered, receiver.bulkBytes(),
        settings.measureNanos() / 1e9);
  }

  /** Sends bulk messages on stream 0 while at most half the send buffer is taken. */
  private void sendBulk(SctpChannel client, Semaphore low) {
    ByteBuffer message = ByteBuffer.allocate(settings.bulkSize());
    MessageInfo info = MessageInfo.createOutgoing(null, 0);
    try {
      while (!stopping) {
        while (!stopping && client.bufferedAmount() <= BUFFER / 2) {
          message.clear();
          client.send(message, info);
        }
        // Woken by the buffered-amount-low signal; the timeout guards against a missed one.
        low.tryAcquire(50, TimeUnit.MILLISECONDS);
        low.drainPermits();
      }
    } catch (Exception e) {
      if (!stopping) {
        bulkFailure = e;
      }
    }
  }

  /**
   * Sends small messages on stream 1 every interval from {@code start} until {@code to}, numbered
   * from 0, and notes when each went; returns how many went.
   */
  private int sendProbes(SctpChannel client, long start, long to, long[] sentAt) throws Exception {
    MessageInfo info = MessageInfo.createOutgoing(null, HolReceiver.PROBE_STREAM);
    ByteBuffer probe = ByteBuffer.allocate(settings.probeSize());
    int seq = 0;
    for (long due = start; due < to && seq < sentAt.length; due = start + seq * settings.intervalNanos()) {
      long now;
      while ((now = System.nanoTime()) < due) {
        LockSupport.parkNanos(due - now);
      }
      probe.clear();
      probe.putLong(0, now).putLong(8, seq);
      sentAt[seq] = now;
      client.send(probe, info);
      seq++;
    }
    return seq;
  }
}
