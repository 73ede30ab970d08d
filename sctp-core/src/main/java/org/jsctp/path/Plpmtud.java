package org.jsctp.path;

import org.jsctp.api.PlpmtudState;
import org.jsctp.timer.Timer;
import org.jsctp.timer.TimerKind;

/**
 * Datagram Packetization Layer Path MTU Discovery for one path (RFC 8899 sections 4 and 5, for
 * SCTP over UDP section 6.2): the state machine, the search and its one timer. It decides; the
 * {@link PathManager} sends the probes it asks for and applies the PLPMTU to the path.
 *
 * <h2>Sizes</h2>
 *
 * Every size here is an IP packet size, IP and UDP headers included, as {@code path_mtu}, {@code
 * spinfo_mtu} and a link MTU are. BASE_PLPMTU is therefore 1200 bytes of IP packet (1172 bytes of
 * SCTP packet over IPv4), a little below Linux's base, which counts the SCTP chunks only. The
 * largest size searched for (MAX_PLPMTU) is the path's configured MTU. Candidate sizes are whole
 * 4-byte steps: an SCTP packet is a multiple of 4 bytes, and so are the IP and UDP headers.
 *
 * <h2>Search</h2>
 *
 * A binary search between the largest confirmed size and the smallest failed one (at first the
 * maximum plus one step), probing the middle candidate each time: an acknowledged probe raises
 * the PLPMTU to its size at once and moves the lower bound, MAX_PROBES lost probes of one size
 * move the upper bound. With N = (MAX_PLPMTU - BASE_PLPMTU) / 4 candidates the search probes at
 * most ceil(log2(N + 1)) sizes, so a search from BASE sends at most 1 + MAX_PROBES *
 * ceil(log2(N + 1)) probes when none is lost by chance: 22 for a maximum of 1500, 34 for 9000.
 * Failed sizes cost MAX_PROBES probe intervals each, confirmed ones a round trip.
 *
 * <h2>Timer</h2>
 *
 * One timer serves as PROBE_TIMER (the probe interval: how long a probe may go unanswered, and
 * how long to wait before probing a path that cannot be probed now) and, in SEARCH_COMPLETE, as
 * PMTU_RAISE_TIMER (600 s), after which one step above the PLPMTU is probed; if that is
 * confirmed the search goes on upwards.
 *
 * <h2>Black holes</h2>
 *
 * A T3-rtx expiry on the path while searching or after the search ({@link
 * #onRetransmissionTimeout}) may mean that packets of the current PLPMTU no longer get through
 * (RFC 8899 section 4.3): the PLPMTU is confirmed by a probe of that size. If MAX_PROBES of them
 * are lost the path falls back to BASE and searches again; at BASE itself it enters ERROR.
 *
 * <p>Mutable, owned by one path; only the association's thread touches it.
 */
public final class Plpmtud {

  /** BASE_PLPMTU (RFC 8899 section 5.1.2: 1200 bytes recommended). */
  public static final int BASE_PLPMTU = 1200;

  /** MAX_PROBES: unanswered probes of one size before it counts as failed (section 5.1.2). */
  public static final int MAX_PROBES = 3;

  /** PMTU_RAISE_TIMER (RFC 8899 section 5.1.1: 600 s). */
  public static final long PMTU_RAISE_TIMER_NANOS = 600_000_000_000L;

  /** The difference between two candidate sizes. */
  public static final int STEP = 4;

  private final Timer timer = new Timer(TimerKind.PLPMTUD);
  private PlpmtudState state;
  private long intervalNanos;
  private int configuredMtu;
  private int maxPlpmtu;
  private int plpmtu;
  /** The largest size confirmed during this search. */
  private int low;
  /** The smallest size that failed, or the maximum plus one step. */
  private int high;
  /** The size of the next or outstanding probe; 0 when none is due. */
  private int probeSize;
  private int lostCount;
  /** A black hole is suspected: the probe confirms the current PLPMTU. */
  private boolean confirming;
  /** The raise timer fired: the probe is one step above the PLPMTU. */
  private boolean raising;
  private boolean probeOutstanding;
  private long probeNonce;

  private long probesSent;
  private long probesAcked;
  private long probesLost;
  private long blackHoles;

  /**
   * @param configuredMtu the path's MTU setting (path_mtu or spp_pathmtu): MAX_PLPMTU, and the
   *     path MTU while discovery is off
   * @param intervalNanos the probe interval; 0 turns discovery off
   */
  public Plpmtud(int configuredMtu, long intervalNanos) {
    this.configuredMtu = configuredMtu;
    this.maxPlpmtu = floorStep(configuredMtu);
    this.intervalNanos = intervalNanos;
    if (intervalNanos > 0) {
      enterBase();
    } else {
      state = PlpmtudState.DISABLED;
      plpmtu = configuredMtu;
    }
  }

