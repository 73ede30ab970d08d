package org.jsctp.testkit.sim;

/** What a {@link PacketFilter} decides for one datagram. */
public sealed interface FilterVerdict {

  /** Let the datagram through unchanged. */
  static FilterVerdict pass() {
    return Pass.INSTANCE;
  }

  /** Drop the datagram, counted as {@link Fate#FILTERED}. */
  static FilterVerdict drop() {
    return Drop.INSTANCE;
  }

  /** Let the datagram through, arriving {@code nanos} later than the link alone would make it. */
  static FilterVerdict delay(long nanos) {
    return new Delay(nanos);
  }

  /** The datagram passes. */
  enum Pass implements FilterVerdict {
    INSTANCE
  }

  /** The datagram is dropped. */
  enum Drop implements FilterVerdict {
    INSTANCE
  }

  /**
   * The datagram is held back.
   *
   * @param nanos extra one-way delay, not negative
   */
  record Delay(long nanos) implements FilterVerdict {
    public Delay {
      if (nanos < 0) {
        throw new IllegalArgumentException("delay must not be negative: " + nanos);
      }
    }
  }
}
