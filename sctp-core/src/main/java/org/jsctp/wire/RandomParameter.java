package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Random (RFC 4895 section 3.1), in INIT and INIT ACK: the endpoint's random number for AUTH key
 * derivation (32 bytes are recommended).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Type = 0x8002         |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                         Random Number                         /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param random the random bytes; may share the decoded packet's array
 */
public record RandomParameter(Bytes random) implements Parameter {

  /** Checks that the value fits a 16-bit Length. */
  public RandomParameter {
    OpaqueValue.check(random, "random", "RandomParameter");
  }

  static RandomParameter parse(byte[] b, int off, int len) {
    return new RandomParameter(Bytes.wrap(b, off, len));
  }

  @Override
  public int type() {
    return ParameterType.RANDOM;
  }

  @Override
  public int encodedLength() {
    return OpaqueValue.encodedLength(random);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeTlv(out, type(), random);
  }
}
