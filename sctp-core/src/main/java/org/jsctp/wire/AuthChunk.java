package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * AUTH (RFC 4895 section 4.1): authenticates the chunks after it in the packet with an HMAC over
 * them and a shared key.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 15   |  Chunk Flags  |         Chunk Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Shared Key Identifier     |        HMAC Identifier        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                             HMAC                              /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param sharedKeyId the endpoint pair shared key used, 0..65535
 * @param hmacId the HMAC algorithm (1 SHA-1, 3 SHA-256)
 * @param hmac the HMAC value; may share the decoded packet's array
 */
public record AuthChunk(int sharedKeyId, int hmacId, Bytes hmac) implements Chunk {

  /** Checks the identifiers fit 16 bits and the chunk a 16-bit Length. */
  public AuthChunk {
    Wire.checkU16(sharedKeyId, "sharedKeyId");
    Wire.checkU16(hmacId, "hmacId");
    Objects.requireNonNull(hmac, "hmac");
    Wire.checkEncodedLength(8 + hmac.length(), "AuthChunk");
  }

  static AuthChunk parse(byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueAtLeast(len, 4, "AUTH");
    return new AuthChunk(Wire.u16(b, off), Wire.u16(b, off + 2), Bytes.wrap(b, off + 4, len - 4));
  }

  @Override
  public int type() {
    return ChunkType.AUTH;
  }

  @Override
  public int flags() {
    return 0;
  }

  @Override
  public int encodedLength() {
    return 8 + hmac.length();
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeChunkHeader(out, ChunkType.AUTH, 0, encodedLength());
    out.putShort((short) sharedKeyId);
    out.putShort((short) hmacId);
    hmac.writeTo(out);
    Wire.writePadding(out, encodedLength());
  }
}
