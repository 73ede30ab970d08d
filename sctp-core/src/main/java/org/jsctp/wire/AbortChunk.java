package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * ABORT (RFC 9260 section 3.3.7): closes the association at once. Never answered; chunks after it
 * in the packet are ignored, and DATA is never bundled with it.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 6    |  Reserved   |T|            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                   zero or more Error Causes                   /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param reflectedTag the T bit: the verification tag is the receiver's own, reflected (section
 *     8.5.1)
 * @param causes the error causes, possibly none
 */
public record AbortChunk(boolean reflectedTag, List<ErrorCause> causes) implements Chunk {

  private static final int FLAG_T = 0x01;

  /** Copies the list and checks the chunk fits a 16-bit Length. */
  public AbortChunk {
    causes = TlvLists.checkedCopy(causes, Wire.TLV_HEADER, "AbortChunk");
  }

  static AbortChunk parse(int flags, byte[] b, int off, int len) throws WireFormatException {
    return new AbortChunk((flags & FLAG_T) != 0, TlvWalker.CAUSES.parse(b, off, len, "ABORT"));
  }

  /** The first cause of the given record type, if any. */
  public <T extends ErrorCause> Optional<T> cause(Class<T> type) {
    return TlvLists.first(causes, type);
  }

  @Override
  public int type() {
    return ChunkType.ABORT;
  }

  @Override
  public int flags() {
    return (reflectedTag ? FLAG_T : 0);
  }

  @Override
  public int encodedLength() {
    return TlvLists.chunkLength(causes);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    TlvLists.writeChunk(out, type(), flags(), causes);
  }
}
