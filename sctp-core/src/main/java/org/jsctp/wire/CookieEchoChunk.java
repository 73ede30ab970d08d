package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * COOKIE ECHO (RFC 9260 section 3.3.11): returns the State Cookie of the INIT ACK. First in its
 * packet; DATA may follow.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 10   |  Chunk Flags  |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                            Cookie                             /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param cookie the State Cookie exactly as received in the INIT ACK; may share the decoded
 *     packet's array
 */
public record CookieEchoChunk(Bytes cookie) implements Chunk {

  /** Checks the chunk fits a 16-bit Length. */
  public CookieEchoChunk {
    OpaqueValue.check(cookie, "cookie", "CookieEchoChunk");
  }

  static CookieEchoChunk parse(byte[] b, int off, int len) {
    return new CookieEchoChunk(Bytes.wrap(b, off, len));
  }

  @Override
  public int type() {
    return ChunkType.COOKIE_ECHO;
  }

  @Override
  public int flags() {
    return 0;
  }

  @Override
  public int encodedLength() {
    return OpaqueValue.encodedLength(cookie);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeChunk(out, ChunkType.COOKIE_ECHO, 0, cookie);
  }
}
