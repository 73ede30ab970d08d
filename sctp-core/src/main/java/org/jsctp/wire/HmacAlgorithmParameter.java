package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Requested HMAC Algorithm (RFC 4895 section 3.3), in INIT and INIT ACK: the HMAC identifiers the
 * sender accepts, most preferred first.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Type = 0x8004         |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /          HMAC Identifier #1, #2, ... (16 bits each)           /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param hmacIds HMAC identifiers (1 SHA-1, 3 SHA-256)
 */
public record HmacAlgorithmParameter(List<Integer> hmacIds) implements Parameter {

  /** Copies the list and checks each value fits 16 bits and the whole a 16-bit Length. */
  public HmacAlgorithmParameter {
    hmacIds = NumberList.U16.checkedTlv(hmacIds, "hmacIds", "HmacAlgorithmParameter");
  }

  static HmacAlgorithmParameter parse(byte[] b, int off, int len) throws WireFormatException {
    return new HmacAlgorithmParameter(NumberList.U16.parse(b, off, len, "HmacAlgorithmParameter"));
  }

  @Override
  public int type() {
    return ParameterType.HMAC_ALGORITHM;
  }

  @Override
  public int encodedLength() {
    return NumberList.U16.tlvLength(hmacIds);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    NumberList.U16.writeTlv(out, type(), hmacIds);
  }
}
