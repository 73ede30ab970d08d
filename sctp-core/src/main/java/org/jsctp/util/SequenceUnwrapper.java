package org.jsctp.util;

/**
 * Turns 32-bit wrapping sequence numbers (TSN, MID) into monotonic 64-bit values, so that
 * ordered collections and plain {@code <} work inside the core. The reference moves forward
 * with every value seen; a value within 2^31 behind or ahead of it maps to the nearest
 * unwrapped value.
 */
public final class SequenceUnwrapper {

  private long last;

  /** Starts with {@code initial} unwrapped to itself (as an unsigned value). */
  public SequenceUnwrapper(int initial) {
    this.last = Integer.toUnsignedLong(initial) + (1L << 32);
  }

  /** Unwraps {@code value} relative to the last value seen, and moves the reference forward. */
  public long unwrap(int value) {
    long result = peek(value);
    if (result > last) {
      last = result;
    }
    return result;
  }

  /** Unwraps {@code value} without moving the reference. */
  public long peek(int value) {
    int delta = value - (int) last;
    return last + delta;
  }

  /** Moves the reference forward to {@code unwrapped} (a TSN reset jumps there). */
  public void moveTo(long unwrapped) {
    if (unwrapped > last) {
      last = unwrapped;
    }
  }

  /** The 32-bit value of an unwrapped number. */
  public static int wrap(long unwrapped) {
    return (int) unwrapped;
  }
}
