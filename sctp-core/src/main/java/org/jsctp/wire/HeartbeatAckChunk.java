package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * HEARTBEAT ACK (RFC 9260 section 3.3.6): answers a HEARTBEAT by echoing its parameters unchanged,
 * to the address the HEARTBEAT came from.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 5    |  Chunk Flags  |         Chunk Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /          Heartbeat Information TLV (Variable-Length)          /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param parameters the HEARTBEAT's parameters, unchanged
 */
public record HeartbeatAckChunk(List<Parameter> parameters) implements Chunk {

  /** Copies the list and checks the chunk fits a 16-bit Length. */
  public HeartbeatAckChunk {
    parameters = TlvLists.checkedCopy(parameters, Wire.TLV_HEADER, "HeartbeatAckChunk");
  }

  static HeartbeatAckChunk parse(byte[] b, int off, int len) throws WireFormatException {
    return new HeartbeatAckChunk(TlvWalker.PARAMETERS.parse(b, off, len, "HEARTBEAT ACK"));
  }

  /** A HEARTBEAT ACK with one Heartbeat Info parameter. */
  public static HeartbeatAckChunk of(Bytes info) {
    return new HeartbeatAckChunk(List.of(new HeartbeatInfoParameter(info)));
  }

  /** The value of the first Heartbeat Info parameter, if any. */
  public Optional<Bytes> info() {
    return HeartbeatInfoParameter.firstIn(parameters);
  }

  @Override
  public int type() {
    return ChunkType.HEARTBEAT_ACK;
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
