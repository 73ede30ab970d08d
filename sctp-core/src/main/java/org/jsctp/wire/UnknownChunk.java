package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * A chunk of a type this codec has no record for (including the reserved ECNE and CWR, 12 and 13),
 * kept raw so that it can be reported in cause 6 or re-encoded unchanged. {@link #action()} tells
 * what RFC 9260 section 3.2 asks of the receiver.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Chunk Type   |  Chunk Flags  |         Chunk Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                          Chunk Value                          /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param type the chunk type, 0..255
 * @param flags the chunk flags, 0..255
 * @param value the value after the 4-byte header, without padding
 */
public record UnknownChunk(int type, int flags, Bytes value) implements Chunk {

  /** Checks type and flags fit 8 bits and the chunk a 16-bit Length. */
  public UnknownChunk {
    Wire.checkU8(type, "type");
    Wire.checkU8(flags, "flags");
    OpaqueValue.check(value, "value", "UnknownChunk");
  }

  static UnknownChunk parse(int type, int flags, byte[] b, int off, int len) {
    return new UnknownChunk(type, flags, Bytes.wrap(b, off, len));
  }

  /** What the receiver must do with it, from the two highest bits of the type. */
  public UnrecognizedAction action() {
    return UnrecognizedAction.ofChunkType(type);
  }

  /** The chunk as received (header and value, no padding), for cause 6. */
  public Bytes toTlv() {
    ByteBuffer out = ByteBuffer.allocate(paddedLength());
    writeTo(out);
    return Bytes.wrap(out.array(), 0, encodedLength());
  }

  @Override
  public int encodedLength() {
    return OpaqueValue.encodedLength(value);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    OpaqueValue.writeChunk(out, type, flags, value);
  }
}
