package org.jsctp.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsctp.api.PeerAddressChange;
import org.jsctp.api.SctpEvent;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.testkit.sim.DatagramRecord;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.FailoverRun;
import org.jsctp.testkit.MultihomedPair;
import org.junit.jupiter.api.Test;

/**
 * SCTP_EXPOSE_POTENTIALLY_FAILED_STATE (RFC 7829 section 7.4) only decides whether PF changes
 * are notified: the same run with and without it puts the same packets on the wire at the same
 * times, and its events differ by exactly the PF notifications.
 */
class ExposePotentiallyFailedTest {

  private record Outcome(List<String> packets, List<SctpEvent> events) {}

  private static Outcome run(boolean expose) {
    Simulator sim = Simulator.withSeed(7);
    StackConfig config = StackConfig.builder().set(Sysctl.PF_EXPOSE, expose ? 2 : 0).build();
    MultihomedPair pair = new MultihomedPair(sim, config, config, 2);
    FailoverRun run = new FailoverRun(pair, SimTime.millis(50), 200);
    long t0 = sim.now();
    run.runUntil(t0 + SimTime.seconds(2));
    pair.blackhole(1, true);
    run.runUntil(t0 + SimTime.seconds(8));
    pair.blackhole(1, false);
    run.runUntil(t0 + SimTime.seconds(30));
    List<String> packets = new ArrayList<>();
    for (DatagramRecord r : sim.trace().records()) {
      packets.add(r.datagram().sentAtNanos() + " " + r.datagram().source() + ">" + r.datagram().destination()
          + " " + r.fate() + " " + Arrays.hashCode(r.datagram().packet()));
    }
    return new Outcome(packets, new ArrayList<>(pair.client.events()));
  }

  private static boolean isPfNotification(SctpEvent e) {
    return e instanceof PeerAddressChange c
        && (c.kind() == PeerAddressChange.Kind.ADDR_POTENTIALLY_FAILED
            || c.kind() == PeerAddressChange.Kind.ADDR_AVAILABLE);
  }

  @Test
  void exposingPotentiallyFailedChangesTheNotificationsAndNothingElse() {
    Outcome hidden = run(false);
    Outcome exposed = run(true);
    assertThat(exposed.packets()).isEqualTo(hidden.packets());
    List<SctpEvent> extra = new ArrayList<>(exposed.events());
    extra.removeAll(hidden.events());
    assertThat(extra).isNotEmpty().allMatch(ExposePotentiallyFailedTest::isPfNotification);
    assertThat(extra).anyMatch(e -> ((PeerAddressChange) e).kind() == PeerAddressChange.Kind.ADDR_POTENTIALLY_FAILED);
    List<SctpEvent> withoutExtra = new ArrayList<>(exposed.events());
    withoutExtra.removeIf(ExposePotentiallyFailedTest::isPfNotification);
    List<SctpEvent> hiddenWithout = new ArrayList<>(hidden.events());
    hiddenWithout.removeIf(ExposePotentiallyFailedTest::isPfNotification);
    assertThat(withoutExtra).isEqualTo(hiddenWithout);
    assertThat(hidden.events()).noneMatch(ExposePotentiallyFailedTest::isPfNotification);
  }
}
