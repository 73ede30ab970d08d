package org.jsctp.path;

import org.jsctp.api.PathState;
import org.jsctp.stats.MibCounter;

/**
 * Path MTU discovery (RFC 8899) for a {@link PathManager}: sends the probes each path's {@link
 * Plpmtud} asks for, only to ACTIVE and PF paths, and applies the PLPMTU it finds. A probe's loss
 * counts against nothing but the probed size: no error counter, no cwnd, no path state (RFC 8899
 * section 4.1).
 */
final class PathMtuProbing {

  private final PathEnvironment env;

  PathMtuProbing(PathEnvironment env) {
    this.env = env;
  }

  /** Whether a path may get probes: ACTIVE or PF (confirmed and not INACTIVE). */
  static boolean probable(Path path) {
    return path.state() == PathState.ACTIVE || path.state() == PathState.POTENTIALLY_FAILED;
  }

  void start(Path path, long now) {
    int before = path.mtu();
    settle(path, before, path.plpmtud().start(now), now);
  }

  void setInterval(Path path, long intervalNanos, boolean running, long now) {
    int before = path.mtu();
    boolean started = path.plpmtud().setInterval(intervalNanos);
    if (started && running && path.state().isConfirmed()) {
      start(path, now);
    } else {
      settle(path, before, 0, now);
    }
  }

  void onTimer(Path path, boolean running, long now) {
    Plpmtud pl = path.plpmtud();
    int before = path.mtu();
    long lost = pl.probesLost();
    long holes = pl.blackHoles();
    int probe = running ? pl.onTimer(now, probable(path)) : 0;
    if (!running) {
      pl.stop();
    }
    env.counters().add(MibCounter.SCTP_PLPMTUD_PROBES_LOST, pl.probesLost() - lost);
    settle(path, before, probe, now);
    if (pl.blackHoles() != holes) {
      env.blackHoleDetected(path, now);
    }
  }

  boolean onProbeAck(Path path, HeartbeatInfo info, long now) {
    int before = path.mtu();
    int next = path.plpmtud().onProbeAck(info.nonce(), info.probeSize(), now);
    if (next < 0) {
      return false;
    }
    env.counters().increment(MibCounter.SCTP_PLPMTUD_PROBES_ACKED);
    settle(path, before, next, now);
    return true;
  }

  void onRetransmissionTimeout(Path path, long now) {
    int before = path.mtu();
    settle(path, before, path.plpmtud().onRetransmissionTimeout(now), now);
  }

  /** Applies an MTU change and sends the probe asked for (0: none). */
  private void settle(Path path, int mtuBefore, int probeSize, long now) {
    if (path.mtu() != mtuBefore) {
      path.mtuChanged();
      env.pathMtuChanged(path, mtuBefore, path.mtu(), now);
    }
    if (probeSize <= 0) {
      return;
    }
    Plpmtud pl = path.plpmtud();
    if (!probable(path)) {
      pl.deferProbe(now);
      return;
    }
    long nonce = env.nextRandomLong();
    pl.probeSent(nonce, now);
    env.counters().increment(MibCounter.SCTP_PLPMTUD_PROBES_SENT);
    env.sendProbe(path, new HeartbeatInfo(nonce, now, path.address(), probeSize).encode(),
        probeSize, now);
  }
}
