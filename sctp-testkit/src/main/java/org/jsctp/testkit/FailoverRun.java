package org.jsctp.testkit;

import org.jsctp.wire.ChunkType;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.PathState;
import org.jsctp.testkit.sim.DatagramRecord;
import org.jsctp.testkit.sim.Fate;
import org.jsctp.testkit.sim.SimDatagram;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.api.SendOutcome;

/**
 * Drives a steady stream of small messages from client to server over a {@link MultihomedPair}
 * and records what a failover looks like: the client's path states over time (sampled every
 * step), the delivery time of every message, and the packets on each path.
 */
public final class FailoverRun {

  /** A path state change seen by the client at a virtual time. */
  public record Transition(long at, int path, PathState from, PathState to) {}

  public static final long STEP = SimTime.millis(10);

  private final MultihomedPair pair;
  private final long interval;
  private final int size;
  private final List<Transition> transitions = new ArrayList<>();
  private final List<Long> sentAt = new ArrayList<>();
  private final PathState[] last;
  private long nextSend;

  /** @param interval time between messages */
  public FailoverRun(MultihomedPair pair, long interval, int size) {
    this.pair = pair;
    this.interval = interval;
    this.size = size;
    this.last = new PathState[pair.serverAddresses.length];
    for (int i = 0; i < last.length; i++) {
      last[i] = pair.clientPathState(i + 1);
    }
    this.nextSend = pair.sim.now();
  }

  /** Sends and runs until {@code until} (absolute virtual time). */
  public void runUntil(long until) {
    while (pair.sim.now() < until) {
      while (nextSend <= pair.sim.now()) {
        byte[] data = new byte[size];
        int n = sentAt.size();
        data[0] = (byte) n;
        if (size > 1) {
          data[1] = (byte) (n >> 8);
        }
        // An application waits when the send buffer is full; the schedule slips, nothing is lost.
        if (pair.client.send(pair.sim.now(), pair.a, 0, data, false) != SendOutcome.ACCEPTED) {
          break;
        }
        sentAt.add(pair.sim.now());
        nextSend += interval;
      }
      pair.sim.runFor(Math.min(STEP, until - pair.sim.now()));
      sample();
      if (pair.client.hasEvent(AssociationChange.Kind.COMM_LOST)) {
        return;
      }
    }
  }

  /** Runs without sending until every message sent was delivered, or {@code limit} passed. */
  public void drain(long limit) {
    long end = pair.sim.now() + limit;
    while (delivered() < sent() && pair.sim.now() < end) {
      pair.sim.runFor(STEP);
      sample();
    }
  }

  private void sample() {
    for (int i = 0; i < last.length; i++) {
      PathState now = pair.clientPathState(i + 1);
      if (now != last[i]) {
        transitions.add(new Transition(pair.sim.now(), i + 1, last[i], now));
        last[i] = now;
      }
    }
  }

  public List<Transition> transitions() {
    return transitions;
  }

  /** Transitions of one path, in order. */
  public List<Transition> transitions(int path) {
    List<Transition> list = new ArrayList<>();
    for (Transition t : transitions) {
      if (t.path() == path) {
        list.add(t);
      }
    }
    return list;
  }

  public int sent() {
    return sentAt.size();
  }

  public int delivered() {
    return pair.server.received(pair.b.id()).size();
  }

  /** Delivery times at the server, in delivery order. */
  public List<Long> deliveryTimes() {
    return pair.server.receivedAt(pair.b.id());
  }

  /**
   * The longest time without a delivery after {@code from} while messages were outstanding: the
   * delivery gap the application sees.
   */
  public long maxDeliveryGap(long from) {
    List<Long> times = deliveryTimes();
    long previous = from;
    long max = 0;
    for (long t : times) {
      if (t < from) {
        continue;
      }
      max = Math.max(max, t - previous);
      previous = t;
    }
    return max;
  }

  /** Send times of DATA-carrying packets from the client on path {@code n}, at or after {@code from}. */
  public List<Long> dataSentOnPath(int n, long from) {
    return sentOn(n, ChunkType.DATA, from);
  }

  /** Send times of packets with {@code chunkType} from the client on path {@code n}. */
  public List<Long> sentOn(int n, int chunkType, long from) {
    return sentOn(n, from, d -> d.containsChunk(chunkType));
  }

  /**
   * Send times of heartbeats from the client on path {@code n}: HEARTBEAT packets that are no
   * PLPMTUD probes (those carry a PAD chunk).
   */
  public List<Long> heartbeatsSentOn(int n, long from) {
    return sentOn(n, from,
        d -> d.containsChunk(ChunkType.HEARTBEAT) && !d.containsChunk(ChunkType.PAD));
  }

  private List<Long> sentOn(int n, long from, Predicate<SimDatagram> which) {
    InetAddress src = pair.clientAddress(n);
    InetAddress dst = pair.serverAddress(n);
    List<Long> times = new ArrayList<>();
    for (DatagramRecord r : pair.sim.trace().onLink(src, dst)) {
      if (r.copy() == 0 && r.datagram().sentAtNanos() >= from && which.test(r.datagram())) {
        times.add(r.datagram().sentAtNanos());
      }
    }
    return times;
  }

  /** Whether a packet with {@code chunkType} from the client on path {@code n} was delivered after {@code from}. */
  public boolean deliveredOn(int n, int chunkType, long from) {
    InetAddress src = pair.clientAddress(n);
    InetAddress dst = pair.serverAddress(n);
    for (DatagramRecord r : pair.sim.trace().onLink(src, dst)) {
      if (r.fate() == Fate.DELIVERED && r.datagram().sentAtNanos() >= from
          && r.datagram().containsChunk(chunkType)) {
        return true;
      }
    }
    return false;
  }
}
