package org.jsctp.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.association.SctpAssociation;
import org.jsctp.association.AssociationState;
import org.jsctp.config.StackConfig;
import org.jsctp.testkit.sim.DatagramRecord;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.sim.SimulatorExtension;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.wire.AbortChunk;
import org.jsctp.wire.InitChunk;
import org.jsctp.wire.PacketBuilder;
import org.jsctp.wire.RestartWithNewEncapsulationPortCause;
import org.jsctp.wire.SctpPacket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RFC 6951 section 5.4 and draft-tuexen-tsvwg-sctp-udp-encaps-cons: how encapsulation ports are learned. */
@ExtendWith(SimulatorExtension.class)
class EncapsulationPortTest {

  static final InetAddress A = SimAddresses.v4("10.0.0.1");
  static final InetAddress B = SimAddresses.v4("10.0.0.2");

  @Test
  void anInitFromANewUdpPortForAnExistingAssociationIsRefusedWithCause14AndChangesNothing(Simulator sim) throws Exception {
    SimEndpoint client = new SimEndpoint(StackConfig.defaults(), sim.random("client"), 9899, A);
    SimEndpoint server = new SimEndpoint(StackConfig.defaults(), sim.random("server"), 9899, B);
    server.endpoint().listen(true);
    sim.attach("client", client);
    sim.attach("server", server);
    client.connect(sim.now(), 9899, B);
    sim.runUntil("up", () -> client.hasEvent(AssociationChange.Kind.COMM_UP), SimTime.seconds(5));
    SctpAssociation b = server.firstAssociation();

    PacketBuilder init = new PacketBuilder(1400);
    init.add(new InitChunk(0x1234, 65_536, 10, 10, 1, List.of()));
    sim.inject(A, 40_000, B, 9899, init.build(SimEndpoint.SCTP_PORT, SimEndpoint.SCTP_PORT, 0));
    sim.runFor(SimTime.millis(100));

    List<DatagramRecord> replies = sim.trace().where(r -> r.datagram().destinationPort() == 40_000);
    assertThat(replies).hasSize(1);
    SctpPacket reply = SctpPacket.decode(replies.get(0).datagram().packet());
    assertThat(reply.header().verificationTag()).isEqualTo(0x1234);
    AbortChunk abort = (AbortChunk) reply.chunks().get(0);
    assertThat(abort.causes()).containsExactly(new RestartWithNewEncapsulationPortCause(9899, 40_000));
    assertThat(b.state()).isEqualTo(AssociationState.ESTABLISHED);
    assertThat(b.peerUdpPort(A)).isEqualTo(9899);
  }

  @Test
  void aVerifiedPacketFromANewUdpPortMovesThePathToIt(Simulator sim) {
    SimEndpoint client = new SimEndpoint(StackConfig.defaults(), sim.random("client"), 9899, A);
    SimEndpoint server = new SimEndpoint(StackConfig.defaults(), sim.random("server"), 9899, B);
    server.endpoint().listen(true);
    sim.attach("client", client);
    sim.attach("server", server);
    SctpAssociation a = client.connect(sim.now(), 9899, B);
    sim.runUntil("up", () -> client.hasEvent(AssociationChange.Kind.COMM_UP), SimTime.seconds(5));
    SctpAssociation b = server.firstAssociation();
    // A NAT rebinds the client's port: the server learns it after the tag check.
    byte[] data = new byte[10];
    client.send(sim.now(), a, 0, data, false);
    org.jsctp.endpoint.Transmit t = client.endpoint().pollTransmit();
    server.endpoint().handleDatagram(sim.now(), B, A, 41_000, t.packet());
    assertThat(b.peerUdpPort(A)).isEqualTo(41_000);
  }
}
