package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * SHUTDOWN (RFC 9260 section 3.3.8): starts a graceful close. Its Length is always 8: no gap
 * blocks, and their absence is not a renege. Never bundled with DATA.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 7    |  Chunk Flags  |          Length = 8           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Cumulative TSN Ack                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param cumulativeTsnAck the last TSN received in sequence
 */
public record ShutdownChunk(int cumulativeTsnAck) implements Chunk {

  static ShutdownChunk parse(byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueLength(len, 4, "SHUTDOWN");
    return new ShutdownChunk(Wire.i32(b, off));
  }

  @Override
  public int type() {
    return ChunkType.SHUTDOWN;
  }

  @Override
  public int flags() {
    return 0;
  }

  @Override
  public int encodedLength() {
    return 8;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeChunkHeader(out, ChunkType.SHUTDOWN, 0, 8);
    out.putInt(cumulativeTsnAck);
  }
}
