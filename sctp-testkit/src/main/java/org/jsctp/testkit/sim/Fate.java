package org.jsctp.testkit.sim;

/** What finally happened to one copy of a datagram. */
public enum Fate {
  /** Handed to the stack bound to the destination address and port. */
  DELIVERED,
  /** Lost at random on the link. */
  LOST,
  /** Swallowed by a blackholed link. */
  BLACKHOLED,
  /** Tail-dropped because the link's transmit queue was full. */
  QUEUE_FULL,
  /**
   * Larger than the link MTU, IP and UDP headers included, and not allowed to be fragmented;
   * dropped without an ICMP message.
   */
  TOO_BIG,
  /** Dropped by a packet filter on the link. */
  FILTERED,
  /** No stack listens on the destination address and port, or the address families differ. */
  UNREACHABLE;

  /** Whether this fate means the copy never reached a stack. */
  public boolean isDrop() {
    return this != DELIVERED;
  }
}
