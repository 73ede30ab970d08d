package org.jsctp.path;

import org.jsctp.api.PathState;
import org.jsctp.timer.Timer;

/**
 * The heartbeats of one association's paths (RFC 9260 sections 5.4 and 8.3), for its {@link
 * PathManager}: when each goes, HB.Max.Burst for probes of unconfirmed addresses, and what a
 * heartbeat timer or a HEARTBEAT ACK does. The path manager counts the errors and successes.
 */
final class Heartbeats {

  private final PathEnvironment env;
  private final PathManager paths;
  private int hbMaxBurst = Integer.MAX_VALUE;
  private long probeWindowStart = Long.MIN_VALUE;
  private int probesInWindow;

  Heartbeats(PathEnvironment env, PathManager paths) {
    this.env = env;
    this.paths = paths;
  }

  void setHbMaxBurst(int hbMaxBurst) {
    this.hbMaxBurst = Math.max(1, hbMaxBurst);
  }

  /**
   * Probes an unconfirmed address now, unless HB.Max.Burst probes already went in this RTO
   * (RFC 9260 section 5.4); then its heartbeat timer waits for the next RTO.
   */
  void probe(Path path, long now) {
    long rto = Math.max(1, path.rto().rto());
    if (probeWindowStart == Long.MIN_VALUE || now - probeWindowStart >= rto) {
      probeWindowStart = now;
      probesInWindow = 0;
    }
    if (probesInWindow >= hbMaxBurst) {
      env.probeDeferred(path);
      path.heartbeatTimer().start(now, Math.max(1, probeWindowStart + rto - now));
      return;
    }
    probesInWindow++;
    send(path, now);
  }

  void send(Path path, long now) {
    long nonce = env.nextRandomLong();
    path.heartbeatSent(now, nonce);
    env.sendHeartbeat(path, new HeartbeatInfo(nonce, now, path.address()).encode(), now);
    path.heartbeatTimer().start(now, path.rto().rto());
  }

  /** Arms the idle heartbeat of a confirmed path: RTO + hb_interval +/- RTO/2. */
  void schedule(Path path, long now) {
    Timer timer = path.heartbeatTimer();
    if (!path.heartbeatEnabled() && path.state() != PathState.UNCONFIRMED) {
      timer.stop();
      return;
    }
    long rto = path.rto().rto();
    if (path.state() == PathState.POTENTIALLY_FAILED || path.state() == PathState.UNCONFIRMED) {
      timer.start(now, rto);
      return;
    }
    timer.start(now, rto + path.heartbeatIntervalNanos() + jitter(rto));
  }

  private long jitter(long rto) {
    if (rto <= 1) {
      return 0;
    }
    long r = env.nextRandomLong() >>> 1;
    return (r % rto) - rto / 2;
  }

  HeartbeatOutcome onTimer(Path path, long now) {
    Timer timer = path.heartbeatTimer();
    timer.expire();
    if (path.heartbeatOutstanding()) {
      path.heartbeatLost();
      path.rto().backoff();
      paths.recordError(path, now);
      PathState state = path.state();
      if (path.heartbeatOutstanding()) {
        // Entering PF just sent the next one: one heartbeat per RTO (RFC 7829 section 3.2).
        return HeartbeatOutcome.LOST;
      }
      if (state == PathState.UNCONFIRMED) {
        probe(path, now);
      } else if (state == PathState.POTENTIALLY_FAILED && path.heartbeatEnabled()) {
        send(path, now);
      } else {
        schedule(path, now);
      }
      return HeartbeatOutcome.LOST;
    }
    if (!path.heartbeatEnabled() && path.state() != PathState.UNCONFIRMED) {
      return HeartbeatOutcome.NONE;
    }
    long rto = path.rto().rto();
    long idleNeeded = rto + path.heartbeatIntervalNanos() - rto / 2;
    if (path.state() == PathState.ACTIVE
        && path.lastDataSentAt() != Long.MIN_VALUE
        && now - path.lastDataSentAt() < idleNeeded) {
      // Not idle: the heartbeat period counts from the last data sent (RFC 9260 section 8.3).
      long due = path.lastDataSentAt() + rto + path.heartbeatIntervalNanos() + jitter(rto);
      timer.start(now, Math.max(due - now, rto / 2));
      return HeartbeatOutcome.NONE;
    }
    if (path.state() == PathState.UNCONFIRMED) {
      probe(path, now);
      return path.heartbeatOutstanding() ? HeartbeatOutcome.SENT : HeartbeatOutcome.NONE;
    }
    send(path, now);
    return HeartbeatOutcome.SENT;
  }

  Path onAck(HeartbeatInfo info, long now) {
    Path path = paths.find(info.address());
    if (path == null || !path.heartbeatOutstanding() || path.heartbeatNonce() != info.nonce()) {
      return null;
    }
    path.heartbeatAcknowledged();
    if (info.sentAt() <= now) {
      path.rto().addSample(now - info.sentAt());
    }
    paths.recordSuccess(path, now);
    schedule(path, now);
    return path;
  }
}
