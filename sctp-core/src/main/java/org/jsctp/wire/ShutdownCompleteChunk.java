package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * SHUTDOWN COMPLETE (RFC 9260 section 3.3.13): ends the shutdown; always alone in its packet.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 14   |  Reserved   |T|          Length = 4           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param reflectedTag the T bit: the verification tag is the receiver's own, reflected (section
 *     8.5.1)
 */
public record ShutdownCompleteChunk(boolean reflectedTag) implements Chunk {

  private static final int FLAG_T = 0x01;

  static ShutdownCompleteChunk parse(int flags, byte[] b, int off, int len)
      throws WireFormatException {
    Wire.requireValueLength(len, 0, "SHUTDOWN COMPLETE");
    return new ShutdownCompleteChunk((flags & FLAG_T) != 0);
  }

  @Override
  public int type() {
    return ChunkType.SHUTDOWN_COMPLETE;
  }

  @Override
  public int flags() {
    return (reflectedTag ? FLAG_T : 0);
  }

  @Override
  public int encodedLength() {
    return Wire.TLV_HEADER;
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeChunkHeader(out, ChunkType.SHUTDOWN_COMPLETE, flags(), Wire.TLV_HEADER);
  }
}
