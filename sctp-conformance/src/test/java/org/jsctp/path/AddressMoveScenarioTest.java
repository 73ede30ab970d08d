package org.jsctp.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.PeerAddressChange;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.testkit.sim.LinkProfile;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimHost;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.sim.SimulatorExtension;
import org.jsctp.wire.ChunkType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Moving a live association from one local address to a new one with ADD-IP (RFC 5061), in
 * virtual time, while numbered messages stream both ways every 10 ms: the mover's host gets a new
 * address and binds it (Add IP Address), waits for the peer to confirm it, asks the peer to make
 * it its primary (Set Primary Address), unbinds the old one (Delete IP Address) and, once no
 * association uses it, loses it. Nothing may be lost, duplicated or reordered, and the
 * association must never fail. Once with AUTH, the others with {@code addip_noauth_enable}.
 */
@ExtendWith(SimulatorExtension.class)
class AddressMoveScenarioTest {

  static final long MS = SimTime.millis(1);
  static final long S = SimTime.seconds(1);
  static final InetAddress OLD = SimAddresses.v4("10.0.0.1");
  static final InetAddress NEW = SimAddresses.v4("10.0.2.1");
  static final InetAddress SERVER = SimAddresses.v4("10.0.1.1");

  /** ADD-IP without AUTH (addip_noauth_enable). */
  private static StackConfig addIp() {
    return StackConfig.builder().set(Sysctl.ADDIP_ENABLE, 1).set(Sysctl.ADDIP_NOAUTH_ENABLE, 1)
        .build();
  }

  /** ADD-IP with AUTH, as RFC 5061 section 4.1.1 asks. */
  private static StackConfig addIpWithAuth() {
    return StackConfig.builder().set(Sysctl.ADDIP_ENABLE, 1).set(Sysctl.AUTH_ENABLE, 1).build();
  }

  /** Sends message {@code n} of a numbered stream and schedules the next, up to {@code count}. */
  private static void stream(Simulator sim, SimEndpoint from, SctpAssociation a, int n, int count) {
    byte[] data = ByteBuffer.allocate(200).putInt(n).array();
    from.send(sim.now(), a, 0, data, false);
    if (n + 1 < count) {
      sim.after(10 * MS, () -> stream(sim, from, a, n + 1, count));
    }
  }

  private static List<Integer> numbers(List<MessageReceived> received) {
    List<Integer> list = new ArrayList<>();
    for (MessageReceived m : received) {
      list.add(m.data().asReadOnlyByteBuffer().getInt());
    }
    return list;
  }

  private static boolean hasChange(SimEndpoint e, InetAddress address, PeerAddressChange.Kind kind) {
    return e.events(PeerAddressChange.class).stream()
        .anyMatch(c -> c.address().equals(address) && c.kind() == kind);
  }

  @Test
  void movesTheAssociationToANewAddressWithoutLosingAMessageWhileDataStreamsBothWays(Simulator sim) {
    move(sim, LinkProfile.DEFAULT.withLatency(5 * MS), true);
  }

  @Test
  void movesTheAssociationWithoutLosingAMessageWhenTheLinksLoseAndReorderPackets(Simulator sim) {
    move(sim, LinkProfile.DEFAULT.withLatency(5 * MS).withJitter(2 * MS).withLoss(0.03), true);
  }

  @Test
  void movesTheAssociationWithThreeCallsInARowWithoutWaitingForThePeer(Simulator sim) {
    move(sim, LinkProfile.DEFAULT.withLatency(5 * MS).withJitter(2 * MS).withLoss(0.03), false);
  }

  @Test
  void movesTheAssociationWithAuthenticatedAsconfs(Simulator sim) {
    SctpAssociation a = move(sim, addIpWithAuth(),
        LinkProfile.DEFAULT.withLatency(5 * MS).withJitter(2 * MS).withLoss(0.03), false);
    assertThat(a.options().auth().negotiated()).isTrue();
    assertThat(a.requiresAuthentication(ChunkType.ASCONF)).isTrue();
  }

