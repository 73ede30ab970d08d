package org.jsctp.testkit.sim;

/**
 * A chunk-aware rule on one link, consulted for every datagram that is not already blackholed or
 * too big, before the transmit queue. Filters of a link are asked in the order they were added;
 * the first verdict other than pass decides. Dropping a datagram drops every chunk bundled in it.
 *
 * <p>Filters may keep state (to act on "the next" datagram only); a filter that reports itself
 * {@linkplain #isExhausted() exhausted} after a datagram is removed from the link.
 */
@FunctionalInterface
public interface PacketFilter {

  /** The verdict for {@code datagram}. */
  FilterVerdict inspect(SimDatagram datagram);

  /** Whether the filter has done its job and can be removed. */
  default boolean isExhausted() {
    return false;
  }
}
