package org.jsctp.association;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.AuthenticationEvent;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.SendOutcome;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.testkit.sim.LinkProfile;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.sim.SimulatorExtension;
import org.jsctp.wire.ChunkType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * AUTH (RFC 4895) between two jsctp endpoints in the simulator: user data and SACKs travel
 * authenticated over lossy, reordering links while the keys are rotated mid-flow as RFC 6458
 * section 8.3 describes (a new key set on both sides, activated by each, the old one deactivated
 * and deleted), and nothing is lost.
 */
@ExtendWith(SimulatorExtension.class)
class AuthenticationScenariosTest {

  static final InetAddress A = SimAddresses.v4("10.0.0.1");
  static final InetAddress B = SimAddresses.v4("10.0.0.2");
  static final int MESSAGES = 400;

  private static SimEndpoint endpoint(Simulator sim, String name, InetAddress address) {
    StackConfig config = StackConfig.builder().set(Sysctl.AUTH_ENABLE, 1).build();
    SimEndpoint e = new SimEndpoint(config, sim.random(name), 9899, address);
    AuthOptions auth = e.endpoint().defaultOptions().auth();
    auth.addChunk(ChunkType.DATA);
    auth.addChunk(ChunkType.SACK);
    auth.keys().set(1, "first shared key".getBytes(StandardCharsets.US_ASCII));
    auth.keys().activate(1);
    return e;
  }

  private static byte[] message(int i) {
    byte[] m = new byte[100 + (i * 37) % 2000];
    m[0] = (byte) i;
    m[1] = (byte) (i >> 8);
    return m;
  }

  @Test
  void dataFlowsAuthenticatedThroughLossWhileKeysAreRotated(Simulator sim) {
    sim.defaultProfile(LinkProfile.DEFAULT.withLoss(0.05).withJitter(SimTime.millis(3)));
    SimEndpoint client = endpoint(sim, "client", A);
    SimEndpoint server = endpoint(sim, "server", B);
    server.endpoint().listen(true);
    sim.attach("client", client);
    sim.attach("server", server);
    SctpAssociation a = client.connect(sim.now(), 9899, B);
    sim.runUntil("up", () -> client.hasEvent(AssociationChange.Kind.COMM_UP)
        && server.firstAssociation() != null, SimTime.seconds(30));
    SctpAssociation b = server.firstAssociation();
    assertThat(a.options().auth().negotiated()).isTrue();
    assertThat(b.options().auth().negotiated()).isTrue();
    assertThat(a.options().auth().peerChunks()).contains(ChunkType.DATA, ChunkType.SACK);

    List<Integer> sent = new ArrayList<>();
    int next = 0;
    long deadline = sim.now() + SimTime.seconds(600);
    while (server.received(b.id()).size() < MESSAGES && sim.now() < deadline) {
      while (next < MESSAGES && a.bufferedAmount() < 64 * 1024) {
        assertThat(client.send(sim.now(), a, next % 4, message(next), false))
            .isEqualTo(SendOutcome.ACCEPTED);
        sent.add(next++);
      }
      int delivered = server.received(b.id()).size();
      if (delivered >= MESSAGES / 4 && b.options().auth().keyNumbers().size() == 2) {
        byte[] second = "second shared key".getBytes(StandardCharsets.US_ASCII);
        a.options().auth().setKey(2, second);
        b.options().auth().setKey(2, second);
        a.options().auth().setActiveKey(2);
      }
      if (delivered >= MESSAGES / 2 && b.options().auth().activeKey() == 1) {
        b.options().auth().setActiveKey(2);
        a.options().auth().deactivateKey(1);
        b.options().auth().deactivateKey(1);
      }
      if (delivered >= 3 * MESSAGES / 4 && a.options().auth().keyNumbers().contains(1)) {
        a.options().auth().deleteKey(1);
        b.options().auth().deleteKey(1);
      }
      sim.runFor(SimTime.millis(20));
    }

    List<MessageReceived> got = server.received(b.id());
    assertThat(got).hasSize(MESSAGES);
    int[] lastPerStream = {-1, -1, -1, -1};
    for (MessageReceived m : got) {
      byte[] d = m.data().toByteArray();
      int i = (d[0] & 0xFF) | (d[1] & 0xFF) << 8;
      assertThat(d).isEqualTo(message(i));
      assertThat(i).as("order on stream %d", m.streamId()).isGreaterThan(lastPerStream[m.streamId()]);
      lastPerStream[m.streamId()] = i;
    }
    assertThat(client.hasEvent(AssociationChange.Kind.COMM_LOST)).isFalse();
    assertThat(server.hasEvent(AssociationChange.Kind.COMM_LOST)).isFalse();
    // Each change of the key on the peer's packets is announced, and under the link's jitter a
    // packet authenticated with key 1 can arrive after the first one with key 2 (1, 2, 1, 2).
    for (SimEndpoint e : List.of(server, client)) {
      assertThat(newKeys(e).stream().distinct()).containsExactly(1, 2);
      assertThat(newKeys(e)).last().isEqualTo(2);
    }
    assertThat(client.events(AuthenticationEvent.class)).anyMatch(e -> e.indication()
        == AuthenticationEvent.Indication.FREE_KEY && e.keyNumber() == 1);
    assertThat(a.options().auth().keyNumbers()).containsExactly(0, 2);
    assertThat(b.counters().get(MibCounter.SCTP_IN_AUTH_CHUNKS)).isPositive();
    assertThat(a.counters().get(MibCounter.SCTP_IN_AUTH_CHUNKS)).isPositive();
    assertThat(b.counters().get(MibCounter.SCTP_IN_AUTH_BAD_HMACS)).isZero();
    assertThat(b.counters().get(MibCounter.SCTP_IN_AUTH_MISSING)).isZero();
    System.out.printf("seed %d: %d messages, server took %d AUTH chunks, dropped %d with a"
            + " deleted key; client took %d%n", sim.seed(), MESSAGES,
        b.counters().get(MibCounter.SCTP_IN_AUTH_CHUNKS),
        b.counters().get(MibCounter.SCTP_IN_AUTH_UNKNOWN_KEYS),
        a.counters().get(MibCounter.SCTP_IN_AUTH_CHUNKS));
  }

  private static List<Integer> newKeys(SimEndpoint e) {
    List<Integer> keys = new ArrayList<>();
    for (AuthenticationEvent ev : e.events(AuthenticationEvent.class)) {
      if (ev.indication() == AuthenticationEvent.Indication.NEW_KEY) {
        keys.add(ev.keyNumber());
      }
    }
    return keys;
  }
}