  /** The move without AUTH. */
  private static void move(Simulator sim, LinkProfile links, boolean stepwise) {
    move(sim, addIp(), links, stepwise);
  }

  /**
   * The move, both stacks with {@code config}; {@code stepwise} waits after each step for the
   * peer to have done it, else the three calls follow each other at once (the deletion then waits
   * for the addition's answer). Returns the mover's association.
   */
  private static SctpAssociation move(Simulator sim, StackConfig config, LinkProfile links,
      boolean stepwise) {
    sim.defaultProfile(links);
    SimEndpoint mover = new SimEndpoint(config, sim.random("mover"), 9899, OLD);
    SimEndpoint server = new SimEndpoint(config, sim.random("server"), 9899, SERVER);
    server.endpoint().listen(true);
    SimHost moverHost = sim.attach("mover", mover);
    sim.attach("server", server);
    SctpAssociation a = mover.connect(sim.now(), 9899, SERVER);
    sim.runUntil("up", () -> server.firstAssociation() != null, 30 * S);
    SctpAssociation b = server.firstAssociation();
    assertThat(a.options().extensions().addressReconfiguration()).isTrue();
    int count = 800;
    stream(sim, mover, a, 0, count);
    stream(sim, server, b, 0, count);
    sim.runFor(2 * S);

    // The new interface comes up and the application binds it: Add IP Address.
    sim.bindAddress(moverHost, NEW);
    mover.endpoint().addLocalAddress(sim.now(), NEW);
    sim.pollStacks();
    if (stepwise) {
      sim.runUntil("new address confirmed by the peer",
          () -> hasChange(server, NEW, PeerAddressChange.Kind.ADDR_CONFIRMED), 10 * S);
    }

    // The peer is to send to it: Set Primary Address.
    a.options().setPeerPrimaryAddress(NEW);
    sim.pollStacks();
    if (stepwise) {
      sim.runUntil("new address made primary by the peer",
          () -> hasChange(server, NEW, PeerAddressChange.Kind.ADDR_MADE_PRIM), 10 * S);
    }

    // The old interface is to go: Delete IP Address, then the interface goes once unused.
    assertThat(mover.endpoint().removeLocalAddress(sim.now(), OLD)).isTrue();
    sim.pollStacks();
    sim.runUntil("the peer deleted the old address",
        () -> !mover.endpoint().usesLocalAddress(OLD), 10 * S);
    long oldGone = sim.now();
    sim.unbindAddress(moverHost, OLD);

    sim.runUntil("every message delivered both ways",
        () -> server.received(b.id()).size() == count && mover.received(a.id()).size() == count,
        60 * S);
    sim.runUntil("the peer made the new address its primary",
        () -> hasChange(server, NEW, PeerAddressChange.Kind.ADDR_MADE_PRIM), 10 * S);

    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      expected.add(i);
    }
    assertThat(numbers(server.received(b.id()))).as("mover to server").isEqualTo(expected);
    assertThat(numbers(mover.received(a.id()))).as("server to mover").isEqualTo(expected);
    assertThat(mover.hasEvent(AssociationChange.Kind.COMM_LOST)).isFalse();
    assertThat(server.hasEvent(AssociationChange.Kind.COMM_LOST)).isFalse();
    assertThat(b.peerAddresses()).containsExactly(NEW);
    assertThat(b.options().peerAddressInfo(NEW).state().isConfirmed()).isTrue();
    assertThat(a.localAddresses()).containsExactly(NEW);
    assertThat(hasChange(server, OLD, PeerAddressChange.Kind.ADDR_REMOVED)).isTrue();
    // The peer deleted the old address before it answered: from then on nothing goes to or
    // from it (a SACK or a retransmission for data that came from it before goes elsewhere).
    assertThat(sim.trace().records()).filteredOn(r -> r.datagram().sentAtNanos() > oldGone)
        .noneMatch(r -> r.datagram().source().equals(OLD) || r.datagram().destination().equals(OLD));
    return a;
  }
}
