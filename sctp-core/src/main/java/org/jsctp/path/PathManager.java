package org.jsctp.path;

import org.jsctp.api.PathState;
import java.net.InetAddress;
import org.jsctp.api.PeerAddressParams;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jsctp.timer.Timer;

/**
 * The paths of one association: which carries new data, where retransmissions go, the error
 * counters with their PF and INACTIVE thresholds (RFC 9260 section 8.2, RFC 7829 section 3),
 * primary path switchover (RFC 7829 section 5) and heartbeat planning (RFC 9260 section 8.3).
 *
 * <h2>Path selection</h2>
 *
 * New data goes to the primary while it is ACTIVE; otherwise to an ACTIVE alternate; with none
 * ACTIVE, to the PF path with the lowest error count; with all INACTIVE (dormant, RFC 7829
 * section 4.1), to the INACTIVE path with the lowest error count. Choosing a path never changes
 * its state or counter. UNCONFIRMED paths never carry data.
 *
 * <h2>Heartbeats</h2>
 *
 * Planned by {@code Heartbeats}. A confirmed path with heartbeats on gets one when it has been
 * idle for RTO + hb_interval, jittered by +/-50% of the RTO. An unanswered heartbeat (no ack
 * within an RTO) is an error and doubles the RTO. PF and UNCONFIRMED paths are probed once per
 * (backed-off) RTO instead of waiting for hb_interval; entering PF sends a heartbeat at once.
 *
 * <h2>Path MTU discovery</h2>
 *
 * Each path runs its {@link Plpmtud} once the association is up and the path confirmed; {@code
 * PathMtuProbing} sends the probes it asks for, only to ACTIVE and PF paths, and applies the
 * PLPMTU it finds. A probe's loss counts against nothing but the probed size: no error counter,
 * no cwnd, no path state (RFC 8899 section 4.1).
 */
public final class PathManager {

  private final List<Path> paths = new ArrayList<>(2);
  private final List<Path> view = Collections.unmodifiableList(paths);
  private final PathEnvironment env;
  private Path primary;
  /** Asked to become the primary once confirmed (RFC 5061 Set Primary Address). */
  private Path primaryWhenConfirmed;
  private Path dataPath;
  private int psRetrans = 0xFFFF;
  private boolean pfCwndReset = true;
  private final Heartbeats heartbeats;
  private final PathMtuProbing mtuProbing;
  /** Between {@link #start} and the end of heartbeats: path MTU discovery may probe. */
  private boolean running;

  public PathManager(PathEnvironment env) {
    this.env = env;
    this.heartbeats = new Heartbeats(env, this);
    this.mtuProbing = new PathMtuProbing(env);
  }

  /** Adds a path with heartbeats on or off (SPP_HB_ENABLE for new paths). */
  public Path add(Path path, boolean heartbeatEnabled) {
    path.setHeartbeatEnabled(heartbeatEnabled);
    return add(path);
  }

  /**
   * Adds a path with heartbeats on or off and path MTU discovery with this probe interval (0:
   * off, the path MTU is the configured one; else it starts at BASE_PLPMTU).
   */
  public Path add(Path path, boolean heartbeatEnabled, long plpmtudIntervalNanos) {
    if (path.plpmtud().setInterval(plpmtudIntervalNanos)) {
      path.mtuChanged();
    }
    return add(path, heartbeatEnabled);
  }

  /** Adds a path; the first confirmed path becomes the primary. */
  public Path add(Path path) {
    paths.add(path);
    if (primary == null && path.state().isConfirmed()) {
      primary = path;
    }
    return path;
  }

  /**
   * AMDCS: the most user data one DATA chunk can carry on every path data may use, the smallest
   * PMDCS (RFC 9260 section 6.9); new fragments are cut to it. The paths data may use are the
   * ACTIVE and PF ones; with none, the confirmed ones; with none confirmed, all. So an address
   * that never answers, still at BASE_PLPMTU, does not hold every message to that size.
   */
  public int fragmentPoint() {
    int usable = Integer.MAX_VALUE;
    int confirmed = Integer.MAX_VALUE;
    int all = Integer.MAX_VALUE;
    for (int i = 0; i < paths.size(); i++) {
      Path p = paths.get(i);
      int pmdcs = p.pmdcs();
      all = Math.min(all, pmdcs);
      if (p.state().isConfirmed()) {
        confirmed = Math.min(confirmed, pmdcs);
        if (PathMtuProbing.probable(p)) {
          usable = Math.min(usable, pmdcs);
        }
      }
    }
    return usable != Integer.MAX_VALUE ? usable : confirmed != Integer.MAX_VALUE ? confirmed : all;
  }

