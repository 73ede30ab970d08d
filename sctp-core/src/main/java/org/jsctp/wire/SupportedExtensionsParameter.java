package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Supported Extensions (RFC 5061 section 4.2.7), in INIT and INIT ACK: the extension chunk types
 * the sender understands.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Type = 0x8008         |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /             CHUNK TYPE #1, #2, ... (8 bits each)              /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param chunkTypes chunk types
 */
public record SupportedExtensionsParameter(List<Integer> chunkTypes) implements Parameter {

  /** Copies the list and checks each value fits 8 bits and the whole a 16-bit Length. */
  public SupportedExtensionsParameter {
    chunkTypes = NumberList.U8.checkedTlv(chunkTypes, "chunkTypes", "SupportedExtensionsParameter");
  }

  static SupportedExtensionsParameter parse(byte[] b, int off, int len) throws WireFormatException {
    return new SupportedExtensionsParameter(
        NumberList.U8.parse(b, off, len, "SupportedExtensionsParameter"));
  }

  @Override
  public int type() {
    return ParameterType.SUPPORTED_EXTENSIONS;
  }

  @Override
  public int encodedLength() {
    return NumberList.U8.tlvLength(chunkTypes);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    NumberList.U8.writeTlv(out, type(), chunkTypes);
  }
}
