package org.jsctp.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.jsctp.api.AssociationChange;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.sim.SimulatorExtension;
import org.jsctp.testkit.SimEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class LocalAddressChangeTest {

  static final InetAddress A = SimAddresses.v4("10.0.0.1");
  static final InetAddress B1 = SimAddresses.v4("10.0.1.1");
  static final InetAddress B2 = SimAddresses.v4("10.0.1.2");

  @Test
  void listsAnAddressAddedBeforeTheAssociationInItsInitAck(Simulator sim) {
    SimEndpoint client = new SimEndpoint(StackConfig.defaults(), sim.random("client"), 9899, A);
    SimEndpoint server = new SimEndpoint(StackConfig.defaults(), sim.random("server"), 9899, B1);
    assertThat(server.endpoint().addLocalAddress(B2)).isTrue();
    assertThat(server.endpoint().addLocalAddress(B2)).isFalse();
    assertThat(server.endpoint().localAddresses()).containsExactly(B1, B2);
    server.endpoint().listen(true);
    sim.attach("client", client);
    sim.attach("server", server);

    SctpAssociation a = client.connect(sim.now(), 9899, B1);
    sim.runUntil("up", () -> client.hasEvent(AssociationChange.Kind.COMM_UP), SimTime.seconds(5));

    assertThat(a.peerAddresses()).containsExactlyInAnyOrder(B1, B2);
  }

  @Test
  void refusesToRemoveAnAddressWhileAssociationsExist(Simulator sim) {
    SimEndpoint client = new SimEndpoint(StackConfig.defaults(), sim.random("client"), 9899, A);
    SimEndpoint server =
        new SimEndpoint(StackConfig.defaults(), sim.random("server"), 9899, B1, B2);
    server.endpoint().listen(true);
    sim.attach("client", client);
    sim.attach("server", server);
    client.connect(sim.now(), 9899, B1);
    sim.runUntil("up", () -> client.hasEvent(AssociationChange.Kind.COMM_UP), SimTime.seconds(5));

    assertThatThrownBy(() -> server.endpoint().removeLocalAddress(B2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ADD-IP");
    assertThat(server.endpoint().localAddresses()).containsExactly(B1, B2);
  }

  @Test
  void removesAnAddressWhenNoAssociationExistsButNeverTheLastOne(Simulator sim) {
    SimEndpoint server =
        new SimEndpoint(StackConfig.defaults(), sim.random("server"), 9899, B1, B2);

    assertThat(server.endpoint().removeLocalAddress(B2)).isTrue();
    assertThat(server.endpoint().removeLocalAddress(B2)).isFalse();
    assertThat(server.endpoint().localAddresses()).containsExactly(B1);
    assertThatThrownBy(() -> server.endpoint().removeLocalAddress(B1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("last local address");
  }
}
