package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Unrecognized Parameter (RFC 9260 section 3.3.3), in INIT ACK: wraps a parameter of the INIT that
 * the responder did not understand and whose type asks for a report.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Type = 8            |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                  Unrecognized Parameter TLV                   /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param parameter the whole unrecognized TLV (type, length, value), as received
 */
public record UnrecognizedParameter(Bytes parameter) implements Parameter {

  /** Checks that the value fits a 16-bit Length. */
  public UnrecognizedParameter {
    OpaqueValue.check(parameter, "parameter", "UnrecognizedParameter");
  }

  static UnrecognizedParameter parse(byte[] b, int off, int len) {
    return new UnrecognizedParameter(Bytes.wrap(b, off, len));
  }

  @Override
  public int type() {
    return ParameterType.UNRECOGNIZED_PARAMETER;
  }

  @Override
  public int encodedLength() {
    return OpaqueValue.encodedLength(parameter);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeTlv(out, type(), parameter);
  }
}
