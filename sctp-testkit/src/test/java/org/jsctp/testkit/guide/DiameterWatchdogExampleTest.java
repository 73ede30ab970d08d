package org.jsctp.testkit.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.jsctp.api.MessageReceived;
import org.jsctp.api.PathState;
import org.jsctp.api.SctpEvent;
import org.jsctp.association.SctpAssociation;
import org.jsctp.config.StackConfig;
import org.jsctp.testkit.MultihomedPair;
import org.jsctp.testkit.SimEndpoint;
import org.jsctp.testkit.sim.LinkProfile;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.sim.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example of the test kit guide in docs/testing.md (TestKitGuideTest checks that the guide
 * shows this code): an application's own logic, here a Diameter watchdog, tested against a
 * multihomed peer whose primary path dies, in virtual time.
 */
class DiameterWatchdogExampleTest {

  // guide:begin
  /**
   * The application logic under test, a Diameter watchdog (RFC 6733 section 5.5, simplified):
   * a DWR every Tw; a DWA that has not come back when the next DWR is due makes the peer suspect.
   */
  static final class Watchdog {
    static final byte[] DWR = "DWR".getBytes();
    static final byte[] DWA = "DWA".getBytes();

    private final SimEndpoint endpoint;
    private final SctpAssociation association;
    private final long tw;
    private boolean waitingForDwa;
    int answered;
    int suspicions;

    Watchdog(SimEndpoint endpoint, SctpAssociation association, long tw) {
      this.endpoint = endpoint;
      this.association = association;
      this.tw = tw;
      endpoint.onEvent(this::onEvent);
    }

    void start(Simulator sim) {
      sim.after(tw, "Tw", () -> expire(sim));
    }

    private void expire(Simulator sim) {
      if (waitingForDwa) {
        suspicions++;
      }
      endpoint.send(sim.now(), association, 0, DWR, false);
      waitingForDwa = true;
      sim.after(tw, "Tw", () -> expire(sim));
    }

    private void onEvent(SctpEvent event) {
      if (event instanceof MessageReceived m && Arrays.equals(m.data().toByteArray(), DWA)) {
        waitingForDwa = false;
        answered++;
      }
    }
  }

  @Test
  @ExtendWith(SimulatorExtension.class) // a seeded simulator; a pcap of the run if the test fails
  void theWatchdogNeverSuspectsAPeerWhosePrimaryPathDies(Simulator sim) {
    sim.defaultProfile(LinkProfile.DEFAULT.withLatency(SimTime.millis(10)));
    StackConfig quickFailover = StackConfig.builder().pfRetrans(0).build(); // SCTP-PF, RFC 7829
    MultihomedPair pair = new MultihomedPair(sim, quickFailover, quickFailover, 2);
    pair.server.onEvent(e -> {                                  // the peer answers every DWR
      if (e instanceof MessageReceived) {
        pair.server.send(sim.now(), pair.b, 0, Watchdog.DWA, false);
      }
    });
    Watchdog watchdog = new Watchdog(pair.client, pair.a, SimTime.seconds(3));
    watchdog.start(sim);

    sim.runFor(SimTime.seconds(10));
    pair.blackhole(1, true);                                    // the primary path dies silently
    sim.runFor(SimTime.seconds(60));

    assertThat(pair.clientPathState(1)).isNotEqualTo(PathState.ACTIVE);
    assertThat(watchdog.answered).as("DWAs").isGreaterThanOrEqualTo(22);
    assertThat(watchdog.suspicions).as("DWRs left unanswered for Tw").isZero();
  }
  // guide:end
}
