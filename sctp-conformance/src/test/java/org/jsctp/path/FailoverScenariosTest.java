package org.jsctp.path;

import org.jsctp.wire.ChunkType;
import org.jsctp.api.PathState;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsctp.api.AssociationChange;
import org.jsctp.api.PeerAddressChange;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.testkit.sim.LinkProfile;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.sim.SimulatorExtension;
import org.jsctp.testkit.FailoverRun;
import org.jsctp.testkit.MultihomedPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Quick failover (RFC 7829) against plain RFC 9260 path failure detection, in virtual time with
 * two and three paths. Path 1 is the primary; a blackhole is silent (no ICMP, nothing).
 * Defaults: RTO.Min = RTO.Initial = 1 s, Path.Max.Retrans 5, Association.Max.Retrans 10.
 * A message goes every 50 ms; the first T3 runs from the oldest unacknowledged chunk, which can
 * be up to two messages older than the blackhole, hence windows that open 100 ms early.
 */
@ExtendWith(SimulatorExtension.class)
class FailoverScenariosTest {

  static final long S = SimTime.seconds(1);
  static final long MS = SimTime.millis(1);

  private static StackConfig pf(int pfRetrans) {
    return StackConfig.builder().pfRetrans(pfRetrans).build();
  }

  private static FailoverRun warmStream(MultihomedPair pair) {
    FailoverRun run = new FailoverRun(pair, 50 * MS, 200);
    run.runUntil(pair.sim.now() + 2 * S);
    return run;
  }

  private static FailoverRun.Transition first(List<FailoverRun.Transition> list, PathState to) {
    return list.stream().filter(t -> t.to() == to).findFirst().orElseThrow(
        () -> new AssertionError("no transition to " + to + " in " + list));
  }

  @Test
  void primaryBlackholedWithPfRetransZeroMovesNewDataAfterTheFirstT3ProbesEveryRtoAndComesBack(Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, pf(0), pf(0), 2);
    FailoverRun run = warmStream(pair);
    long t0 = sim.now();
    pair.blackhole(1, true);
    run.runUntil(t0 + 12 * S);
    long heal = sim.now();
    pair.blackhole(1, false);
    run.runUntil(heal + 20 * S);

    FailoverRun.Transition toPf = first(run.transitions(1), PathState.POTENTIALLY_FAILED);
    assertThat(toPf.at() - t0).as("PF after the first T3 expiry (one RTO)").isBetween(900 * MS, 1500 * MS);
    assertThat(run.dataSentOnPath(2, t0)).as("data moved to path 2").isNotEmpty();
    assertThat(run.dataSentOnPath(2, t0).get(0) - toPf.at()).isLessThan(50 * MS);

    List<Long> probes = run.heartbeatsSentOn(1, toPf.at() - 20 * MS);
    probes.removeIf(t -> t > heal);
    assertThat(probes.size()).as("heartbeats to the PF primary").isGreaterThanOrEqualTo(3);
    for (int i = 2; i < probes.size(); i++) {
      long before = probes.get(i - 1) - probes.get(i - 2);
      long gap = probes.get(i) - probes.get(i - 1);
      assertThat(gap).as("probe interval doubles with the RTO").isBetween(before * 19 / 10, before * 21 / 10);
    }
    assertThat(run.transitions(1)).noneMatch(t -> t.to() == PathState.INACTIVE);

