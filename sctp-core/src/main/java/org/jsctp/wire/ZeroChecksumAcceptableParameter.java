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
    Wire.requireValueLength(len, 4, "ZeroChecksumAcceptableParameter");
    return new ZeroChecksumAcceptableParameter(Wire.i32(b, off));
  }

  @Override
  public int type() {
    return ParameterType.ZERO_CHECKSUM_ACCEPTABLE;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER + 4;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeTlvHeader(out, type(), encodedLength());
    out.putInt(edmid);
  }
}