  /** The number of confirmed paths. */
  public int confirmedCount() {
    int n = 0;
    for (int i = 0; i < paths.size(); i++) {
      if (paths.get(i).state().isConfirmed()) {
        n++;
      }
    }
    return n;
  }

  /**
   * Records the peer's UDP source port for {@code path}: after the verification tag was checked
   * (RFC 6951 section 5.4), or as SCTP_REMOTE_UDP_ENCAPS_PORT says.
   */
  public void learnUdpPort(Path path, int udpPort) {
    if (path.udpPort() != udpPort) {
      path.setUdpPort(udpPort);
    }
  }

  /**
   * SCTP_PEER_ADDR_PARAMS for one path (RFC 6458 section 8.1.12): a non-zero heartbeat interval,
   * Path.Max.Retrans or MTU replaces the path's; heartbeats are switched on or off, or one is sent
   * at once (SPP_HB_DEMAND) while {@code heartbeating} (the association's state runs them).
   */
  public void configure(Path path, PeerAddressParams params, boolean heartbeating, long now) {
    if (params.heartbeatIntervalMillis() != 0) {
      path.setHeartbeatIntervalNanos(params.heartbeatIntervalMillis() * 1_000_000L);
    }
    if (params.pathMaxRetrans() != 0) {
      PathThresholds t = path.thresholds();
      path.setThresholds(new PathThresholds(params.pathMaxRetrans(), t.pfRetrans(), t.pfEnabled()));
    }
    if (params.pathMtu() != 0) {
      int before = path.mtu();
      if (path.setConfiguredMtu(params.pathMtu()) && running && path.state().isConfirmed()) {
        mtuProbing.start(path, now);
      }
      if (path.mtu() != before) {
        env.pathMtuChanged(path, before, path.mtu(), now);
      }
    }
    switch (params.heartbeat()) {
      case ENABLED -> {
        path.setHeartbeatEnabled(true);
        if (heartbeating && !path.heartbeatTimer().isRunning()) {
          scheduleHeartbeat(path, now);
        }
      }
      case DISABLED -> {
        path.setHeartbeatEnabled(false);
        if (!path.heartbeatOutstanding() && path.state().isConfirmed()) {
          path.heartbeatTimer().stop();
        }
      }
      case DEMAND -> {
        if (heartbeating) {
          sendHeartbeat(path, now);
        }
      }
      default -> {}
    }
  }

  /**
   * SCTP_PEER_ADDR_THLDS for one path (RFC 7829 section 7.3): a Path.Max.Retrans of 0 leaves it
   * unchanged.
   */
  public void configure(Path path, int pathMaxRetrans, int pfRetrans) {
    int pmr = pathMaxRetrans != 0 ? pathMaxRetrans : path.thresholds().pathMaxRetrans();
    path.setThresholds(new PathThresholds(pmr, pfRetrans, path.thresholds().pfEnabled()));
  }

  /** Puts back the error counter of a replicated path (a standby taking over, docs/ha.md). */
  public void restoreErrorCount(Path path, int errorCount) {
    path.setErrorCount(Math.max(0, errorCount));
  }

  /** SCTP_RTOINFO: new RTO.Initial, RTO.Min and RTO.Max for every path, clamping their RTOs. */
  public void setRtoBounds(long initialNanos, long minNanos, long maxNanos) {
    for (int i = 0; i < paths.size(); i++) {
      paths.get(i).rto().setBounds(initialNanos, minNanos, maxNanos);
    }
  }

  /** The path to {@code address}, or null. */
  public Path find(InetAddress address) {
    for (int i = 0; i < paths.size(); i++) {
      Path p = paths.get(i);
      if (p.address().equals(address)) {
        return p;
      }
    }
    return null;
  }

  public List<Path> paths() {
    return view;
  }

  public Path primary() {
    return primary;
  }

  /** SCTP_PRIMARY_ADDR: the path must be one of ours and confirmed. */
  public void setPrimary(Path path) {
    if (!paths.contains(path)) {
      throw new IllegalArgumentException(path + " is not a path of this association");
    }
    if (!path.state().isConfirmed()) {
      throw new IllegalArgumentException(path.address().getHostAddress() + " is unconfirmed");
    }
    primary = path;
  }

