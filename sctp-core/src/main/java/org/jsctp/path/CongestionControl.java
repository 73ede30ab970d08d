package org.jsctp.path;

/**
 * Per-destination congestion control of RFC 9260 section 7.2: cwnd, ssthresh and
 * partial_bytes_acked, in bytes. Byte counts are DATA chunk sizes with header and padding. The
 * flight size belongs to the outstanding-data bookkeeping and is passed in.
 */
public final class CongestionControl {

  /** Initial cwnd floor for IPv4 paths (RFC 9260 section 7.2.1). */
  public static final int INITIAL_CWND_IPV4 = 4404;

  /** Initial cwnd floor for IPv6 paths (RFC 9260 section 7.2.1). */
  public static final int INITIAL_CWND_IPV6 = 4344;

  private int pmdcs;
  private final int initialFloor;
  private long cwnd;
  private long ssthresh;
  private long partialBytesAcked;

  /**
   * @param pmdcs the path's maximum DATA chunk size (PMDCS): what fits one packet after the IP,
   *     UDP, common and DATA chunk headers
   * @param ipv6 whether the path is IPv6 (smaller initial floor)
   * @param initialSsthresh arbitrarily high initial ssthresh; the peer's a_rwnd is customary
   */
  public CongestionControl(int pmdcs, boolean ipv6, long initialSsthresh) {
    this.pmdcs = pmdcs;
    this.initialFloor = ipv6 ? INITIAL_CWND_IPV6 : INITIAL_CWND_IPV4;
    this.cwnd = initialCwnd();
    this.ssthresh = initialSsthresh;
  }

  /** min(4 * PMDCS, max(2 * PMDCS, 4404)) (RFC 9260 section 7.2.1). */
  public long initialCwnd() {
    return Math.min(4L * pmdcs, Math.max(2L * pmdcs, initialFloor));
  }

  /**
   * Applies the bytes a SACK newly acknowledged on this path (sections 7.2.1 and 7.2.2).
   *
   * @param bytesAcked newly acknowledged bytes sent on this path (cum, gap and dup)
   * @param flightSizeBefore the path's flight size before the SACK was applied
   * @param inFastRecovery whether the association is in Fast Recovery
   * @param allAcked whether nothing remains outstanding on the path after the SACK
   */
  public void onAcked(long bytesAcked, long flightSizeBefore, boolean inFastRecovery, boolean allAcked) {
    if (bytesAcked <= 0) {
      if (allAcked) {
        partialBytesAcked = 0;
      }
      return;
    }
    if (cwnd <= ssthresh) {
      // Slow start: grow only when cwnd was in full use and not in Fast Recovery (7.2.1).
      if (!inFastRecovery && flightSizeBefore >= cwnd) {
        cwnd += Math.min(bytesAcked, pmdcs);
      }
    } else {
      // Congestion avoidance (7.2.2).
      partialBytesAcked += bytesAcked;
      if (partialBytesAcked >= cwnd && flightSizeBefore >= cwnd) {
        partialBytesAcked -= cwnd;
        cwnd += pmdcs;
      } else if (flightSizeBefore < cwnd) {
        partialBytesAcked = Math.min(partialBytesAcked, cwnd);
      }
    }
    if (allAcked) {
      partialBytesAcked = 0;
    }
  }

  /** Loss seen through a SACK, entering Fast Recovery (section 7.2.4). */
  public void onFastRetransmit() {
    ssthresh = Math.max(cwnd / 2, 4L * pmdcs);
    cwnd = ssthresh;
    partialBytesAcked = 0;
  }

  /** T3-rtx expiry (section 6.3.3 rule E1, section 7.2.3). */
  public void onRetransmissionTimeout() {
    ssthresh = Math.max(cwnd / 2, 4L * pmdcs);
    cwnd = pmdcs;
    partialBytesAcked = 0;
  }

  /**
   * One RTO of idleness (section 7.2.1): the first time, ssthresh keeps the old cwnd; then cwnd
   * halves down to 4 * PMDCS.
   */
  public void onIdleRto(boolean firstIdleRto) {
    if (firstIdleRto) {
      ssthresh = cwnd;
    }
    cwnd = Math.max(cwnd / 2, 4L * pmdcs);
  }

  /** Sets cwnd to one packet's worth, as the path returns from PF to ACTIVE (draft-nishida). */
  public void resetToOneMtu() {
    cwnd = pmdcs;
    partialBytesAcked = 0;
  }

  /** Back to the initial window, for a restart or a path change (section 7.2.5). */
  public void reset(long initialSsthresh) {
    cwnd = initialCwnd();
    ssthresh = initialSsthresh;
    partialBytesAcked = 0;
  }

  /**
   * Whether one more chunk may be sent: new data is refused once cwnd + (PMDCS - 1) bytes or
   * more are outstanding (one-packet overbooking, section 6.1 rule B).
   */
  public boolean allowsSending(long flightSize) {
    return flightSize < cwnd + pmdcs - 1;
  }

  public void setPmdcs(int pmdcs) {
    this.pmdcs = pmdcs;
  }

  public int pmdcs() {
    return pmdcs;
  }

  public long cwnd() {
    return cwnd;
  }

  public long ssthresh() {
    return ssthresh;
  }

  public long partialBytesAcked() {
    return partialBytesAcked;
  }
}
