package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * ERROR (RFC 9260 section 3.3.10): reports conditions that do not end the association. RFC 9260
 * asks for at least one cause; an empty list is left to the protocol to judge.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 9    |  Chunk Flags  |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                   zero or more Error Causes                   /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param causes the error causes, possibly none
 */
public record ErrorChunk(List<ErrorCause> causes) implements Chunk {

  /** Copies the list and checks the chunk fits a 16-bit Length. */
  public ErrorChunk {
    causes = TlvLists.checkedCopy(causes, Wire.TLV_HEADER, "ErrorChunk");
  }

  static ErrorChunk parse(byte[] b, int off, int len) throws WireFormatException {
    return new ErrorChunk(TlvWalker.CAUSES.parse(b, off, len, "ERROR"));
  }

  /** The first cause of the given record type, if any. */
  public <T extends ErrorCause> Optional<T> cause(Class<T> type) {
    return TlvLists.first(causes, type);
  }

  @Override
  public int type() {
    return ChunkType.ERROR;
  }

  @Override
  public int flags() {
    return 0;
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
