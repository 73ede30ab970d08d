package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Zero Checksum Acceptable (RFC 9653 section 4), in INIT and INIT ACK: packets to the sender may
 * carry a zero checksum when the named alternate error detection method is used. Only meaningful
 * under DTLS, never over plain UDP.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Type = 0x8001         |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Error Detection Method Identifier (EDMID)           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param edmid the alternate error detection method (1 = SCTP over DTLS)
 */
public record ZeroChecksumAcceptableParameter(int edmid) implements Parameter {

  static ZeroChecksumAcceptableParameter parse(byte[] b, int off, int len)
      throws WireFormatException {
    return new ZeroChecksumAcceptableParameter(
        Int32Value.parse(b, off, len, "ZeroChecksumAcceptableParameter"));
  }

  @Override
  public int type() {
    return ParameterType.ZERO_CHECKSUM_ACCEPTABLE;
  }

  @Override
  public int encodedLength() {
    return Int32Value.ENCODED_LENGTH;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Int32Value.writeTlv(out, type(), edmid);
  }
}
