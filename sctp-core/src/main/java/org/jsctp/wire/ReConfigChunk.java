package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * RE-CONFIG (RFC 6525 section 3.1): carries one or two stream reconfiguration requests or responses
 * (parameters 13 to 18).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Type = 130   |  Chunk Flags  |         Chunk Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /      Re-configuration Parameter (+ optional second one)       /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param parameters the requests and responses, normally one or two
 */
public record ReConfigChunk(List<Parameter> parameters) implements Chunk {

  /** Copies the list and checks the chunk fits a 16-bit Length. */
  public ReConfigChunk {
    parameters = TlvLists.checkedCopy(parameters, Wire.TLV_HEADER, "ReConfigChunk");
  }

  static ReConfigChunk parse(byte[] b, int off, int len) throws WireFormatException {
    return new ReConfigChunk(TlvWalker.PARAMETERS.parse(b, off, len, "RE-CONFIG"));
  }

  /** The first parameter of the given record type, if any. */
  public <T extends Parameter> Optional<T> parameter(Class<T> type) {
    return TlvLists.first(parameters, type);
  }

  @Override
  public int type() {
    return ChunkType.RE_CONFIG;
  }

  @Override
  public int flags() {
    return 0;
  }

  @Override
  public int encodedLength() {
    return TlvLists.chunkLength(parameters);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    TlvLists.writeChunk(out, type(), flags(), parameters);
  }
}
