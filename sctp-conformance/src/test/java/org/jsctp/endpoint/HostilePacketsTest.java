package org.jsctp.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jsctp.api.AssociationChange;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.testkit.sim.SimAddresses;
import org.jsctp.testkit.sim.SimDatagram;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.wire.Crc32c;
import org.junit.jupiter.api.Test;

/**
 * Bad input never crashes the endpoint or corrupts another association: real packets of a
 * session, mutated at random (bytes flipped, lengths rewritten, truncated, chunks spliced) and
 * sent with a correct checksum and the right verification tag, are handled without a single
 * internal error, and a second association on the same endpoint keeps working throughout.
 */
class HostilePacketsTest {

  static final InetAddress A = SimAddresses.v4("10.0.0.1");
  static final InetAddress B = SimAddresses.v4("10.0.0.2");
  static final InetAddress C = SimAddresses.v4("10.0.0.3");

  @Test
  void mutatedPacketsCauseNoInternalErrorAndLeaveOtherAssociationsAlone() {
    Simulator sim = Simulator.withSeed(11);
    SimEndpoint victim = new SimEndpoint(StackConfig.defaults(), sim.random("victim"), 9899, B);
    SimEndpoint attacker = new SimEndpoint(StackConfig.defaults(), sim.random("attacker"), 9899, A);
    SimEndpoint bystander = new SimEndpoint(StackConfig.defaults(), sim.random("bystander"), 9899, C);
    victim.endpoint().listen(true);
    sim.attach("victim", victim);
    sim.attach("attacker", attacker);
    sim.attach("bystander", bystander);
    SctpAssociation hostile = attacker.connect(sim.now(), 9899, B);
    SctpAssociation good = bystander.connect(sim.now(), 9899, B);
    sim.runUntil("up", () -> attacker.hasEvent(AssociationChange.Kind.COMM_UP)
        && bystander.hasEvent(AssociationChange.Kind.COMM_UP), SimTime.seconds(5));
    for (int i = 0; i < 50; i++) {
      attacker.send(sim.now(), hostile, i % 5, new byte[1 + (i * 97) % 3000], i % 3 == 0);
      sim.runFor(SimTime.millis(20));
    }
    List<byte[]> samples = new ArrayList<>();
    for (SimDatagram d : sim.trace().sent()) {
      if (d.source().equals(A)) {
        samples.add(d.packet());
      }
    }
    SplittableRandom r = new SplittableRandom(5);
    int goodSent = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] p = mutate(samples.get(r.nextInt(samples.size())), samples.get(r.nextInt(samples.size())), r);
      victim.endpoint().handleDatagram(sim.now(), B, A, 9899, p);
      if (i % 500 == 0) {
        bystander.send(sim.now(), good, 0, new byte[] {(byte) i}, false);
        goodSent++;
        sim.runFor(SimTime.millis(50));
      }
    }
    sim.runFor(SimTime.seconds(5));
    assertThat(victim.endpoint().counters().get(MibCounter.SCTP_INTERNAL_ERRORS)).isZero();
    SctpAssociation goodOnVictim = victim.endpoint().associations().stream()
        .filter(x -> x.peerAddresses().contains(C)).findFirst().orElseThrow();
    assertThat(victim.received(goodOnVictim.id())).hasSize(goodSent);
  }

  static byte[] mutate(byte[] base, byte[] other, SplittableRandom r) {
    byte[] p = base.clone();
    switch (r.nextInt(6)) {
      case 0 -> {
        for (int k = 0; k < 1 + r.nextInt(4); k++) {
          int i = 12 + r.nextInt(Math.max(1, p.length - 12));
          if (i < p.length) {
            p[i] ^= (byte) (1 << r.nextInt(8));
          }
        }
      }
      case 1 -> {
        int at = 12 + 2;
        if (p.length > at + 1) {
          int v = r.nextInt(0x10000);
          p[at] = (byte) (v >> 8);
          p[at + 1] = (byte) v;
        }
      }
      case 2 -> p = java.util.Arrays.copyOf(p, 12 + r.nextInt(Math.max(1, p.length - 11)));
      case 3 -> {
        byte[] joined = new byte[p.length + other.length - 12];
        System.arraycopy(p, 0, joined, 0, p.length);
        System.arraycopy(other, 12, joined, p.length, other.length - 12);
        p = joined;
      }
      case 4 -> {
        if (p.length > 12) {
          p[12] = (byte) r.nextInt(256);
        }
      }
      default -> {
        for (int i = 16; i + 4 <= p.length; i += 4 + r.nextInt(16)) {
          p[i] = (byte) r.nextInt(256);
        }
      }
    }
    Crc32c.write(p, 0, p.length);
    return p;
  }
}
