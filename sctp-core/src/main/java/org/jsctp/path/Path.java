package org.jsctp.path;

import org.jsctp.api.PathState;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.jsctp.timer.Timer;
import org.jsctp.timer.TimerKind;

/**
 * One peer transport address of an association (RFC 9260 section 6.4) and everything kept per
 * destination: state and error counter, RTO estimator, congestion control, flight size, the
 * T3-rtx and heartbeat timers, the heartbeat nonce, the MTU with its discovery ({@link Plpmtud}),
 * and the peer's UDP encapsulation port for this address (RFC 6951 section 5.4).
 *
 * <p>Mutable, owned by one association; only the association's single thread touches it.
 */
public final class Path {

  /** IPv4 header plus UDP header: subtracted from the IP MTU (RFC 6951 section 5.6). */
  static final int IPV4_UDP_OVERHEAD = 20 + 8;

  /** IPv6 header plus UDP header. */
  static final int IPV6_UDP_OVERHEAD = 40 + 8;

  /** SCTP common header (12) plus DATA chunk header (16). */
  static final int SCTP_DATA_OVERHEAD = 12 + 16;

  private int id;
  private final InetAddress address;
  private int udpPort;
  private InetAddress localAddress;
  private PathState state;
  private PathThresholds thresholds;
  private int errorCount;

  private final RtoEstimator rto;
  private final CongestionControl congestion;
  private final Plpmtud plpmtud;

  private long flightSize;
  private int chunksInFlight;

  private final Timer t3 = new Timer(TimerKind.T3_RTX);
  private final Timer heartbeat = new Timer(TimerKind.HEARTBEAT);
  private boolean heartbeatEnabled = true;
  private long heartbeatIntervalNanos;
  private long heartbeatNonce;
  private long heartbeatSentAt;
  private boolean heartbeatOutstanding;

  private long lastDataSentAt = Long.MIN_VALUE;
  private long lastHeardAt = Long.MIN_VALUE;
  private int idleRtosApplied;

  private long timedTsn = -1;
  private long timedSentAt;

  private long pfEntries;
  private long inactiveEntries;
  private long heartbeatsSent;
  private long heartbeatAcks;

  public Path(
      int id,
      InetAddress address,
      int udpPort,
      InetAddress localAddress,
      PathState initialState,
      PathThresholds thresholds,
      RtoEstimator rto,
      int mtu,
      long initialSsthresh,
      long heartbeatIntervalNanos) {
    this.id = id;
    this.address = address;
    this.udpPort = udpPort;
    this.localAddress = localAddress;
    this.state = initialState;
    this.thresholds = thresholds;
    this.rto = rto;
    this.plpmtud = new Plpmtud(mtu, 0);
    this.congestion = new CongestionControl(pmdcsFor(mtu, address), isIpv6(), initialSsthresh);
    this.heartbeatIntervalNanos = heartbeatIntervalNanos;
  }

  private static int pmdcsFor(int mtu, InetAddress address) {
    int ipUdp = address instanceof Inet6Address ? IPV6_UDP_OVERHEAD : IPV4_UDP_OVERHEAD;
    return mtu - ipUdp - SCTP_DATA_OVERHEAD;
  }

  /** Index of this path within its association, in the order paths were learned. */
  public int id() {
    return id;
  }

  /** A path before it left the list (RFC 5061 Delete IP Address): the index follows. */
  void setId(int id) {
    this.id = id;
  }

  public InetAddress address() {
    return address;
  }

  public int udpPort() {
    return udpPort;
  }

  /** Records the peer's UDP source port, only after the verification tag was checked. */
  void setUdpPort(int udpPort) {
    this.udpPort = udpPort;
  }

  public InetAddress localAddress() {
    return localAddress;
  }

  /** Packets to this path leave from {@code local} from now on (RFC 5061: our addresses changed). */
  void setLocalAddress(InetAddress local) {
    this.localAddress = local;
  }

  public boolean isIpv6() {
    return address instanceof Inet6Address;
  }

  public PathState state() {
    return state;
  }

  void setState(PathState state) {
    this.state = state;
  }

  public PathThresholds thresholds() {
    return thresholds;
  }

  void setThresholds(PathThresholds thresholds) {
    this.thresholds = thresholds;
  }

  public int errorCount() {
    return errorCount;
  }

  void setErrorCount(int errorCount) {
    this.errorCount = errorCount;
  }

  public RtoEstimator rto() {
    return rto;
  }

  public CongestionControl congestion() {
    return congestion;
  }

  /**
   * The IP MTU packets to this path are built for: the PLPMTU found by path MTU discovery, or the
   * configured MTU while discovery is off.
   */
  public int mtu() {
    return plpmtud.plpmtu();
  }

  /** The configured IP MTU (path_mtu, spp_pathmtu): the largest PLPMTU searched for. */
  public int configuredMtu() {
    return plpmtud.configuredMtu();
  }

  /** Path MTU discovery on this path (RFC 8899). */
  public Plpmtud plpmtud() {
    return plpmtud;
  }