    FailoverRun.Transition back = first(run.transitions(1), PathState.ACTIVE);
    assertThat(back.at()).isGreaterThan(heal);
    assertThat(run.deliveredOn(1, ChunkType.DATA, back.at())).as("primary carries data again").isTrue();
    assertThat(run.maxDeliveryGap(t0)).as("delivery gap about one RTO").isBetween(900 * MS, 1600 * MS);
    assertThat(run.delivered()).isEqualTo(run.sent() - inFlightAllowance(run));
    assertThat(pair.client.hasEvent(AssociationChange.Kind.COMM_LOST)).isFalse();
  }

  private static int inFlightAllowance(FailoverRun run) {
    return run.sent() - run.delivered() <= 2 ? run.sent() - run.delivered() : 0;
  }

  @Test
  void pfRetransOneMovesNewDataAfterTheSecondT3Expiry(Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, pf(1), pf(1), 2);
    FailoverRun run = warmStream(pair);
    long t0 = sim.now();
    pair.blackhole(1, true);
    run.runUntil(t0 + 10 * S);
    FailoverRun.Transition toPf = first(run.transitions(1), PathState.POTENTIALLY_FAILED);
    // T3 at 1 s, then the backed-off 2 s: the second expiry at about 3 s.
    assertThat(toPf.at() - t0).isBetween(2900 * MS, 3500 * MS);
    // The first expiry already sends its retransmissions to path 2, but new data keeps going to
    // the still ACTIVE primary until the second: the longest gap is the backed-off RTO, 2 s.
    assertThat(run.maxDeliveryGap(t0)).isBetween(1900 * MS, 2500 * MS);
  }

  @Test
  void pfRetransTwoMovesNewDataAfterTheThirdT3Expiry(Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, pf(2), pf(2), 2);
    FailoverRun run = warmStream(pair);
    long t0 = sim.now();
    pair.blackhole(1, true);
    run.runUntil(t0 + 15 * S);
    FailoverRun.Transition toPf = first(run.transitions(1), PathState.POTENTIALLY_FAILED);
    assertThat(toPf.at() - t0).isBetween(6900 * MS, 7500 * MS);
  }

  @Test
  void withPfDisabledDataKeepsGoingToThePrimaryUntilItIsInactive(Simulator sim) {
    StackConfig plain = StackConfig.builder().set(Sysctl.PF_ENABLE, 0).build();
    MultihomedPair pair = new MultihomedPair(sim, plain, plain, 2);
    FailoverRun run = warmStream(pair);
    long t0 = sim.now();
    pair.blackhole(1, true);
    run.runUntil(t0 + 80 * S);
    assertThat(run.transitions(1)).noneMatch(t -> t.to() == PathState.POTENTIALLY_FAILED);
    FailoverRun.Transition inactive = first(run.transitions(1), PathState.INACTIVE);
    // Six T3 expiries, 1 + 2 + 4 + 8 + 16 + 32 s, before Path.Max.Retrans (5) is exceeded.
    assertThat(inactive.at() - t0).isBetween(62900 * MS, 64 * S);
    assertThat(run.dataSentOnPath(1, t0 + 20 * S).stream().filter(t -> t < inactive.at()))
        .as("new data still tried on the dead primary").isNotEmpty();
    assertThat(run.maxDeliveryGap(t0)).as("plain RFC failover is slow").isGreaterThan(15 * S);
    assertThat(pair.client.hasEvent(AssociationChange.Kind.COMM_LOST)).isFalse();
  }

  @Test
  void aOneWayFailureLosingOnlyHeartbeatAcksFailsThatPathButNotTheAssociation(Simulator sim) {
    StackConfig fastHb = StackConfig.builder().hbIntervalMillis(2000).build();
    MultihomedPair pair = new MultihomedPair(sim, fastHb, fastHb, 2);
    FailoverRun run = warmStream(pair);
    long t0 = sim.now();
    sim.link(pair.serverAddress(2), pair.clientAddress(2)).dropAll(ChunkType.HEARTBEAT_ACK);
    run.runUntil(t0 + 180 * S);
    first(run.transitions(2), PathState.POTENTIALLY_FAILED);
    first(run.transitions(2), PathState.INACTIVE);
    assertThat(run.transitions(1)).isEmpty();
    assertThat(pair.a.errorCount()).as("heartbeats lost on an idle path do not count for the association").isZero();
    assertThat(pair.client.hasEvent(AssociationChange.Kind.COMM_LOST)).isFalse();
    assertThat(run.maxDeliveryGap(t0)).isLessThan(S);
  }

  @Test
  void whenEveryPathIsPotentiallyFailedDataGoesOnAndNothingAborts(Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, pf(0), pf(0), 2);
    FailoverRun run = warmStream(pair);
    long t0 = sim.now();
    pair.blackhole(1, true);
    pair.blackhole(2, true);
    run.runUntil(t0 + 6 * S);
    assertThat(pair.clientPathState(1)).isEqualTo(PathState.POTENTIALLY_FAILED);
    assertThat(pair.clientPathState(2)).isEqualTo(PathState.POTENTIALLY_FAILED);
    pair.blackhole(1, false);
    pair.blackhole(2, false);
    run.runUntil(sim.now() + 30 * S);
    assertThat(pair.client.hasEvent(AssociationChange.Kind.COMM_LOST)).isFalse();
    assertThat(pair.clientPathState(1)).isEqualTo(PathState.ACTIVE);
    assertThat(run.sent() - run.delivered()).isLessThanOrEqualTo(2);
  }

  @Test
  void withEveryPathInactiveTheAssociationStaysDormantUntilAssociationMaxRetrans(Simulator sim) {
    StackConfig config = StackConfig.builder().pathMaxRetrans(1).associationMaxRetrans(8)
        .set(Sysctl.RTO_MAX, 4000).build();
    MultihomedPair pair = new MultihomedPair(sim, config, config, 2);
    FailoverRun run = warmStream(pair);
    long t0 = sim.now();
    pair.blackhole(1, true);
    pair.blackhole(2, true);
    run.runUntil(t0 + 12 * S);
    assertThat(pair.clientPathState(1)).isEqualTo(PathState.INACTIVE);
    assertThat(pair.clientPathState(2)).isEqualTo(PathState.INACTIVE);
    assertThat(pair.client.hasEvent(AssociationChange.Kind.COMM_LOST)).as("dormant, not lost").isFalse();
    assertThat(run.dataSentOnPath(1, t0 + 6 * S).size() + run.dataSentOnPath(2, t0 + 6 * S).size())
        .as("still sending while dormant").isPositive();
    int errors = pair.a.errorCount();
    assertThat(errors).isLessThanOrEqualTo(8);
    run.runUntil(t0 + 120 * S);
    assertThat(pair.client.hasEvent(AssociationChange.Kind.COMM_LOST)).as("lost after AMR").isTrue();
    assertThat(pair.a.errorCount()).isGreaterThan(8);
  }

  @Test
  void aLatencySpikeOfTwiceTheRtoOnThePrimaryCausesNoInactivePath(Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, pf(0), pf(0), 2);
    FailoverRun run = warmStream(pair);
    long t0 = sim.now();
    LinkProfile slow = LinkProfile.DEFAULT.withLatency(2 * S);
    sim.link(pair.clientAddress(1), pair.serverAddress(1)).profile(slow);
    sim.link(pair.serverAddress(1), pair.clientAddress(1)).profile(slow);
    run.runUntil(t0 + 4 * S);
    sim.link(pair.clientAddress(1), pair.serverAddress(1)).profile(LinkProfile.DEFAULT);
    sim.link(pair.serverAddress(1), pair.clientAddress(1)).profile(LinkProfile.DEFAULT);
    run.runUntil(t0 + 40 * S);
    assertThat(run.transitions()).noneMatch(t -> t.to() == PathState.INACTIVE);
    assertThat(pair.clientPathState(1)).isEqualTo(PathState.ACTIVE);
    assertThat(run.sent() - run.delivered()).isLessThanOrEqualTo(2);
  }

  @Test
  void aNeverConfirmedPathDoesNotCountAgainstTheAssociation(Simulator sim) {
    StackConfig config = StackConfig.builder().associationMaxRetrans(2).pathMaxRetrans(1).build();
    MultihomedPair pair = setUpWithPath2Dead(sim, config);
    FailoverRun run = new FailoverRun(pair, 100 * MS, 100);
    run.runUntil(sim.now() + 300 * S);
    assertThat(pair.clientPathState(2)).isEqualTo(PathState.UNCONFIRMED);
    assertThat(pair.a.options().peerAddressInfo(pair.serverAddress(2)).heartbeatsSent()).as("probed").isGreaterThan(3);
    assertThat(pair.a.errorCount()).isZero();
    assertThat(pair.client.hasEvent(AssociationChange.Kind.COMM_LOST)).isFalse();
    assertThat(run.sent() - run.delivered()).isLessThanOrEqualTo(1);
  }

  private static MultihomedPair setUpWithPath2Dead(Simulator sim, StackConfig config) {
    sim.blackhole(org.jsctp.testkit.sim.SimAddresses.v4("10.0.2.1"), org.jsctp.testkit.sim.SimAddresses.v4("10.0.2.2"), true);
    return new MultihomedPair(sim, config, config, 2, false);
  }

  @Test
  void withSwitchoverOnTheDataPathBecomesPrimaryAndStaysAfterHealing(Simulator sim) {
    StackConfig config = StackConfig.builder().set(Sysctl.PS_RETRANS, 0).build();
    MultihomedPair pair = new MultihomedPair(sim, config, config, 2);
    FailoverRun run = warmStream(pair);
    long t0 = sim.now();
    pair.blackhole(1, true);
    run.runUntil(t0 + 5 * S);
    pair.blackhole(1, false);
    run.runUntil(sim.now() + 30 * S);
    assertThat(pair.a.options().primaryAddress()).isEqualTo(pair.serverAddress(2));
    assertThat(pair.client.events(PeerAddressChange.class))
        .anyMatch(e -> e.kind() == PeerAddressChange.Kind.ADDR_MADE_PRIM);
    assertThat(run.dataSentOnPath(1, sim.now() - 5 * S)).as("no switchback").isEmpty();
  }

  @Test
  void withSwitchoverOffTrafficReturnsToThePrimaryAfterHealing(Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, pf(0), pf(0), 2);
    FailoverRun run = warmStream(pair);
    long t0 = sim.now();
    pair.blackhole(1, true);
    run.runUntil(t0 + 5 * S);
    pair.blackhole(1, false);
    run.runUntil(sim.now() + 30 * S);
    assertThat(pair.a.options().primaryAddress()).isEqualTo(pair.serverAddress(1));
    assertThat(run.dataSentOnPath(1, sim.now() - 5 * S)).isNotEmpty();
  }

  @Test
  void threePathsFailOverToTheNextActivePathInTurn(Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, pf(0), pf(0), 3);
    FailoverRun run = warmStream(pair);
    long t0 = sim.now();
    pair.blackhole(1, true);
    run.runUntil(t0 + 5 * S);
    long t1 = sim.now();
    int carrier = run.dataSentOnPath(2, t1 - S).isEmpty() ? 3 : 2;
    pair.blackhole(carrier, true);
    run.runUntil(t1 + 10 * S);
    int remaining = carrier == 2 ? 3 : 2;
    assertThat(run.dataSentOnPath(remaining, t1 + 3 * S)).isNotEmpty();
    assertThat(pair.clientPathState(remaining)).isEqualTo(PathState.ACTIVE);
    assertThat(pair.client.hasEvent(AssociationChange.Kind.COMM_LOST)).isFalse();
    assertThat(run.maxDeliveryGap(t1)).isLessThan(3 * S);
  }
}