  private static int floorStep(int size) {
    return size - size % STEP;
  }

  // ---- what the path reads ---------------------------------------------------------------

  public PlpmtudState state() {
    return state;
  }

  /** The path MTU to send with: the PLPMTU, or the configured MTU while discovery is off. */
  public int plpmtu() {
    return plpmtu;
  }

  /** The configured MTU, the largest PLPMTU searched for. */
  public int configuredMtu() {
    return configuredMtu;
  }

  /** BASE_PLPMTU, or the maximum when that is smaller. */
  public int base() {
    return Math.min(BASE_PLPMTU, maxPlpmtu);
  }

  public long intervalNanos() {
    return intervalNanos;
  }

  public Timer timer() {
    return timer;
  }

  /**
   * Whether packets to the path may be fragmented by the sender: in ERROR even BASE_PLPMTU did
   * not get through unfragmented (RFC 8899 section 4.4).
   */
  public boolean allowsFragmentation() {
    return state == PlpmtudState.ERROR;
  }

  /** The size probed now or next, 0 when no probe is due. */
  public int probeSize() {
    return probeSize;
  }

  public boolean probeOutstanding() {
    return probeOutstanding;
  }

  public long probesSent() {
    return probesSent;
  }

  public long probesAcked() {
    return probesAcked;
  }

  public long probesLost() {
    return probesLost;
  }

  /** How often a confirmed PLPMTU stopped getting through and the path fell back to BASE. */
  public long blackHoles() {
    return blackHoles;
  }

  // ---- settings --------------------------------------------------------------------------

  /**
   * A new maximum (path_mtu, spp_pathmtu). While off it is the path MTU; while on the discovery
   * starts over from BASE under the new maximum.
   *
   * @return whether discovery is on and starts over (the caller starts it)
   */
  boolean setConfiguredMtu(int mtu) {
    configuredMtu = mtu;
    maxPlpmtu = floorStep(mtu);
    if (state == PlpmtudState.DISABLED) {
      plpmtu = mtu;
      return false;
    }
    enterBase();
    return true;
  }

  /**
   * A new probe interval; 0 turns discovery off (the path MTU becomes the configured one), a
   * positive value turns it on at BASE.
   *
   * @return whether discovery was off and is now on (the caller starts it)
   */
  boolean setInterval(long nanos) {
    boolean wasOff = intervalNanos == 0;
    intervalNanos = nanos;
    if (nanos == 0) {
      stop();
      state = PlpmtudState.DISABLED;
      plpmtu = configuredMtu;
      return false;
    }
    if (wasOff) {
      enterBase();
      return true;
    }
    return false;
  }

  // ---- events ----------------------------------------------------------------------------

  /**
   * Starts probing: the association is up and the path confirmed. Returns the size to probe now,
   * or 0.
   */
  int start(long now) {
    switch (state) {
      case DISABLED -> {
        return 0;
      }
      case SEARCH_COMPLETE -> {
        if (!timer.isRunning()) {
          timer.start(now, PMTU_RAISE_TIMER_NANOS);
        }
        return 0;
      }
      default -> {
        if (probeOutstanding) {
          return 0;
        }
        if (probeSize == 0) {
          nextProbe(plpmtu);
        }
        return probeSize;
      }
    }
  }

  /** Forgets any outstanding probe and stops the timer (the association is closing). */
  void stop() {
    timer.stop();
    probeOutstanding = false;
  }

  /** A probe of {@link #probeSize()} went out with {@code nonce}; the probe timer runs. */
  void probeSent(long nonce, long now) {
    probeNonce = nonce;
    probeOutstanding = true;
    probesSent++;
    timer.start(now, intervalNanos);
  }

  /** The path cannot be probed now (not ACTIVE or PF): try again after an interval. */
  void deferProbe(long now) {
    timer.start(now, intervalNanos);
  }