  /** A new configured MTU; returns whether discovery starts over under it. */
  boolean setConfiguredMtu(int mtu) {
    boolean restart = plpmtud.setConfiguredMtu(mtu);
    mtuChanged();
    return restart;
  }

  /** The MTU changed (discovery, a setting): PMDCS follows it. */
  void mtuChanged() {
    congestion.setPmdcs(pmdcsFor(mtu(), address));
  }

  /** The largest SCTP packet: the MTU less the IP and UDP headers (RFC 6951 section 5.6). */
  public int maxPacketSize() {
    return mtu() - ipUdpOverhead();
  }

  /**
   * The largest SCTP packet of the configured MTU: the limit of a packet that has to go larger
   * than the PLPMTU (a chunk that cannot be cut smaller, RFC 8899 section 4.4).
   */
  public int configuredMaxPacketSize() {
    return configuredMtu() - ipUdpOverhead();
  }

  /** The IP and UDP header bytes of a packet to this path. */
  public int ipUdpOverhead() {
    return isIpv6() ? IPV6_UDP_OVERHEAD : IPV4_UDP_OVERHEAD;
  }

  /** PMDCS: the most user data one DATA chunk can carry in one packet on this path. */
  public int pmdcs() {
    return congestion.pmdcs();
  }

  public long flightSize() {
    return flightSize;
  }

  public int chunksInFlight() {
    return chunksInFlight;
  }

  public void addToFlight(int bytes) {
    flightSize += bytes;
    chunksInFlight++;
  }

  public void removeFromFlight(int bytes) {
    flightSize -= bytes;
    chunksInFlight--;
    if (chunksInFlight <= 0) {
      flightSize = 0;
      chunksInFlight = 0;
    }
  }

  public Timer t3() {
    return t3;
  }

  public Timer heartbeatTimer() {
    return heartbeat;
  }

  public boolean heartbeatEnabled() {
    return heartbeatEnabled;
  }

  void setHeartbeatEnabled(boolean heartbeatEnabled) {
    this.heartbeatEnabled = heartbeatEnabled;
  }

  public long heartbeatIntervalNanos() {
    return heartbeatIntervalNanos;
  }

  void setHeartbeatIntervalNanos(long heartbeatIntervalNanos) {
    this.heartbeatIntervalNanos = heartbeatIntervalNanos;
  }

  public long heartbeatNonce() {
    return heartbeatNonce;
  }

  public boolean heartbeatOutstanding() {
    return heartbeatOutstanding;
  }

  public long heartbeatSentAt() {
    return heartbeatSentAt;
  }

  /** Records a heartbeat sent with {@code nonce} at {@code now}. */
  public void heartbeatSent(long now, long nonce) {
    heartbeatNonce = nonce;
    heartbeatSentAt = now;
    heartbeatOutstanding = true;
    heartbeatsSent++;
  }

  /** Records the acknowledgement of the outstanding heartbeat. */
  public void heartbeatAcknowledged() {
    heartbeatOutstanding = false;
    heartbeatAcks++;
  }

  /** Forgets the outstanding heartbeat once its wait ran out. */
  public void heartbeatLost() {
    heartbeatOutstanding = false;
  }

  public long lastDataSentAt() {
    return lastDataSentAt;
  }

  public void dataSent(long now) {
    lastDataSentAt = now;
    idleRtosApplied = 0;
  }

  public long lastHeardAt() {
    return lastHeardAt;
  }

  public void heardFrom(long now) {
    lastHeardAt = now;
  }

  /**
   * Applies the idle-path cwnd decay of RFC 9260 section 7.2.1 before new data goes out: for
   * every full RTO the path has been without data since it last sent, cwnd halves down to
   * 4 * PMDCS (and the first time ssthresh keeps the old cwnd).
   */
  public void decayIdleWindow(long now) {
    if (chunksInFlight > 0 || lastDataSentAt == Long.MIN_VALUE) {
      return;
    }
    long rtoNanos = Math.max(1, rto.rto());
    long idleRtos = (now - lastDataSentAt) / rtoNanos;
    while (idleRtosApplied < idleRtos && idleRtosApplied < 64) {
      congestion.onIdleRto(idleRtosApplied == 0);
      idleRtosApplied++;
    }
  }

  /** The TSN being timed for an RTT measurement on this path, or -1. */
  public long timedTsn() {
    return timedTsn;
  }

  public long timedSentAt() {
    return timedSentAt;
  }

  public void startTiming(long tsn, long now) {
    timedTsn = tsn;
    timedSentAt = now;
  }

  public void stopTiming() {
    timedTsn = -1;
  }

  public long pfEntries() {
    return pfEntries;
  }

  public long inactiveEntries() {
    return inactiveEntries;
  }

  void countPfEntry() {
    pfEntries++;
  }

  void countInactiveEntry() {
    inactiveEntries++;
  }

  public long heartbeatsSent() {
    return heartbeatsSent;
  }

  public long heartbeatAcks() {
    return heartbeatAcks;
  }

  @Override
  public String toString() {
    return "Path#" + id + "[" + address.getHostAddress() + ":" + udpPort + " " + state + " err="
        + errorCount + "]";
  }
}
