package org.jsctp.report;

import java.util.List;
import org.jsctp.config.StackConfig;
import org.jsctp.config.Sysctl;
import org.jsctp.testkit.sim.SimTime;
import org.jsctp.testkit.sim.Simulator;
import org.jsctp.testkit.FailoverRun;
import org.jsctp.testkit.MultihomedPair;

/**
 * One failover measurement in virtual time: two paths with 5 ms one-way latency, a 200-byte
 * message every 20 ms with SCTP_NODELAY (as signalling applications run), the primary silently
 * blackholed at t0 and healed 70 s later; what the application sees.
 *
 * @param label the configuration's name
 * @param pfRetrans the PF threshold, or -1 for PF disabled (plain RFC 9260)
 * @param rtoMinMs RTO.Min
 * @param rtoInitialMs RTO.Initial
 */
public record FailoverExperiment(String label, int pfRetrans, long rtoMinMs, long rtoInitialMs) {

  public static final long INTERVAL = SimTime.millis(20);
  public static final long WARMUP = SimTime.seconds(3);
  public static final long OUTAGE = SimTime.seconds(70);
  public static final long AFTER = SimTime.seconds(20);

  /** What one run gave. */
  public record Result(
      FailoverExperiment experiment,
      long t0,
      long maxGap,
      long firstPf,
      long firstInactive,
      int sent,
      int delivered,
      List<FailoverRun.Transition> transitions,
      List<Long> deliveries) {}

  /** The label without the RTO profile. */
  public String shortLabel() {
    return pfRetrans < 0 ? "PF disabled (plain RFC 9260)" : "pf_retrans " + pfRetrans;
  }

  public StackConfig config() {
    StackConfig.Builder b = StackConfig.builder()
        .set(Sysctl.RTO_MIN, rtoMinMs).set(Sysctl.RTO_INITIAL, rtoInitialMs)
        .set(Sysctl.NODELAY, 1);
    if (pfRetrans < 0) {
      b.set(Sysctl.PF_ENABLE, 0);
    } else {
      b.pfRetrans(pfRetrans);
    }
    return b.build();
  }

  public Result run(long seed) {
    Simulator sim = Simulator.withSeed(seed);
    MultihomedPair pair = new MultihomedPair(sim, config(), config(), 2);
    FailoverRun run = new FailoverRun(pair, INTERVAL, 200);
    run.runUntil(sim.now() + WARMUP);
    long t0 = sim.now();
    pair.blackhole(1, true);
    run.runUntil(t0 + OUTAGE);
    pair.blackhole(1, false);
    run.runUntil(t0 + OUTAGE + AFTER);
    run.drain(SimTime.seconds(10));
    long pf = -1;
    long inactive = -1;
    for (FailoverRun.Transition t : run.transitions(1)) {
      if (pf < 0 && t.to() == org.jsctp.api.PathState.POTENTIALLY_FAILED) {
        pf = t.at() - t0;
      }
      if (inactive < 0 && t.to() == org.jsctp.api.PathState.INACTIVE) {
        inactive = t.at() - t0;
      }
    }
    return new Result(this, t0, run.maxDeliveryGap(t0), pf, inactive, run.sent(), run.delivered(),
        List.copyOf(run.transitions()), List.copyOf(run.deliveryTimes()));
  }
}
