package org.jsctp.testkit.sim;

/**
 * The character of one directed link: how long a datagram takes, how it is disturbed and what
 * the link refuses.
 *
 * <p>Sizes on the wire count the synthesized IP header (20 bytes for IPv4, 40 for IPv6) and the
 * 8-byte UDP header on top of the SCTP packet: the MTU check and the serialization delay use
 * that wire size.
 *
 * @param latencyNanos fixed one-way propagation delay
 * @param jitterNanos extra delay drawn uniformly from {@code [0, jitterNanos]} per datagram,
 *     independently, so datagrams can overtake one another
 * @param lossProbability chance in {@code [0, 1]} that a datagram is lost on the wire
 * @param duplicationProbability chance in {@code [0, 1]} that a datagram arrives twice, each copy
 *     with its own jitter
 * @param bandwidthBitsPerSecond serialization rate, or {@link #UNLIMITED_BANDWIDTH}
 * @param queueLimitBytes wire bytes the transmit queue holds (including the datagram being
 *     serialized); a datagram that does not fit is tail-dropped; used only with a bandwidth
 * @param mtu largest IP datagram, headers included, that the link carries
 */
public record LinkProfile(
    long latencyNanos,
    long jitterNanos,
    double lossProbability,
    double duplicationProbability,
    long bandwidthBitsPerSecond,
    long queueLimitBytes,
    int mtu) {

  /** Bandwidth value meaning no serialization delay and no queue. */
  public static final long UNLIMITED_BANDWIDTH = 0;

  /** 5 ms latency, no jitter, loss or duplication, unlimited bandwidth, 1 MiB queue, MTU 1500. */
  public static final LinkProfile DEFAULT =
      new LinkProfile(SimTime.millis(5), 0, 0.0, 0.0, UNLIMITED_BANDWIDTH, 1 << 20, 1500);

  public LinkProfile {
    requireNonNegative("latencyNanos", latencyNanos);
    requireNonNegative("jitterNanos", jitterNanos);
    requireProbability("lossProbability", lossProbability);
    requireProbability("duplicationProbability", duplicationProbability);
    requireNonNegative("bandwidthBitsPerSecond", bandwidthBitsPerSecond);
    if (queueLimitBytes <= 0) {
      throw new IllegalArgumentException("queueLimitBytes must be positive: " + queueLimitBytes);
    }
    if (mtu < 68 || mtu > 65535) {
      throw new IllegalArgumentException("mtu out of range 68..65535: " + mtu);
    }
  }

  /** This profile with another latency. */
  public LinkProfile withLatency(long nanos) {
    return new LinkProfile(nanos, jitterNanos, lossProbability, duplicationProbability,
        bandwidthBitsPerSecond, queueLimitBytes, mtu);
  }

  /** This profile with another jitter. */
  public LinkProfile withJitter(long nanos) {
    return new LinkProfile(latencyNanos, nanos, lossProbability, duplicationProbability,
        bandwidthBitsPerSecond, queueLimitBytes, mtu);
  }

  /** This profile with another loss probability. */
  public LinkProfile withLoss(double probability) {
    return new LinkProfile(latencyNanos, jitterNanos, probability, duplicationProbability,
        bandwidthBitsPerSecond, queueLimitBytes, mtu);
  }

  /** This profile with another duplication probability. */
  public LinkProfile withDuplication(double probability) {
    return new LinkProfile(latencyNanos, jitterNanos, lossProbability, probability,
        bandwidthBitsPerSecond, queueLimitBytes, mtu);
  }

  /** This profile with another bandwidth ({@link #UNLIMITED_BANDWIDTH} for none). */
  public LinkProfile withBandwidth(long bitsPerSecond) {
    return new LinkProfile(latencyNanos, jitterNanos, lossProbability, duplicationProbability,
        bitsPerSecond, queueLimitBytes, mtu);
  }

  /** This profile with another queue limit. */
  public LinkProfile withQueueLimit(long bytes) {
    return new LinkProfile(latencyNanos, jitterNanos, lossProbability, duplicationProbability,
        bandwidthBitsPerSecond, bytes, mtu);
  }

  /** This profile with another MTU. */
  public LinkProfile withMtu(int bytes) {
    return new LinkProfile(latencyNanos, jitterNanos, lossProbability, duplicationProbability,
        bandwidthBitsPerSecond, queueLimitBytes, bytes);
  }

  /** Whether datagrams are serialized at a finite rate through a bounded queue. */
  public boolean hasBandwidthLimit() {
    return bandwidthBitsPerSecond != UNLIMITED_BANDWIDTH;
  }

  private static void requireNonNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
  }

  private static void requireProbability(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must lie in [0, 1]: " + value);
    }
  }
}
