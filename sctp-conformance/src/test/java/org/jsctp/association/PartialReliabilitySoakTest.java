package org.jsctp.association;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.OutgoingMessage;
import org.jsctp.api.PartialDeliveryAborted;
import org.jsctp.api.PrPolicy;
import org.jsctp.api.PrStatus;
import org.jsctp.api.SctpEvent;
import org.jsctp.api.SendFailed;
import org.jsctp.api.SendOutcome;
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
 * PR-SCTP (RFC 3758, RFC 7496) over many seeds, with DATA and with I-DATA (RFC 8260): messages
 * of 1 byte to 100 KiB on several streams, ordered and unordered, each with a random policy
 * (reliable, a lifetime, a retransmission limit, a priority), over links with up to 20% loss,
 * reordering and duplication. Every message is delivered at most once and intact, or reported
 * to its sender in a SEND_FAILED carrying its data, and never neither; a message reported unsent
 * is never delivered, a reliable one always is; ordered messages that are delivered keep their
 * order on their stream; the abandoned counts of SCTP_PR_ASSOC_STATUS match the reports; the
 * association stays up and ends idle.
 *
 * <p>A message reported as sent may have been delivered as well: its last chunks reached the
 * peer while their acknowledgement did not come back before the sender gave up on it. RFC 6458
 * says as much of SCTP_DATA_SENT ("may or may not have been delivered"); no sender can know.
 * 200 seeds per variant by default; {@code -Dsim.soak.count=N} for more.
 */
class PartialReliabilitySoakTest {

  static final InetAddress A = SimAddresses.v4("10.0.0.1");
  static final InetAddress B = SimAddresses.v4("10.0.0.2");
  static final int STREAMS = 6;

  /** One planned message. */
  record Planned(int id, int stream, boolean unordered, PrPolicy policy, int value, byte[] data) {}

  @Test
  void withDataEveryMessageIsDeliveredOnceOrReportedAbandoned() {
    SeedSoak.run(SeedSoak.count(200), sim -> scenario(sim, false));
  }

  @Test
  void withIDataEveryMessageIsDeliveredOnceOrReportedAbandoned() {
    SeedSoak.run(SeedSoak.count(200), sim -> scenario(sim, true));
  }

  private void scenario(Simulator sim, boolean interleaving) {
    RandomGenerator r = sim.random("scenario");
    sim.defaultProfile(LinkProfile.DEFAULT
        .withLatency(SimTime.millis(1 + r.nextInt(40)))
        .withJitter(SimTime.millis(r.nextInt(15)))
        .withLoss(r.nextDouble() * 0.2)
        .withDuplication(r.nextDouble() * 0.05));
    StackConfig config = StackConfig.builder()
        .associationMaxRetrans(30).pathMaxRetrans(30)
        .set(Sysctl.RTO_MIN, 200).set(Sysctl.RTO_INITIAL, 500)
        .set(Sysctl.INTL_ENABLE, interleaving ? 1 : 0)
        .set(Sysctl.SNDBUF, 64 * 1024).build();
    SimEndpoint client = new SimEndpoint(config, sim.random("client"), 9899, A);
    SimEndpoint server = new SimEndpoint(config, sim.random("server"), 9899, B);
    server.endpoint().listen(true);
    sim.attach("client", client);
    sim.attach("server", server);
    SctpAssociation a = client.connect(sim.now(), 9899, B);
    sim.runUntil("up", () -> server.firstAssociation() != null
        && client.hasEvent(AssociationChange.Kind.COMM_UP), SimTime.seconds(120));
    SctpAssociation b = server.firstAssociation();
    assertThat(a.options().extensions().partialReliability()).isTrue();
    assertThat(a.options().extensions().interleaving()).isEqualTo(interleaving);

    List<Planned> plan = plan(sim.random("plan"), 20 + r.nextInt(40));
    ArrayDeque<Planned> toSend = new ArrayDeque<>(plan);
    long deadline = sim.now() + SimTime.seconds(3600);
    while (!toSend.isEmpty() || !allSettled(plan, client, server, b.id())) {
      while (!toSend.isEmpty()) {
        Planned p = toSend.peekFirst();
        long expiresAt = p.policy() == PrPolicy.TTL ? sim.now() + SimTime.millis(p.value()) : Long.MAX_VALUE;
        SendOutcome outcome = client.send(sim.now(), a, new OutgoingMessage(p.stream(), 0,
            p.unordered(), false, Bytes.wrap(p.data()), p.id(), expiresAt, p.policy(), p.value()));
        if (outcome == SendOutcome.WOULD_BLOCK) {
          break;
        }
        assertThat(outcome).isEqualTo(SendOutcome.ACCEPTED);
        toSend.pollFirst();
      }
      sim.runFor(SimTime.millis(20));
      assertThat(sim.now()).as("virtual time to settle every message").isLessThan(deadline);
      assertThat(client.hasEvent(AssociationChange.Kind.COMM_LOST)
          || server.hasEvent(AssociationChange.Kind.COMM_LOST)).as("association aborted").isFalse();
    }
    sim.runUntil("quiet", () -> a.isIdle() && b.isIdle(), SimTime.seconds(600));
    verify(plan, client.events(SendFailed.class), delivered(server.events(), b.id()),
        a.options().prStatus(-1));
  }

