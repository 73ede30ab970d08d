package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Chunk List (RFC 4895 section 3.2), in INIT and INIT ACK: the chunk types the sender wants
 * authenticated.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Type = 0x8003         |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /             Chunk Type #1, #2, ... (8 bits each)              /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param chunkTypes chunk types
 */
public record ChunkListParameter(List<Integer> chunkTypes) implements Parameter {

  /** Copies the list and checks each value fits 8 bits and the whole a 16-bit Length. */
  public ChunkListParameter {
    chunkTypes = NumberList.U8.checkedTlv(chunkTypes, "chunkTypes", "ChunkListParameter");
  }

  static ChunkListParameter parse(byte[] b, int off, int len) throws WireFormatException {
    return new ChunkListParameter(NumberList.U8.parse(b, off, len, "ChunkListParameter"));
  }

  @Override
  public int type() {
    return ParameterType.CHUNK_LIST;
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
