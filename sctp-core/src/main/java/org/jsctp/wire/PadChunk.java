package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * PAD (RFC 4820 section 3): fills a packet, for path MTU probing (RFC 8899 section 6.2). The
 * receiver ignores the content.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Type = 132   |  Chunk Flags  |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                         Padding Data                          /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param padding the padding bytes; may share the decoded packet's array
 */
public record PadChunk(Bytes padding) implements Chunk {

  /** Checks the chunk fits a 16-bit Length. */
  public PadChunk {
    OpaqueValue.check(padding, "padding", "PadChunk");
  }

  /**
   * A PAD chunk of exactly {@code length} bytes, its header included, filled with zeros: what
   * brings a PLPMTUD probe to its size.
   *
   * @param length 4..65535
   */
  public static PadChunk ofLength(int length) {
    if (length < Wire.TLV_HEADER || length > Wire.MAX_LENGTH) {
      throw new IllegalArgumentException("PAD chunk length out of range 4..65535: " + length);
    }
    return new PadChunk(Bytes.wrap(new byte[length - Wire.TLV_HEADER]));
  }

  static PadChunk parse(byte[] b, int off, int len) {
    return new PadChunk(Bytes.wrap(b, off, len));
  }

  @Override
  public int type() {
    return ChunkType.PAD;
  }

  @Override
  public int flags() {
    return 0;
  }

  @Override
  public int encodedLength() {
    return OpaqueValue.encodedLength(padding);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeChunk(out, ChunkType.PAD, 0, padding);
  }
}