  /**
   * The peer asked us to use {@code path} as primary (RFC 5061 section 4.2.4): at once when it is
   * confirmed, else once a heartbeat confirms it (data never goes to an unconfirmed address).
   * Returns whether it is the primary now.
   */
  public boolean requestPrimary(Path path) {
    if (!paths.contains(path)) {
      throw new IllegalArgumentException(path + " is not a path of this association");
    }
    if (path.state().isConfirmed()) {
      primaryWhenConfirmed = null;
      primary = path;
      return true;
    }
    primaryWhenConfirmed = path;
    return false;
  }

  /** The next free path index, for a path about to be added. */
  public int nextId() {
    return paths.size();
  }

  /**
   * Adds a path to a live association (RFC 5061 Add IP Address): an unconfirmed one is probed at
   * once unless HB.Max.Burst probes already went in this RTO, as those of the handshake are
   * (RFC 9260 section 5.4).
   */
  public void started(Path path, long now) {
    if (!running) {
      return;
    }
    if (path.state() == PathState.UNCONFIRMED) {
      heartbeats.probe(path, now);
    } else {
      scheduleHeartbeat(path, now);
      mtuProbing.start(path, now);
    }
  }

  /**
   * Removes a path (RFC 5061 Delete IP Address): its timers stop, it is no longer primary or data
   * path, and the indices of the paths after it move down. The primary moves to {@code
   * replacement} when the removed path was the primary (a confirmed path, or null to let the
   * usual choice pick one). The caller moves the path's outstanding data elsewhere first.
   */
  public void remove(Path path, Path replacement) {
    int index = paths.indexOf(path);
    if (index < 0) {
      return;
    }
    path.t3().stop();
    path.heartbeatTimer().stop();
    path.plpmtud().stop();
    paths.remove(index);
    for (int i = index; i < paths.size(); i++) {
      paths.get(i).setId(i);
    }
    if (primaryWhenConfirmed == path) {
      primaryWhenConfirmed = null;
    }
    if (dataPath == path) {
      dataPath = null;
    }
    if (primary == path) {
      primary = replacement != null && replacement.state().isConfirmed() ? replacement : null;
      if (primary == null) {
        primary = choose(null);
      }
    }
  }

  /**
   * Packets to {@code path} leave from {@code local} from now on: the local address it used is
   * going away, or a better one came (RFC 5061). A new source address is a new route, so the
   * path's congestion state starts again (RFC 9260 section 7.2.5).
   */
  public void moveLocalAddress(Path path, InetAddress local, long initialSsthresh) {
    if (path.localAddress().equals(local)) {
      return;
    }
    path.setLocalAddress(local);
    path.congestion().reset(initialSsthresh);
  }

  /** SCTP_PEER_ADDR_THLDS ps threshold; 65535 turns switchover off. */
  public void setPsRetrans(int psRetrans) {
    this.psRetrans = psRetrans;
  }

  public int psRetrans() {
    return psRetrans;
  }

  /** HB.Max.Burst (RFC 9260 section 5.4): heartbeats to unconfirmed addresses per RTO. */
  public void setHbMaxBurst(int hbMaxBurst) {
    heartbeats.setHbMaxBurst(hbMaxBurst);
  }

  /** Whether a path returning from PF restarts with a one-MTU cwnd. */
  public void setPfCwndReset(boolean pfCwndReset) {
    this.pfCwndReset = pfCwndReset;
  }

  /** The path new data goes to now (see the class comment), or null with no confirmed path. */
  public Path dataPath(long now) {
    Path chosen = choose(null);
    if (chosen != dataPath) {
      Path old = dataPath;
      dataPath = chosen;
      if (old != null && chosen != null) {
        env.dataPathChanged(old, chosen, now);
      }
    }
    return chosen;
  }

  /** The path that carried new data most recently chosen, without re-evaluating. */
  public Path currentDataPath() {
    return dataPath;
  }

  /**
   * Where a chunk last sent on {@code original} goes after a T3-rtx expiry: an ACTIVE path other
   * than the original when one exists (RFC 9260 section 6.4.1), else the usual choice.
   */
  public Path retransmissionPath(Path original) {
    if (dataPath != null && dataPath != original && dataPath.state() == PathState.ACTIVE) {
      return dataPath;
    }
    Path alternate = choose(original);
    return alternate != null ? alternate : choose(null);
  }

