package org.jsctp.path;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.MultihomedPair;
import org.jsctp.api.SendOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both ends must fail over: the client sends 100-byte messages at 100 per second and the server
 * echoes each one, when the primary path is blackholed silently in both directions (as
 * bench/failover.sh does in real namespaces). Every echo must come back, with PF on and off.
 */
class EchoFailoverTest {

  static final long STEP = SimTime.millis(10);

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void withPfDisabledBothEndsReachThePathLimitAndEveryEchoReturns(long seed) {
    Echo e = new Echo(seed, StackConfig.builder().set(Sysctl.PF_ENABLE, 0).build());
    e.run(SimTime.seconds(5), SimTime.seconds(80));

    assertThat(e.echoed()).as("echoes back of %d sent", e.sent).isEqualTo(e.sent);
    // RFC 9260 section 8.2: six timeouts of 1, 2, 4, 8, 16 and 32 s before a path is INACTIVE.
    assertThat(e.maxGap).isBetween(SimTime.seconds(30), SimTime.seconds(40));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void withPfZeroEveryEchoReturnsAfterAboutOneRto(long seed) {
    Echo e = new Echo(seed, StackConfig.builder().pfRetrans(0).build());
    e.run(SimTime.seconds(5), SimTime.seconds(25));

    assertThat(e.echoed()).isEqualTo(e.sent);
    assertThat(e.maxGap).isLessThan(SimTime.millis(1500));
  }

  /** The client's messages and the server's echoes of them, with the longest wait for an echo. */
  static final class Echo {
    final MultihomedPair pair;
    int sent;
    int echoedByServer;
    long maxGap;

    Echo(long seed, StackConfig config) {
      pair = new MultihomedPair(Simulator.withSeed(seed), config, config, 2);
    }

    int echoed() {
      return pair.client.received(pair.a.id()).size();
    }

    void run(long blackholeAfter, long duration) {
      long start = pair.sim.now();
      long end = start + duration;
      long next = start;
      boolean cut = false;
      long lastEcho = start;
      int lastCount = 0;
      while (pair.sim.now() < end + SimTime.seconds(40) && (pair.sim.now() < end || echoed() < sent)) {
        long now = pair.sim.now();
        if (!cut && now >= start + blackholeAfter) {
          pair.blackhole(1, true);
          cut = true;
        }
        while (now < end && next <= now) {
          if (pair.client.send(now, pair.a, 0, new byte[100], false) != SendOutcome.ACCEPTED) {
            break;
          }
          sent++;
          next += SimTime.millis(10);
        }
        int got = pair.server.received(pair.b.id()).size();
        while (echoedByServer < got
            && pair.server.send(now, pair.b, 0, new byte[100], false) == SendOutcome.ACCEPTED) {
          echoedByServer++;
        }
        int echoes = echoed();
        if (echoes > lastCount) {
          lastCount = echoes;
          lastEcho = now;
        } else if (echoes < sent) {
          maxGap = Math.max(maxGap, now - lastEcho);
        } else {
          lastEcho = now;
        }
        pair.sim.runFor(STEP);
      }
    }
  }
}