  private static List<Planned> plan(RandomGenerator r, int count) {
    List<Planned> plan = new ArrayList<>(count);
    for (int id = 0; id < count; id++) {
      double pick = r.nextDouble();
      PrPolicy policy;
      int value;
      if (pick < 0.25) {
        policy = PrPolicy.NONE;
        value = 0;
      } else if (pick < 0.55) {
        policy = PrPolicy.TTL;
        value = 50 + r.nextInt(3_000);
      } else if (pick < 0.85) {
        policy = PrPolicy.RTX;
        value = r.nextInt(4);
      } else {
        policy = PrPolicy.PRIO;
        value = r.nextInt(4);
      }
      int size = r.nextDouble() < 0.7 ? 4 + r.nextInt(3_000) : 4 + r.nextInt(100 * 1024);
      plan.add(new Planned(id, r.nextInt(STREAMS), r.nextDouble() < 0.3, policy, value,
          content(id, size)));
    }
    return plan;
  }

  /** The bytes of message {@code id}: the id, then a pattern that depends on it. */
  private static byte[] content(int id, int size) {
    byte[] data = new byte[size];
    ByteBuffer.wrap(data).putInt(id);
    for (int i = 4; i < size; i++) {
      data[i] = (byte) (id * 31 + i * 7);
    }
    return data;
  }

  /** Whether every message was delivered or reported. */
  private static boolean allSettled(List<Planned> plan, SimEndpoint client, SimEndpoint server, int id) {
    boolean[] settled = new boolean[plan.size()];
    for (SendFailed f : client.events(SendFailed.class)) {
      settled[(int) f.context()] = true;
    }
    for (byte[] m : delivered(server.events(), id)) {
      settled[ByteBuffer.wrap(m).getInt()] = true;
    }
    for (boolean s : settled) {
      if (!s) {
        return false;
      }
    }
    return true;
  }

  /**
   * The messages delivered, joined from their pieces per stream and kind; a partial delivery the
   * peer abandoned (PartialDeliveryAborted) drops its pieces.
   */
  private static List<byte[]> delivered(List<SctpEvent> events, int associationId) {
    List<byte[]> out = new ArrayList<>();
    Map<Integer, ByteArrayOutputStream> partial = new HashMap<>();
    for (SctpEvent e : events) {
      if (e instanceof PartialDeliveryAborted aborted && aborted.associationId() == associationId) {
        assertThat(partial.remove(aborted.streamId() << 1 | (aborted.unordered() ? 1 : 0)))
            .as("an aborted partial delivery had begun").isNotNull();
      } else if (e instanceof MessageReceived m && m.associationId() == associationId) {
        int key = m.streamId() << 1 | (m.unordered() ? 1 : 0);
        ByteArrayOutputStream pieces = partial.computeIfAbsent(key, k -> new ByteArrayOutputStream());
        pieces.writeBytes(m.data().toByteArray());
        if (m.complete()) {
          out.add(partial.remove(key).toByteArray());
        }
      }
    }
    return out;
  }

  private static void verify(List<Planned> plan, List<SendFailed> failures, List<byte[]> delivered,
      PrStatus status) {
    int[] deliveries = new int[plan.size()];
    Map<Integer, List<Integer>> orderedByStream = new HashMap<>();
    for (byte[] m : delivered) {
      int id = ByteBuffer.wrap(m).getInt();
      Planned p = plan.get(id);
      assertThat(m).as("message %d intact", id).isEqualTo(p.data());
      deliveries[id]++;
      if (!p.unordered()) {
        orderedByStream.computeIfAbsent(p.stream(), s -> new ArrayList<>()).add(id);
      }
    }
    SendFailed[] reports = new SendFailed[plan.size()];
    for (SendFailed f : failures) {
      int id = (int) f.context();
      assertThat(reports[id]).as("message %d reported once", id).isNull();
      reports[id] = f;
      assertThat(f.data().toByteArray()).as("message %d reported with its data", id)
          .isEqualTo(plan.get(id).data());
    }
    long sent = 0;
    long unsent = 0;
    for (Planned p : plan) {
      int id = p.id();
      assertThat(deliveries[id]).as("message %d delivered at most once", id).isLessThanOrEqualTo(1);
      assertThat(deliveries[id] == 1 || reports[id] != null)
          .as("message %d (%s %d) delivered or reported", id, p.policy(), p.value()).isTrue();
      if (p.policy() == PrPolicy.NONE) {
        assertThat(reports[id]).as("reliable message %d never abandoned", id).isNull();
      }
      if (reports[id] != null && !reports[id].sent()) {
        assertThat(deliveries[id]).as("message %d abandoned unsent yet delivered", id).isZero();
        unsent++;
      } else if (reports[id] != null) {
        sent++;
      }
    }
    for (Map.Entry<Integer, List<Integer>> e : orderedByStream.entrySet()) {
      assertThat(e.getValue()).as("ordered messages delivered on stream %d", e.getKey()).isSorted();
    }
    assertThat(status).as("SCTP_PR_ASSOC_STATUS").isEqualTo(new PrStatus(unsent, sent));
    if (Boolean.getBoolean("soak.debug")) {
      int both = 0;
      for (Planned p : plan) {
        both += deliveries[p.id()] == 1 && reports[p.id()] != null ? 1 : 0;
      }
      System.out.printf("messages %d delivered %d abandoned sent %d unsent %d both %d%n",
          plan.size(), delivered.size(), sent, unsent, both);
    }
  }
}