  private Path choose(Path excluded) {
    if (excluded == null && primary != null && primary.state() == PathState.ACTIVE) {
      return primary;
    }
    if (dataPath != null && dataPath != excluded && dataPath.state() == PathState.ACTIVE) {
      return dataPath;
    }
    Path best = null;
    for (int i = 0; i < paths.size(); i++) {
      Path p = paths.get(i);
      if (p == excluded || !p.state().isConfirmed()) {
        continue;
      }
      if (best == null || better(p, best)) {
        best = p;
      }
    }
    if (excluded != null && best != null && best.state() != PathState.ACTIVE) {
      return null;
    }
    return best;
  }

  private boolean better(Path p, Path than) {
    if (p.state().preference() != than.state().preference()) {
      return p.state().preference() < than.state().preference();
    }
    if (p.state() == PathState.ACTIVE) {
      return p == primary;
    }
    return p.errorCount() < than.errorCount();
  }

  /**
   * Counts one error on the path: a T3-rtx expiry for data sent on it, or an unanswered
   * heartbeat. Moves it to PF or INACTIVE as its thresholds say; entering PF sends a heartbeat
   * at once (RFC 7829 section 3.2 rule 6).
   */
  public void recordError(Path path, long now) {
    PathState from = path.state();
    int count = path.errorCount() < Integer.MAX_VALUE ? path.errorCount() + 1 : path.errorCount();
    path.setErrorCount(count);
    if (!from.isConfirmed()) {
      return;
    }
    PathState to = path.thresholds().stateForErrors(count);
    if (to.preference() < from.preference()) {
      to = from;
    }
    if (to != from) {
      path.setState(to);
      if (to == PathState.POTENTIALLY_FAILED) {
        path.countPfEntry();
      } else if (to == PathState.INACTIVE) {
        path.countInactiveEntry();
      }
      env.pathStateChanged(path, from, to, now);
      if (to == PathState.POTENTIALLY_FAILED && path.heartbeatEnabled()) {
        sendHeartbeat(path, now);
      } else if (to == PathState.INACTIVE) {
        scheduleHeartbeat(path, now);
      }
    }
    maybeSwitchPrimary(path, now);
  }

  /**
   * Clears the path's error counter: a HEARTBEAT ACK, or a SACK acknowledging data sent only on
   * this path (RFC 7829 section 3.2 rule 10). A PF or INACTIVE path becomes ACTIVE; from PF its
   * cwnd restarts at one MTU unless that option is off.
   */
  public void recordSuccess(Path path, long now) {
    path.setErrorCount(0);
    PathState from = path.state();
    if (from == PathState.ACTIVE) {
      return;
    }
    path.setState(PathState.ACTIVE);
    if (from == PathState.POTENTIALLY_FAILED && pfCwndReset) {
      path.congestion().resetToOneMtu();
    }
    if (from == PathState.UNCONFIRMED && primary == null) {
      primary = path;
    }
    env.pathStateChanged(path, from, PathState.ACTIVE, now);
    if (from == PathState.UNCONFIRMED && path == primaryWhenConfirmed) {
      primaryWhenConfirmed = null;
      primary = path;
      env.primaryRequested(path, now);
    }
    if (from == PathState.UNCONFIRMED && running) {
      mtuProbing.start(path, now);
    }
  }

  private void maybeSwitchPrimary(Path path, long now) {
    if (path != primary || psRetrans == 0xFFFF || path.errorCount() <= psRetrans) {
      return;
    }
    Path replacement = choose(path);
    if (replacement != null && replacement != primary) {
      Path old = primary;
      primary = replacement;
      env.primarySwitchedOver(old, replacement, now);
    }
  }

  /**
   * Starts heartbeats: probes unconfirmed paths at once and arms the idle timers of the others,
   * whose path MTU discovery starts too.
   */
  public void start(long now) {
    running = true;
    for (int i = 0; i < paths.size(); i++) {
      Path p = paths.get(i);
      if (p.state() == PathState.UNCONFIRMED) {
        heartbeats.probe(p, now);
      } else {
        scheduleHeartbeat(p, now);
        mtuProbing.start(p, now);
      }
    }
  }

