package org.jsctp.association;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.jsctp.api.AssociationChange;
import org.jsctp.config.StackConfig;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.sim.SimulatorExtension;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.api.SendOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorExtension.class)
class BasicTransferTest {

  static final InetAddress A = SimAddresses.v4("10.0.0.1");
  static final InetAddress B = SimAddresses.v4("10.0.0.2");

  @Test
  void establishesTransfersAndShutsDownGracefully(Simulator sim) {
    SimEndpoint client = new SimEndpoint(StackConfig.defaults(), sim.random("client"), 9899, A);
    SimEndpoint server = new SimEndpoint(StackConfig.defaults(), sim.random("server"), 9899, B);
    server.endpoint().listen(true);
    sim.attach("client", client);
    sim.attach("server", server);
    SctpAssociation a = client.connect(sim.now(), 9899, B);
    sim.runUntil("up", () -> client.hasEvent(AssociationChange.Kind.COMM_UP), SimTime.seconds(5));
    for (int i = 0; i < 10; i++) {
      assertThat(client.send(sim.now(), a, 0, ("hello " + i).getBytes(), false)).isEqualTo(SendOutcome.ACCEPTED);
    }
    SctpAssociation b = server.firstAssociation();
    assertThat(b).isNotNull();
    sim.runUntil("delivered", () -> server.received(b.id()).size() == 10, SimTime.seconds(5));
    assertThat(new String(server.received(b.id()).get(9).data().toByteArray())).isEqualTo("hello 9");
    a.shutdown(sim.now());
    sim.runUntil("closed", () -> client.hasEvent(AssociationChange.Kind.SHUTDOWN_COMP)
        && server.hasEvent(AssociationChange.Kind.SHUTDOWN_COMP), SimTime.seconds(5));
    assertThat(client.endpoint().associations()).isEmpty();
    assertThat(server.endpoint().associations()).isEmpty();
  }
}
