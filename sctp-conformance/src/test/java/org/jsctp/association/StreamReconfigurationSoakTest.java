package org.jsctp.association;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.AssociationReset;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.SctpEvent;
import org.jsctp.api.SendOutcome;
import org.jsctp.api.StreamReset;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.testkit.sim.LinkProfile;
import org.jsctp.testkit.sim.SeedSoak;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.wire.Bytes;
import org.junit.jupiter.api.Test;

/**
 * Stream reconfiguration (RFC 6525) in the middle of transfers, over many seeds: two endpoints
 * with RE-CONFIG (and, for half the seeds, I-DATA) send messages of 8 bytes to 16 KiB both ways
 * on their streams, ordered and unordered, over links with up to 15% loss, reordering and
 * duplication, while each side now and then resets some or all of its outgoing streams, asks the
 * peer to reset its own, adds streams either way, or (rarely) resets the association. Every
 * message arrives exactly once (nothing is abandoned, so nothing may be missing), in the order
 * sent per stream for ordered ones; the SSN or MID of each ordered message follows the previous
 * one of its stream, or is 0 right after a StreamReset or AssociationReset event covering the
 * stream; the association never aborts and every request ends. 100 seeds by default; {@code
 * -Dsim.soak.count=N} for more.
 */
class StreamReconfigurationSoakTest {

  static final InetAddress A = SimAddresses.v4("10.0.0.1");
  static final InetAddress B = SimAddresses.v4("10.0.0.2");
  static final int ALL_REQUESTS = AssociationOptions.ENABLE_RESET_STREAM_REQ
      | AssociationOptions.ENABLE_RESET_ASSOC_REQ | AssociationOptions.ENABLE_CHANGE_ASSOC_REQ;

  @Test
  void resetsAndAddedStreamsMidTransferLoseNothingAndKeepOrder() {
    SeedSoak.run(SeedSoak.count(100), this::scenario);
  }

  /** One side's sending: numbered messages per stream, queued until the association takes them. */
  private static final class Sender {
    final RandomGenerator r;
    final SimEndpoint endpoint;
    final SctpAssociation a;
    final int total;
    final Map<Integer, Integer> nextNumber = new HashMap<>();
    final ArrayDeque<OutgoingMessage> pending = new ArrayDeque<>();
    int created;
    int requests;

    Sender(RandomGenerator r, SimEndpoint endpoint, SctpAssociation a, int total) {
      this.r = r;
      this.endpoint = endpoint;
      this.a = a;
      this.total = total;
    }

    void pump(long now) {
      while (created < total && pending.size() < 4) {
        int stream = r.nextInt(Math.min(a.outboundStreams(), 16));
        int n = nextNumber.merge(stream, 1, Integer::sum) - 1;
        byte[] data = new byte[8 + r.nextInt(r.nextInt(10) == 0 ? 16 * 1024 : 1200)];
        ByteBuffer.wrap(data).putInt(stream).putInt(n);
        pending.add(new OutgoingMessage(stream, 0, r.nextInt(4) == 0, false, Bytes.wrap(data), 0,
            Long.MAX_VALUE));
        created++;
      }
      while (!pending.isEmpty()) {
        SendOutcome outcome = endpoint.send(now, a, pending.peek());
        if (outcome != SendOutcome.ACCEPTED) {
          assertThat(outcome).isEqualTo(SendOutcome.WOULD_BLOCK);
          break;
        }
        pending.poll();
      }
    }

    /** Now and then a request, when none is in progress. */
    void maybeReconfigure() {
      LiveOptions o = a.options();
      if (o.reconfigurationInProgress() || (requests > 0 && r.nextInt(8) != 0)) {
        return;
      }
      requests++;
      int kind = r.nextInt(20);
      if (kind < 12) {
        boolean incoming = r.nextBoolean();
        boolean outgoing = !incoming || r.nextBoolean();
        int limit = Math.min(a.outboundStreams(), a.inboundStreams());
        int[] streams = r.nextInt(3) == 0 ? new int[0]
            : r.ints(1 + r.nextInt(3), 0, limit).distinct().toArray();
        o.resetStreams(incoming, outgoing, streams);
      } else if (kind < 19) {
        o.addStreams(r.nextInt(3), 1 + r.nextInt(3));
      } else {
        o.resetAssociation();
      }
    }

    boolean done() {
      return created == total && pending.isEmpty();
    }
  }

