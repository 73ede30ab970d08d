package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * COOKIE ACK (RFC 9260 section 3.3.12): answers a valid COOKIE ECHO; first in its packet when
 * bundled.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 11   |  Chunk Flags  |          Length = 4           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record CookieAckChunk() implements Chunk {

  static CookieAckChunk parse(byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueLength(len, 0, "COOKIE ACK");
    return new CookieAckChunk();
  }

  @Override
  public int type() {
    return ChunkType.COOKIE_ACK;
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
    Wire.writeChunkHeader(out, ChunkType.COOKIE_ACK, flags(), Wire.TLV_HEADER);
  }
}