  /** Stops every path timer (the association is closing). */
  public void stopAll() {
    running = false;
    for (int i = 0; i < paths.size(); i++) {
      paths.get(i).t3().stop();
      paths.get(i).heartbeatTimer().stop();
      paths.get(i).plpmtud().stop();
    }
  }

  /**
   * Stops heartbeats and the path MTU probes, which are heartbeats too (SHUTDOWN or SHUTDOWN ACK
   * has gone out, RFC 9260 section 8.3).
   */
  public void stopHeartbeats() {
    running = false;
    for (int i = 0; i < paths.size(); i++) {
      paths.get(i).heartbeatTimer().stop();
      paths.get(i).plpmtud().stop();
    }
  }

  /** Sends a heartbeat now (on entering PF, for SCTP_PEER_ADDR_PARAMS HB_DEMAND, or a probe). */
  public void sendHeartbeat(Path path, long now) {
    heartbeats.send(path, now);
  }

  /** Arms the idle heartbeat of a confirmed path: RTO + hb_interval +/- RTO/2. */
  public void scheduleHeartbeat(Path path, long now) {
    heartbeats.schedule(path, now);
  }

  /** Handles the path's heartbeat timer when due at {@code now}. */
  public HeartbeatOutcome onHeartbeatTimer(Path path, long now) {
    return heartbeats.onTimer(path, now);
  }

  /**
   * Handles a HEARTBEAT ACK echoing our information. Returns the path it confirmed, or null when
   * it answers no outstanding heartbeat of ours (wrong nonce, unknown address).
   */
  public Path onHeartbeatAck(HeartbeatInfo info, long now) {
    return heartbeats.onAck(info, now);
  }

  /** The earliest deadline among the paths' T3-rtx, heartbeat and PLPMTUD timers. */
  public long nextDeadline() {
    long next = Timer.NEVER;
    for (int i = 0; i < paths.size(); i++) {
      Path p = paths.get(i);
      next = Math.min(next, Math.min(p.t3().deadline(), p.heartbeatTimer().deadline()));
      next = Math.min(next, p.plpmtud().timer().deadline());
    }
    return next;
  }

  // ---- path MTU discovery (RFC 8899) -------------------------------------------------------

  /**
   * SCTP_PLPMTUD_PROBE_INTERVAL for one path: 0 turns discovery off (the configured MTU
   * applies), a positive interval turns it on at BASE_PLPMTU or changes the interval.
   */
  public void setPlpmtudInterval(Path path, long intervalNanos, long now) {
    mtuProbing.setInterval(path, intervalNanos, running, now);
  }

  /** Handles the path's PLPMTUD timer when due at {@code now}. */
  public void onPlpmtudTimer(Path path, long now) {
    mtuProbing.onTimer(path, running, now);
  }

  /**
   * Handles a HEARTBEAT ACK echoing a probe of ours. Returns whether it answered the outstanding
   * probe of its path; a late, duplicated or forged echo changes nothing.
   */
  public boolean onProbeAck(HeartbeatInfo info, long now) {
    Path path = find(info.address());
    return path != null && running && mtuProbing.onProbeAck(path, info, now);
  }

  /**
   * T3-rtx expired on the path: after a search, its PLPMTU is confirmed by a probe, since
   * packets of that size may have stopped getting through (RFC 8899 section 4.3).
   */
  public void onRetransmissionTimeout(Path path, long now) {
    if (running) {
      mtuProbing.onRetransmissionTimeout(path, now);
    }
  }

  /**
   * Validation of RFC 9260 section 8.2's advice: with Association.Max.Retrans above the sum of
   * the paths' Path.Max.Retrans, every path can become INACTIVE while the association still
   * looks alive. Returns a warning sentence, or null when the settings are consistent.
   */
  public String thresholdWarning(int associationMaxRetrans) {
    long sum = 0;
    int confirmed = 0;
    for (int i = 0; i < paths.size(); i++) {
      Path p = paths.get(i);
      if (p.state().isConfirmed()) {
        sum += p.thresholds().pathMaxRetrans();
        confirmed++;
      }
    }
    if (confirmed == 0 || associationMaxRetrans <= sum) {
      return null;
    }
    return "association_max_retrans (" + associationMaxRetrans + ") exceeds the sum of the "
        + confirmed + " confirmed paths' path_max_retrans (" + sum + "): every path can become "
        + "INACTIVE while the association still looks alive (RFC 9260 section 8.2)";
  }
}
