package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * SHUTDOWN ACK (RFC 9260 section 3.3.9): answers SHUTDOWN once all outstanding data is
 * acknowledged. Never bundled with DATA.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 8    |  Chunk Flags  |          Length = 4           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record ShutdownAckChunk() implements Chunk {

  static ShutdownAckChunk parse(byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueLength(len, 0, "SHUTDOWN ACK");
    return new ShutdownAckChunk();
  }

  @Override
  public int type() {
    return ChunkType.SHUTDOWN_ACK;
  }

  @Override
  public int flags() {
    return 0;
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeChunkHeader(out, ChunkType.SHUTDOWN_ACK, flags(), Wire.TLV_HEADER);
  }
}
