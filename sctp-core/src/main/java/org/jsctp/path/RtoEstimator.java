package org.jsctp.path;

/**
 * The retransmission timeout of one path (RFC 9260 section 6.3.1, rules C1 to C7), in
 * nanoseconds. {@link #backoff()} doubles the RTO up to RTO.Max (section 6.3.3 rule E2); a new
 * measurement brings it back to the computed value.
 */
public final class RtoEstimator {

  /** Clock granularity G used when RTTVAR is zero (RFC 9260 section 6.3.1 C3). */
  static final long GRANULARITY_NANOS = 1_000_000L;

  private long initial;
  private long min;
  private long max;
  private final int alphaShift;
  private final int betaShift;

  private long srtt;
  private long rttvar;
  private long rto;
  private boolean measured;

  public RtoEstimator(long initialNanos, long minNanos, long maxNanos, int alphaShift, int betaShift) {
    this.alphaShift = alphaShift;
    this.betaShift = betaShift;
    setBounds(initialNanos, minNanos, maxNanos);
    this.rto = clamp(initial);
  }

  /** Replaces RTO.Initial, RTO.Min and RTO.Max (SCTP_RTOINFO), clamping the current RTO. */
  void setBounds(long initialNanos, long minNanos, long maxNanos) {
    if (minNanos <= 0 || minNanos > maxNanos) {
      throw new IllegalArgumentException("RTO bounds need 0 < min <= max: " + minNanos + ", " + maxNanos);
    }
    this.initial = initialNanos;
    this.min = minNanos;
    this.max = maxNanos;
    this.rto = clamp(measured ? computed() : initial);
  }

  /**
   * Takes one round-trip measurement (C2, C3): the first sets SRTT = R and RTTVAR = R/2, later
   * ones update RTTVAR with the old SRTT before SRTT itself.
   */
  public void addSample(long rttNanos) {
    long r = Math.max(0, rttNanos);
    if (!measured) {
      srtt = r;
      rttvar = r / 2;
      measured = true;
    } else {
      long diff = Math.abs(srtt - r);
      rttvar = rttvar - (rttvar >> betaShift) + (diff >> betaShift);
      srtt = srtt - (srtt >> alphaShift) + (r >> alphaShift);
    }
    rto = clamp(computed());
  }

  /** Doubles the RTO up to RTO.Max (E2); the shift can never overflow. */
  public void backoff() {
    rto = rto >= max / 2 ? max : rto * 2;
  }

  private long computed() {
    return srtt + Math.max(4 * rttvar, GRANULARITY_NANOS);
  }

  private long clamp(long value) {
    return Math.min(max, Math.max(min, value));
  }

  /**
   * Puts back the state of a replicated path (a standby taking over, docs/ha.md); the RTO is
   * clamped to the bounds.
   */
  public void restore(long srttNanos, long rttvarNanos, long rtoNanos, boolean hasMeasurement) {
    this.srtt = Math.max(0, srttNanos);
    this.rttvar = Math.max(0, rttvarNanos);
    this.measured = hasMeasurement;
    this.rto = clamp(rtoNanos);
  }

  /** The current RTO, backoff included. */
  public long rto() {
    return rto;
  }

  public long srtt() {
    return srtt;
  }

  public long rttvar() {
    return rttvar;
  }

  public boolean hasMeasurement() {
    return measured;
  }

  public long min() {
    return min;
  }

  public long max() {
    return max;
  }

  public long initial() {
    return initial;
  }
}
