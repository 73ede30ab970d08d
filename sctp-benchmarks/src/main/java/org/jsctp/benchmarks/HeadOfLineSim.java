package org.jsctp.benchmarks;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.SctpEvent;
import org.jsctp.api.SendBufferAvailable;
import org.jsctp.api.SendOutcome;
import org.jsctp.association.AssociationState;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.sim.LinkProfile;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.wire.Bytes;

/**
 * Head-of-line blocking between streams (issue 11), in virtual time: the latency of 100-byte
 * messages ("probes") on stream 1 while stream 0 carries 1 MiB messages back to back, over a
 * simulated 100 Mbit/s link with 10 ms one-way latency (20 ms RTT), a drop-tail queue of one
 * bandwidth-delay product (250 kB) and no random loss. The bulk sender keeps 2 to 3 MiB queued:
 * it sends another 1 MiB message whenever the buffered amount falls to half the 4 MiB send
 * buffer. A probe goes out every 20 ms; its latency is its virtual delivery time minus its send
 * time. Only the probes sent during the measurement, after a warm-up, count; the run goes on 5 s
 * after it, and a probe still undelivered then counts with the time it had waited so far (the
 * row then shows lower bounds). One row per {@link HolMode}. Without random loss or jitter
 * nothing depends on the seed but tags and TSNs: the table is the same on every run.
 *
 * <pre>java -Xmx2g -cp sctp-benchmarks/target/benchmarks.jar org.jsctp.benchmarks.HeadOfLineSim [seconds 60] [warm-up seconds 5]</pre>
 *
 * <p>The simulator keeps every datagram of a run for its trace, some 15 MB per virtual second
 * here, hence the heap.
 */
public final class HeadOfLineSim {

  static final InetAddress CLIENT = SimAddresses.v4("10.0.0.1");
  static final InetAddress SERVER = SimAddresses.v4("10.0.0.2");
  static final long LINK_BPS = 100_000_000L;
  static final long ONE_WAY = SimTime.millis(10);
  static final long QUEUE_BYTES = 250_000;
  static final int BUFFER = 4 << 20;
  static final int BULK_SIZE = 1 << 20;
  static final int PROBE_SIZE = 100;
  static final long PROBE_INTERVAL = SimTime.millis(20);
  /** After the measurement, how long the run goes on so that the last probes arrive. */
  static final long DRAIN = SimTime.seconds(5);
  static final long SEED = 1;

  private HeadOfLineSim() {}

  public static void main(String[] args) {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
    long warmup = args.length > 1 ? Long.parseLong(args[1]) : 5;
    System.out.printf(Locale.ROOT,
        "simulated 100 Mbit/s, RTT 20 ms, drop-tail queue %d B, no random loss;"
            + " %d s measured after %d s warm-up%n%n",
        QUEUE_BYTES, seconds, warmup);
    System.out.println("| mode | probes | median ms | p90 ms | p99 ms | max ms | bulk Mbit/s | T3-rtx expiries |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (HolMode mode : HolMode.values()) {
      System.out.println(run(mode, SimTime.seconds(warmup), SimTime.seconds(seconds)).row());
    }
  }

  /**
   * What one mode measured during the measurement: probe latencies (with lower bounds for the
   * undelivered), bulk bytes delivered, and retransmission timeouts of the sender.
   */
  record Result(HolMode mode, LatencySamples latency, int undelivered, long bulkBytes,
      long measureNanos, long t3Expiries) {

    String row() {
      String atLeast = undelivered == 0 ? "" : ">= ";
      String count = latency.count() + (undelivered == 0 ? "" : " (" + undelivered + " undelivered)");
      return String.format(Locale.ROOT, "| %s | %s | %s%.1f | %s%.1f | %s%.1f | %s%.1f | %.1f | %d |",
          mode.label, count, atLeast, ms(latency.percentile(50)), atLeast, ms(latency.percentile(90)),
          atLeast, ms(latency.percentile(99)), atLeast, ms(latency.max()),
          bulkBytes * 8e3 / measureNanos, t3Expiries);
    }

    private static double ms(long nanos) {
      return nanos / 1e6;
    }
  }