  private void scenario(Simulator sim) {
    RandomGenerator r = sim.random("scenario");
    boolean interleaving = r.nextBoolean();
    sim.defaultProfile(LinkProfile.DEFAULT
        .withLatency(SimTime.millis(1 + r.nextInt(30)))
        .withJitter(SimTime.millis(r.nextInt(10)))
        .withLoss(r.nextDouble() * 0.15)
        .withDuplication(r.nextDouble() * 0.05));
    StackConfig config = StackConfig.builder()
        .associationMaxRetrans(30).pathMaxRetrans(30)
        .set(Sysctl.RTO_MIN, 200).set(Sysctl.RTO_INITIAL, 500)
        .set(Sysctl.RECONF_ENABLE, 1).set(Sysctl.INTL_ENABLE, interleaving ? 1 : 0).build();
    SimEndpoint client = new SimEndpoint(config, sim.random("client"), 9899, A);
    SimEndpoint server = new SimEndpoint(config, sim.random("server"), 9899, B);
    server.endpoint().listen(true);
    sim.attach("client", client);
    sim.attach("server", server);
    SctpAssociation a = client.connect(sim.now(), 9899, B);
    sim.runUntil("up", () -> server.firstAssociation() != null
        && client.hasEvent(AssociationChange.Kind.COMM_UP), SimTime.seconds(120));
    SctpAssociation b = server.firstAssociation();
    a.options().enableStreamReset(ALL_REQUESTS);
    b.options().enableStreamReset(ALL_REQUESTS);

    int messages = 150 + r.nextInt(250);
    Sender up = new Sender(sim.random("up"), client, a, messages);
    Sender down = new Sender(sim.random("down"), server, b, messages);
    long deadline = sim.now() + SimTime.seconds(3600);
    while (!(up.done() && down.done())) {
      up.pump(sim.now());
      down.pump(sim.now());
      up.maybeReconfigure();
      down.maybeReconfigure();
      sim.runFor(SimTime.millis(20));
      assertThat(sim.now()).as("virtual time to send everything").isLessThan(deadline);
      assertThat(client.hasEvent(AssociationChange.Kind.COMM_LOST)
          || server.hasEvent(AssociationChange.Kind.COMM_LOST)).as("association aborted").isFalse();
    }
    sim.runUntil("everything delivered and every request ended",
        () -> server.received(b.id()).size() >= messages && client.received(a.id()).size() >= messages
            && a.isIdle() && b.isIdle() && !a.options().reconfigurationInProgress()
            && !b.options().reconfigurationInProgress(), SimTime.seconds(1200));
    assertThat(up.requests + down.requests).isPositive();
    if (Boolean.getBoolean("soak.debug")) {
      System.out.println("i-data=" + interleaving + " requests=" + (up.requests + down.requests)
          + " stream resets=" + count(client, StreamReset.class) + "+" + count(server, StreamReset.class)
          + " association resets=" + count(client, AssociationReset.class) + "+"
          + count(server, AssociationReset.class) + " stream changes="
          + count(client, org.jsctp.api.StreamChange.class) + "+"
          + count(server, org.jsctp.api.StreamChange.class) + " streams " + a.outboundStreams() + "/"
          + a.inboundStreams() + " t=" + SimTime.formatDuration(sim.elapsed()));
    }

    verify(server, b, messages, interleaving);
    verify(client, a, messages, interleaving);
    for (SctpAssociation x : new SctpAssociation[] {a, b}) {
      assertThat(x.state()).isEqualTo(AssociationState.ESTABLISHED);
      assertThat(x.tcb().sender.queuedMessages()).isZero();
      assertThat(x.tcb().reconfig.timer.isRunning()).as("RE-CONFIG timer").isFalse();
    }
  }

  private static long count(SimEndpoint e, Class<? extends SctpEvent> type) {
    return e.events(type).size();
  }

  /** The receiving side's checks, over its events in the order they happened. */
  private static void verify(SimEndpoint receiver, SctpAssociation a, int messages,
      boolean interleaving) {
    Map<Integer, Integer> lastNumber = new HashMap<>();
    Map<Integer, Integer> lastSsn = new HashMap<>();
    BitSet resetPending = new BitSet();
    List<String> seen = new ArrayList<>();
    for (SctpEvent e : receiver.events()) {
      if (e.associationId() != a.id()) {
        continue;
      }
      if (e instanceof StreamReset s && s.incoming() && !s.denied() && !s.failed()) {
        if (s.streams().isEmpty()) {
          resetPending.clear();
          lastSsn.clear();
        } else {
          for (int stream : s.streams()) {
            resetPending.set(stream);
          }
        }
      } else if (e instanceof AssociationReset s && !s.denied() && !s.failed()) {
        resetPending.clear();
        lastSsn.clear();
      } else if (e instanceof MessageReceived m) {
        assertThat(m.complete()).isTrue();
        ByteBuffer data = ByteBuffer.wrap(m.data().toByteArray());
        int stream = data.getInt();
        int number = data.getInt();
        assertThat(stream).isEqualTo(m.streamId());
        String id = stream + "#" + number;
        assertThat(seen).as("delivered once").doesNotContain(id);
        seen.add(id);
        if (m.unordered()) {
          continue;
        }
        Integer previous = lastNumber.put(stream, number);
        assertThat(previous == null || previous < number).as("order of stream %d: %s then %s",
            stream, previous, number).isTrue();
        Integer ssn = lastSsn.get(stream);
        int expected;
        if (ssn == null || resetPending.get(stream)) {
          expected = 0;
        } else {
          expected = interleaving ? ssn + 1 : (ssn + 1) & 0xFFFF;
        }
        assertThat(m.streamSequenceNumber()).as("SSN or MID of %s", id).isEqualTo(expected);
        resetPending.clear(stream);
        lastSsn.put(stream, m.streamSequenceNumber());
      }
    }
    assertThat(seen).as("every message, none lost").hasSize(messages);
  }
}
