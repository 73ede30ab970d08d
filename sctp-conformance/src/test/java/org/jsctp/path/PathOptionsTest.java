package org.jsctp.path;

import org.jsctp.wire.ChunkType;
import org.jsctp.api.PathState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jsctp.api.AssociationStatus;
import org.jsctp.api.PeerAddressInfo;
import org.jsctp.api.PlpmtudState;
import org.jsctp.api.PeerAddressParams;
import org.jsctp.api.PeerAddressParams.HeartbeatMode;
import org.jsctp.api.PeerAddressThresholds;
import org.jsctp.config.StackConfig;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.sim.SimulatorExtension;
import org.jsctp.stats.MibCounter;
import org.jsctp.testkit.MultihomedPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The socket-option semantics the core offers the API: SCTP_PEER_ADDR_THLDS for one path or all
 * (as the Linux patch does), SCTP_PEER_ADDR_PARAMS with 0 meaning unchanged, SCTP_ISSUE_HB,
 * SCTP_GET_PEER_ADDR_INFO, SCTP_STATUS and the threshold validation of RFC 9260 section 8.2.
 */
@ExtendWith(SimulatorExtension.class)
class PathOptionsTest {

  @Test
  void thresholdsForOnePathLeaveTheOthersAlone(Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, StackConfig.defaults(), StackConfig.defaults(), 2);
    pair.a.options().setThresholds(new PeerAddressThresholds(pair.serverAddress(2), 3, 1, 0xFFFF));
    assertThat(pair.a.options().thresholds(pair.serverAddress(2))).isEqualTo(new PeerAddressThresholds(pair.serverAddress(2), 3, 1, 0xFFFF));
    assertThat(pair.a.options().thresholds(pair.serverAddress(1)).pathMaxRetrans()).isEqualTo(5);
    assertThat(pair.a.options().thresholds(pair.serverAddress(1)).pfRetrans()).isZero();
  }

  @Test
  void thresholdsWithoutAnAddressApplyToEveryPathAndZeroKeepsPathMaxRetrans(Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, StackConfig.defaults(), StackConfig.defaults(), 2);
    pair.a.options().setThresholds(new PeerAddressThresholds(null, 0, 2, 2));
    for (int n = 1; n <= 2; n++) {
      PeerAddressThresholds t = pair.a.options().thresholds(pair.serverAddress(n));
      assertThat(t.pathMaxRetrans()).isEqualTo(5);
      assertThat(t.pfRetrans()).isEqualTo(2);
      assertThat(t.psRetrans()).isEqualTo(2);
    }
    assertThat(pair.a.options().thresholds(null).pfRetrans()).isEqualTo(2);
  }

  @Test
  void aSwitchoverThresholdBelowThePfThresholdIsRefusedNamingTheOption(Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, StackConfig.defaults(), StackConfig.defaults(), 2);
    assertThatThrownBy(() -> pair.a.options().setThresholds(new PeerAddressThresholds(null, 5, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCTP_PEER_ADDR_THLDS spt_pathcpthld");
    assertThatThrownBy(() -> pair.a.options().setThresholds(new PeerAddressThresholds(null, 70_000, 0, 0xFFFF)))
        .hasMessageContaining("spt_pathmaxrxt").hasMessageContaining("0..65535");
  }

  @Test
  void peerAddressParamsChangeOnlyWhatIsNotZeroAndCanSwitchHeartbeatsOff(Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, StackConfig.defaults(), StackConfig.defaults(), 2);
    pair.a.options().setPeerAddressParams(sim.now(), new PeerAddressParams(pair.serverAddress(2), 5000, 0, 0, HeartbeatMode.DISABLED));
    PeerAddressParams p = pair.a.options().peerAddressParams(pair.serverAddress(2));
    assertThat(p.heartbeatIntervalMillis()).isEqualTo(5000);
    assertThat(p.pathMaxRetrans()).isEqualTo(5);
    assertThat(p.pathMtu()).isEqualTo(1500);
    assertThat(p.heartbeat()).isEqualTo(HeartbeatMode.DISABLED);
    // PLPMTUD probes are HEARTBEATs too, padded with PAD; like Linux's, they do not stop with
    // heartbeats.
    long before = sim.trace().withChunk(ChunkType.HEARTBEAT).stream()
        .filter(r -> r.datagram().destination().equals(pair.serverAddress(2))
            && !r.datagram().containsChunk(ChunkType.PAD)).count();
    sim.runFor(SimTime.seconds(120));
    long after = sim.trace().withChunk(ChunkType.HEARTBEAT).stream()
        .filter(r -> r.datagram().destination().equals(pair.serverAddress(2))
            && !r.datagram().containsChunk(ChunkType.PAD)).count();
    assertThat(after).as("no heartbeats once disabled").isEqualTo(before);
    assertThat(pair.a.options().peerAddressParams(pair.serverAddress(1)).heartbeat()).isEqualTo(HeartbeatMode.ENABLED);
  }

  @Test
  void anOnDemandHeartbeatGoesOutAtOnceAndMeasuresTheRtt(Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, StackConfig.defaults(), StackConfig.defaults(), 2);
    long acksBefore = pair.a.options().peerAddressInfo(pair.serverAddress(2)).heartbeatAcks();
    long t = sim.now();
    pair.a.options().requestHeartbeat(t, pair.serverAddress(2));
    sim.runFor(SimTime.millis(50));
    assertThat(sim.trace().withChunk(ChunkType.HEARTBEAT).stream()
        .anyMatch(r -> r.datagram().sentAtNanos() == t && r.datagram().destination().equals(pair.serverAddress(2)))).isTrue();
    PeerAddressInfo info = pair.a.options().peerAddressInfo(pair.serverAddress(2));
    assertThat(info.heartbeatAcks()).isEqualTo(acksBefore + 1);
    assertThat(info.srttMillis()).isBetween(9L, 11L);
  }

  @Test
  void peerAddressInfoAndStatusReportTheStateOfThingsIncludingPf(Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, StackConfig.defaults(), StackConfig.defaults(), 2);
    pair.blackhole(1, true);
    pair.client.send(sim.now(), pair.a, 0, new byte[500], false);
    sim.runFor(SimTime.millis(1500));
    PeerAddressInfo primary = pair.a.options().peerAddressInfo(pair.serverAddress(1));
    assertThat(primary.state()).isEqualTo(PathState.POTENTIALLY_FAILED);
    assertThat(primary.state().socketApiName()).isEqualTo("SCTP_POTENTIALLY_FAILED");
    assertThat(primary.primary()).isTrue();
    assertThat(primary.carriesData()).isFalse();
    assertThat(primary.pfEntries()).isEqualTo(1);
    assertThat(primary.rtoMillis()).isEqualTo(2000);
    // Blackholed right after BASE_PLPMTU was confirmed, the primary's search got no further; the
    // other path's search reached path_mtu long before.
    assertThat(primary.mtu()).isEqualTo(1200);
    assertThat(primary.plpmtudState()).isEqualTo(PlpmtudState.SEARCHING);
    PeerAddressInfo other = pair.a.options().peerAddressInfo(pair.serverAddress(2));
    assertThat(other.mtu()).isEqualTo(1500);
    assertThat(other.plpmtudState()).isEqualTo(PlpmtudState.SEARCH_COMPLETE);
    AssociationStatus status = pair.a.options().status();
    assertThat(status.primary()).isEqualTo(pair.serverAddress(1));
    assertThat(status.outboundStreams()).isEqualTo(10);
    // The smallest PMDCS of the paths data may use (ACTIVE and PF): 1200 - 28 - 28.
    assertThat(status.fragmentationPoint()).isEqualTo(1144);
    assertThat(pair.a.counters().get(MibCounter.SCTP_PF_ENTRIES)).isEqualTo(1);
    assertThat(pair.a.counters().get(MibCounter.SCTP_PATH_SWITCHOVERS)).isEqualTo(1);
  }

  @Test
  void associationMaxRetransAboveTheSumOfPathMaxRetransIsFlagged(Simulator sim) {
    StackConfig risky = StackConfig.builder().associationMaxRetrans(12).pathMaxRetrans(5).build();
    MultihomedPair pair = new MultihomedPair(sim, risky, risky, 2);
    assertThat(pair.a.options().status().thresholdWarning()).contains("association_max_retrans (12)").contains("(10)");
    pair.a.options().setAssociationMaxRetrans(10);
    assertThat(pair.a.options().status().thresholdWarning()).isNull();
  }
}
