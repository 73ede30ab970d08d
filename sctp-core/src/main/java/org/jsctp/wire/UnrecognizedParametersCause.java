package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Unrecognized Parameters (RFC 9260 section 3.3.10.8): returns the INIT ACK parameters the
 * initiator did not understand and whose types ask for a report.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Cause Code = 8         |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                    Unrecognized Parameters                    /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param parameters the unrecognized parameter TLVs, concatenated as received
 */
public record UnrecognizedParametersCause(Bytes parameters) implements ErrorCause {

  /** Checks that the value fits a 16-bit Length. */
  public UnrecognizedParametersCause {
    OpaqueValue.check(parameters, "parameters", "UnrecognizedParametersCause");
  }

  static UnrecognizedParametersCause parse(byte[] b, int off, int len) {
    return new UnrecognizedParametersCause(Bytes.wrap(b, off, len));
  }

  @Override
  public int code() {
    return CauseCode.UNRECOGNIZED_PARAMETERS;
  }

  @Override
  public int encodedLength() {
    return OpaqueValue.encodedLength(parameters);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeTlv(out, code(), parameters);
  }
}