  /**
   * A HEARTBEAT ACK echoed a probe. Returns -1 when it answers no outstanding probe (another
   * nonce or size: late, duplicated or forged), else the size to probe next (0: none now).
   */
  int onProbeAck(long nonce, int size, long now) {
    if (!probeOutstanding || nonce != probeNonce || size != probeSize) {
      return -1;
    }
    probeOutstanding = false;
    probesAcked++;
    timer.stop();
    if (confirming) {
      confirming = false;
      if (state == PlpmtudState.SEARCHING) {
        return continueSearch(now);
      }
      return complete(now);
    }
    switch (state) {
      case BASE, ERROR -> {
        // Section 5.2: BASE_PLPMTU confirmed, the search begins above it.
        plpmtu = size;
        state = PlpmtudState.SEARCHING;
        low = size;
        high = maxPlpmtu + STEP;
        return continueSearch(now);
      }
      case SEARCHING -> {
        plpmtu = size;
        low = size;
        if (raising) {
          raising = false;
          high = maxPlpmtu + STEP;
        }
        return continueSearch(now);
      }
      default -> {
        return 0;
      }
    }
  }

  /**
   * The timer expired. {@code probable} says whether the path may be probed now (ACTIVE or PF):
   * a probe unanswered on a path that is not is forgotten, not counted, since its loss says
   * nothing about the size. Returns the size to probe now, or 0.
   */
  int onTimer(long now, boolean probable) {
    timer.expire();
    if (state == PlpmtudState.DISABLED) {
      return 0;
    }
    if (probeOutstanding) {
      probeOutstanding = false;
      if (!probable) {
        deferProbe(now);
        return 0;
      }
      // A lost probe is neither congestion nor a path error (RFC 8899 section 4.1): only counted.
      probesLost++;
      if (++lostCount < MAX_PROBES) {
        return probeSize;
      }
      return sizeFailed(now);
    }
    if (state == PlpmtudState.SEARCH_COMPLETE && probeSize == 0) {
      if (plpmtu >= maxPlpmtu) {
        timer.start(now, PMTU_RAISE_TIMER_NANOS);
        return 0;
      }
      // PMTU_RAISE_TIMER: see whether the path now takes one step more (section 5.2).
      state = PlpmtudState.SEARCHING;
      raising = true;
      low = plpmtu;
      high = maxPlpmtu + STEP;
      nextProbe(plpmtu + STEP);
    }
    if (!probable) {
      deferProbe(now);
      return 0;
    }
    return probeSize;
  }

  /**
   * T3-rtx expired on the path: full-sized packets may no longer get through (RFC 8899 section
   * 4.3). While searching or after the search the PLPMTU is confirmed by a probe of its size.
   * Returns the size to probe now, or 0.
   */
  int onRetransmissionTimeout(long now) {
    if (confirming
        || (state != PlpmtudState.SEARCHING && state != PlpmtudState.SEARCH_COMPLETE)) {
      return 0;
    }
    confirming = true;
    raising = false;
    probeOutstanding = false;
    timer.stop();
    nextProbe(plpmtu);
    return probeSize;
  }

  // ---- transitions -----------------------------------------------------------------------

  private void enterBase() {
    timer.stop();
    state = PlpmtudState.BASE;
    plpmtu = base();
    low = plpmtu;
    high = maxPlpmtu + STEP;
    confirming = false;
    raising = false;
    probeOutstanding = false;
    probeSize = 0;
  }

  private void nextProbe(int size) {
    probeSize = size;
    lostCount = 0;
  }

  /** MAX_PROBES probes of {@link #probeSize} went unanswered. */
  private int sizeFailed(long now) {
    if (confirming) {
      confirming = false;
      if (plpmtu > base()) {
        // Black hole (section 4.3): back to BASE_PLPMTU, which is confirmed, then a new search.
        blackHoles++;
        enterBase();
        nextProbe(plpmtu);
        return probeSize;
      }
      return enterError(now);
    }
    switch (state) {
      case BASE, ERROR -> {
        return enterError(now);
      }
      case SEARCHING -> {
        if (raising) {
          raising = false;
          return complete(now);
        }
        high = probeSize;
        return continueSearch(now);
      }
      default -> {
        return 0;
      }
    }
  }

  private int enterError(long now) {
    // Section 5.2: even BASE_PLPMTU fails; it is probed again every interval.
    state = PlpmtudState.ERROR;
    plpmtu = base();
    nextProbe(plpmtu);
    timer.start(now, intervalNanos);
    return 0;
  }

  private int continueSearch(long now) {
    int candidates = (high - low) / STEP - 1;
    if (candidates <= 0) {
      return complete(now);
    }
    nextProbe(low + STEP * ((candidates + 1) / 2));
    return probeSize;
  }

  private int complete(long now) {
    state = PlpmtudState.SEARCH_COMPLETE;
    nextProbe(0);
    timer.start(now, PMTU_RAISE_TIMER_NANOS);
    return 0;
  }

  @Override
  public String toString() {
    return "PLPMTUD[" + state + " plpmtu=" + plpmtu + " probe=" + probeSize + " lost=" + lostCount
        + "]";
  }
}
