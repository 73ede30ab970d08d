package org.jsctp.conformance;

import org.jsctp.wire.ChunkType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsctp.config.StackConfig;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.sim.SimulatorExtension;
import org.jsctp.testkit.FailoverRun;
import org.jsctp.testkit.MultihomedPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ETSI TS 102 369 RT/I/11/2 and RT/I/11/3 with a multihomed tester: the RTO is kept per
 * destination (RFC 9260 section 6.3.1 C1 and section 6.4): a T3-rtx expiry backs off the RTO of
 * the path that failed only, and the retransmission to the alternate address runs on that
 * address's own RTO.
 */
@ExtendWith(SimulatorExtension.class)
class MultihomedRetransmissionTimerTest {

  static final long MS = SimTime.millis(1);

  @Test
  void rt_i_11_2_backsOffTheRtoOfTheFailedPathOnly(Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, StackConfig.defaults(), StackConfig.defaults(), 2);
    long rto2 = pair.a.options().peerAddressInfo(pair.serverAddress(2)).rtoMillis();
    pair.blackhole(1, true);
    pair.client.send(sim.now(), pair.a, 0, new byte[100], false);
    sim.runFor(SimTime.millis(1100));
    assertThat(pair.a.options().peerAddressInfo(pair.serverAddress(1)).rtoMillis()).isEqualTo(2000);
    assertThat(pair.a.options().peerAddressInfo(pair.serverAddress(2)).rtoMillis()).isEqualTo(rto2);
  }

  @Test
  void rt_i_11_3_retransmitsToTheAlternateAddressOnItsOwnTimer(Simulator sim) {
    MultihomedPair pair = new MultihomedPair(sim, StackConfig.defaults(), StackConfig.defaults(), 2);
    // Both paths dead: the chunk goes to path 1, then to path 2 after path 1's RTO (1 s), then
    // path 2's T3 (its own RTO, 1 s) fires and moves it again.
    pair.blackhole(1, true);
    pair.blackhole(2, true);
    long t0 = sim.now();
    pair.client.send(t0, pair.a, 0, new byte[100], false);
    FailoverRun run = new FailoverRun(pair, SimTime.seconds(3600), 1);
    sim.runFor(SimTime.millis(2500));
    List<Long> onPath1 = run.sentOn(1, ChunkType.DATA, t0);
    List<Long> onPath2 = run.sentOn(2, ChunkType.DATA, t0);
    assertThat(onPath1.get(0)).isEqualTo(t0);
    assertThat(onPath2.get(0) - t0).isEqualTo(1000 * MS);
    assertThat(pair.a.options().peerAddressInfo(pair.serverAddress(2)).rtoMillis()).isEqualTo(2000);
    assertThat(onPath1.size() + onPath2.size()).isEqualTo(3);
  }
}
