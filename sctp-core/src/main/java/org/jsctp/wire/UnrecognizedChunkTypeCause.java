package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * Unrecognized Chunk Type (RFC 9260 section 3.3.10.6): returns a chunk whose type asked for a
 * report. It may be truncated so that the ERROR fits the path MTU.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Cause Code = 6         |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                      Unrecognized Chunk                       /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param chunk the unrecognized chunk (header and value) as received
 */
public record UnrecognizedChunkTypeCause(Bytes chunk) implements ErrorCause {

  /** Checks that the value fits a 16-bit Length. */
  public UnrecognizedChunkTypeCause {
    OpaqueValue.check(chunk, "chunk", "UnrecognizedChunkTypeCause");
  }

  static UnrecognizedChunkTypeCause parse(byte[] b, int off, int len) {
    return new UnrecognizedChunkTypeCause(Bytes.wrap(b, off, len));
  }

  @Override
  public int code() {
    return CauseCode.UNRECOGNIZED_CHUNK_TYPE;
  }

  @Override
  public int encodedLength() {
    return OpaqueValue.encodedLength(chunk);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeTlv(out, code(), chunk);
  }
}
