package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * ASCONF-ACK (RFC 5061 section 3.1.2): answers an ASCONF with a Success Indication or Error Cause
 * Indication per request that needs one.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Type = 0x80  |  Chunk Flags  |         Chunk Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                 ASCONF Parameter Response #1                  /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              ...                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                 ASCONF Parameter Response #N                  /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param serialNumber the serial number of the ASCONF answered
 * @param parameters the responses, in order
 */
public record AsconfAckChunk(int serialNumber, List<Parameter> parameters) implements Chunk {

  /** Copies the list and checks the chunk fits a 16-bit Length. */
  public AsconfAckChunk {
    parameters = TlvLists.checkedCopy(parameters, 8, "AsconfAckChunk");
  }

  static AsconfAckChunk parse(byte[] b, int off, int len) throws WireFormatException {
    Wire.requireValueAtLeast(len, 4, "ASCONF-ACK");
    return new AsconfAckChunk(
        Wire.i32(b, off), TlvWalker.PARAMETERS.parse(b, off + 4, len - 4, "ASCONF-ACK"));
  }

  @Override
  public int type() {
    return ChunkType.ASCONF_ACK;
  }

  @Override
  public int flags() {
    return 0;
  }

  @Override
  public int encodedLength() {
    return 8 + TlvLists.length(parameters);
  }

  @Override
  public void writeTo(ByteBuffer out) {
    Wire.writeChunkHeader(out, ChunkType.ASCONF_ACK, 0, encodedLength());
    out.putInt(serialNumber);
    TlvLists.write(out, parameters);
  }
}
