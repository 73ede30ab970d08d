package org.jsctp.util;

/**
 * Serial number arithmetic (RFC 1982, as RFC 9260 section 1.6 requires) for the 32-bit TSN,
 * MID and tag spaces and the 16-bit SSN space. Sequence numbers are never compared with
 * {@code <}: a value is "less" than another when the forward distance to it is below half the
 * space.
 */
public final class SerialNumbers {

  private SerialNumbers() {}

  /** True when {@code a} precedes {@code b} in 32-bit serial arithmetic. */
  public static boolean lt32(int a, int b) {
    return a != b && (b - a) > 0;
  }

  /** True when {@code a} precedes or equals {@code b} in 32-bit serial arithmetic. */
  public static boolean le32(int a, int b) {
    return a == b || (b - a) > 0;
  }

  /** True when {@code a} follows {@code b} in 32-bit serial arithmetic. */
  public static boolean gt32(int a, int b) {
    return lt32(b, a);
  }

  /** True when {@code a} follows or equals {@code b} in 32-bit serial arithmetic. */
  public static boolean ge32(int a, int b) {
    return le32(b, a);
  }

  /** Signed forward distance from {@code from} to {@code to} in the 32-bit space. */
  public static int distance32(int from, int to) {
    return to - from;
  }

  /** True when {@code a} precedes {@code b} in 16-bit serial arithmetic (SSN). */
  public static boolean lt16(int a, int b) {
    int d = (b - a) & 0xFFFF;
    return d != 0 && d < 0x8000;
  }

  /** True when {@code a} precedes or equals {@code b} in 16-bit serial arithmetic (SSN). */
  public static boolean le16(int a, int b) {
    return ((a ^ b) & 0xFFFF) == 0 || lt16(a, b);
  }

  /** The next value in the 16-bit space: 65535 wraps to 0 (RFC 9260 section 6.5). */
  public static int next16(int ssn) {
    return (ssn + 1) & 0xFFFF;
  }
}