  static Result run(HolMode mode, long warmupNanos, long measureNanos) {
    Simulator sim = Simulator.withSeed(SEED);
    sim.defaultProfile(LinkProfile.DEFAULT
        .withLatency(ONE_WAY)
        .withBandwidth(LINK_BPS)
        .withQueueLimit(QUEUE_BYTES));
    StackConfig config = StackConfig.builder()
        .set(Sysctl.SNDBUF, BUFFER)
        .set(Sysctl.RCVBUF, BUFFER)
        .set(Sysctl.INTL_ENABLE, mode.interleaving ? 1 : 0)
        .build();
    EventHost client = new EventHost(config, sim.random("client"), CLIENT);
    EventHost server = new EventHost(config, sim.random("server"), SERVER);
    client.endpoint().defaultOptions().setStreamScheduler(mode.scheduler);
    client.endpoint().defaultOptions().setNodelay(true);
    server.endpoint().listen(true);
    sim.attach("client", client);
    sim.attach("server", server);
    SctpAssociation a = client.endpoint().connect(
        sim.now(), List.of(SERVER), EventHost.SCTP_PORT, EventHost.UDP_PORT, null);
    sim.runUntil("association up", () -> a.state() == AssociationState.ESTABLISHED, SimTime.seconds(10));
    if (a.options().extensions().interleaving() != mode.interleaving) {
      throw new IllegalStateException(mode + ": I-DATA negotiated " + a.options().extensions().interleaving());
    }

    long from = sim.now() + warmupNanos;
    long to = from + measureNanos;
    Sender sender = new Sender(a);
    Receiver receiver = new Receiver(server, from, to);
    client.onEvent(e -> sender.onEvent(e, client.now()));
    server.onEvent(receiver::onEvent);
    sender.topUp(sim.now());
    List<Long> probes = new ArrayList<>();
    long t3AtStart = 0;
    for (long next = sim.now(); next < to; next += PROBE_INTERVAL) {
      sim.runFor(next - sim.now());
      if (next >= from && probes.isEmpty()) {
        t3AtStart = t3Expiries(a);
      }
      sender.probe(sim.now());
      if (next >= from) {
        probes.add(next);
      }
    }
    sim.runFor(to - sim.now());
    long t3 = t3Expiries(a) - t3AtStart;
    sim.runFor(DRAIN);
    int undelivered = 0;
    for (long sentAt : probes) {
      if (!receiver.delivered.contains(sentAt)) {
        receiver.latency.add(sim.now() - sentAt);
        undelivered++;
      }
    }
    return new Result(mode, receiver.latency, undelivered, receiver.bulkBytes, measureNanos, t3);
  }

  private static long t3Expiries(SctpAssociation a) {
    return a.counters().get(MibCounter.SCTP_T3_RTX_EXPIREDS);
  }

  /**
   * The sending application: 1 MiB messages on stream 0 whenever the buffered amount is at most
   * half the send buffer (at the start and on each SendBufferAvailable, the low-water signal),
   * and a probe on stream 1 carrying its send time when asked.
   */
  private static final class Sender {
    private final SctpAssociation association;
    private final Bytes bulk = Bytes.wrap(new byte[BULK_SIZE]);

    Sender(SctpAssociation association) {
      this.association = association;
    }

    void onEvent(SctpEvent e, long now) {
      if (e instanceof SendBufferAvailable) {
        topUp(now);
      }
    }

    void topUp(long now) {
      while (association.bufferedAmount() <= BUFFER / 2
          && association.send(now, message(0, bulk)) == SendOutcome.ACCEPTED) {
        // keep 2 to 3 MiB queued
      }
    }

    void probe(long now) {
      byte[] probe = new byte[PROBE_SIZE];
      ByteBuffer.wrap(probe).putLong(0, now);
      SendOutcome outcome = association.send(now, message(1, Bytes.wrap(probe)));
      if (outcome != SendOutcome.ACCEPTED) {
        throw new IllegalStateException("probe refused: " + outcome);
      }
    }

    private static OutgoingMessage message(int stream, Bytes payload) {
      return new OutgoingMessage(stream, 0, false, false, payload, 0, Long.MAX_VALUE);
    }
  }

  /**
   * The receiving application: reads everything at once, times the probes sent during the
   * measurement and counts the bulk bytes delivered during it.
   */
  private static final class Receiver {
    private final EventHost host;
    private final long from;
    private final long to;
    final LatencySamples latency = new LatencySamples();
    /** The send times of the probes delivered. */
    final Set<Long> delivered = new HashSet<>();
    long bulkBytes;

    Receiver(EventHost host, long from, long to) {
      this.host = host;
      this.from = from;
      this.to = to;
    }

    void onEvent(SctpEvent e) {
      if (!(e instanceof MessageReceived m)) {
        return;
      }
      long now = host.now();
      int length = m.data().length();
      host.endpoint().association(m.associationId()).consumed(now, length);
      if (m.streamId() == 0) {
        if (now >= from && now < to) {
          bulkBytes += length;
        }
        return;
      }
      long sentAt = m.data().asReadOnlyByteBuffer().getLong(0);
      if (sentAt >= from && sentAt < to) {
        latency.add(now - sentAt);
        delivered.add(sentAt);
      }
    }
  }
}
