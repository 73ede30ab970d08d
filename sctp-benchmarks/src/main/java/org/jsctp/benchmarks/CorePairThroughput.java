package org.jsctp.benchmarks;

import java.net.InetAddress;
import java.util.List;
import java.util.SplittableRandom;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.SctpEvent;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.endpoint.Endpoint;
import org.jsctp.endpoint.Transmit;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.SendOutcome;
import org.jsctp.wire.Bytes;

/**
 * The core alone, no network and no threads: two endpoints handing each other their packets
 * directly, one sending messages of a given size as fast as the association takes them. Shows
 * what the protocol machinery costs per message, the ceiling for any runtime on top of it.
 *
 * <pre>java -cp sctp-benchmarks/target/benchmarks.jar org.jsctp.benchmarks.CorePairThroughput 8192 10</pre>
 */
public final class CorePairThroughput {

  private CorePairThroughput() {}

  public static void main(String[] args) throws Exception {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 8192;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    InetAddress a = InetAddress.getByAddress(new byte[] {10, 0, 0, 1});
    InetAddress b = InetAddress.getByAddress(new byte[] {10, 0, 0, 2});
    StackConfig config = StackConfig.builder().set(Sysctl.SNDBUF, 1 << 20).set(Sysctl.RCVBUF, 1 << 20).build();
    Endpoint client = new Endpoint(config, 5001, List.of(a), new SplittableRandom(1));
    Endpoint server = new Endpoint(config, 5001, List.of(b), new SplittableRandom(2));
    server.listen(true);
    long now = System.nanoTime();
    SctpAssociation assoc = client.connect(now, List.of(b), 5001, 9899, null);
    Bytes payload = Bytes.wrap(new byte[size]);
    long received = 0;
    long bytes = 0;
    long start = 0;
    boolean up = false;
    long end = Long.MAX_VALUE;
    while (true) {
      now = System.nanoTime();
      if (up && now >= end) {
        break;
      }
      if (up) {
        while (assoc.send(now, new OutgoingMessage(0, 0, false, false, payload, 0, Long.MAX_VALUE)) == SendOutcome.ACCEPTED) {
          // fill the send buffer
        }
      }
      boolean moved = pump(now, client, server, a) | pump(now, server, client, b);
      SctpEvent e;
      while ((e = client.pollEvent()) != null) {
        if (e instanceof AssociationChange c && c.kind() == AssociationChange.Kind.COMM_UP) {
          up = true;
          start = System.nanoTime();
          end = start + seconds * 1_000_000_000L;
        }
      }
      while ((e = server.pollEvent()) != null) {
        if (e instanceof MessageReceived m) {
          received++;
          bytes += m.data().length();
          server.association(m.associationId()).consumed(now, m.data().length());
        }
      }
      if (!moved) {
        server.handleTimeout(now);
        client.handleTimeout(now);
      }
    }
    double secs = (System.nanoTime() - start) / 1e9;
    System.out.printf("size=%d messages=%d seconds=%.2f msgs_per_s=%.0f mbit_per_s=%.1f%n",
        size, received, secs, received / secs, bytes * 8 / secs / 1e6);
  }

  private static boolean pump(long now, Endpoint from, Endpoint to, InetAddress fromAddress) {
    boolean any = false;
    Transmit t;
    while ((t = from.pollTransmit()) != null) {
      to.handleDatagram(now, t.remoteAddress(), fromAddress, 9899, t.packet());
      any = true;
    }
    return any;
  }
}
