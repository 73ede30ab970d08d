package org.jsctp.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.MessageReceived;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.testkit.StandbyLink;
import org.jsctp.testkit.sim.LinkProfile;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimHost;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.junit.jupiter.api.Test;

class TakeoverSmokeTest {

  static final InetAddress SERVER = SimAddresses.v4("10.0.0.1");
  static final InetAddress PEER = SimAddresses.v4("10.0.0.2");

  @Test
  void theStandbyTakesOverAndThePeerNeverNotices() {
    Simulator sim = Simulator.withSeed(1);
    sim.defaultProfile(LinkProfile.DEFAULT.withLatency(SimTime.millis(5)));
    StackConfig config = StackConfig.builder().set(Sysctl.RTO_MIN, 200).set(Sysctl.RTO_INITIAL, 500)
        .set(Sysctl.HA_MODE, 1).build();
    SimEndpoint peer = new SimEndpoint(StackConfig.builder().set(Sysctl.RTO_MIN, 200)
        .set(Sysctl.RTO_INITIAL, 500).build(), sim.random("peer"), 9899, PEER);
    SimEndpoint active = new SimEndpoint(config, sim.random("active"), 9899, SERVER);
    SimEndpoint standby = new SimEndpoint(config, sim.random("standby"), 9899, SERVER);
    active.endpoint().listen(true);
    StandbyLink link = new StandbyLink(sim, active, SimTime.millis(1));
    sim.attach("peer", peer);
    SimHost activeHost = sim.attach("active", active);
    SctpAssociation a = peer.connect(sim.now(), 9899, SERVER);
    sim.runUntil("up", () -> active.firstAssociation() != null, SimTime.seconds(10));
    SctpAssociation b = active.firstAssociation();

    for (int i = 0; i < 20; i++) {
      peer.send(sim.now(), a, i % 3, message(i), false);
      active.send(sim.now(), b, i % 3, message(1000 + i), false);
    }
    sim.runFor(SimTime.millis(12));
    sim.detach(activeHost);
    link.kill();
    sim.runFor(SimTime.millis(100));
    sim.attach("standby", standby);
    List<SctpAssociation> restored = link.takeOver(standby);
    assertThat(restored).hasSize(1);
    SctpAssociation c = restored.get(0);
    for (int i = 20; i < 40; i++) {
      peer.send(sim.now(), a, i % 3, message(i), false);
      standby.send(sim.now(), c, i % 3, message(1000 + i), false);
    }
    sim.runUntil("quiet", () -> a.isIdle() && c.isIdle(), SimTime.seconds(30));

    assertThat(peer.hasEvent(AssociationChange.Kind.COMM_LOST)).isFalse();
    assertThat(peer.hasEvent(AssociationChange.Kind.RESTART)).isFalse();
    List<Integer> atPeer = ids(peer.received(a.id()));
    assertThat(atPeer).as("server messages at the peer").doesNotHaveDuplicates();
    List<Integer> atServer = new ArrayList<>(ids(active.received(b.id())));
    atServer.addAll(ids(standby.received(c.id())));
    assertThat(atServer).as("peer messages at the server").containsAll(range(0, 40));
    System.out.println("peer got " + atPeer.size() + ", server got " + atServer.size()
        + ", records " + link.records() + ", bytes " + link.bytes());
  }

  static byte[] message(int id) {
    byte[] data = new byte[100 + id % 50];
    ByteBuffer.wrap(data).putInt(id);
    return data;
  }

  static List<Integer> ids(List<MessageReceived> messages) {
    List<Integer> ids = new ArrayList<>();
    for (MessageReceived m : messages) {
      ids.add(ByteBuffer.wrap(m.data().toByteArray()).getInt());
    }
    return ids;
  }

  static List<Integer> range(int from, int to) {
    List<Integer> list = new ArrayList<>();
    for (int i = from; i < to; i++) {
      list.add(i);
    }
    return list;
  }
}
