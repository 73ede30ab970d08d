package org.jsctp.wire;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * HEARTBEAT (RFC 9260 section 3.3.5): probes a path; normally one Heartbeat Info parameter holding
 * whatever the sender needs to recognize the answer (send time, path, nonce).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 4    |  Chunk Flags  |         Chunk Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /          Heartbeat Information TLV (Variable-Length)          /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param parameters normally one {@link HeartbeatInfoParameter}
 */
public record HeartbeatChunk(List<Parameter> parameters) implements Chunk {

  /** Copies the list and checks the chunk fits a 16-bit Length. */
  public HeartbeatChunk {
    parameters = TlvLists.checkedCopy(parameters, Wire.TLV_HEADER, "HeartbeatChunk");
  }

  static HeartbeatChunk parse(byte[] b, int off, int len) throws WireFormatException {
    return new HeartbeatChunk(TlvWalker.PARAMETERS.parse(b, off, len, "HEARTBEAT"));
  }

  /** A HEARTBEAT with one Heartbeat Info parameter. */
  public static HeartbeatChunk of(Bytes info) {
    return new HeartbeatChunk(List.of(new HeartbeatInfoParameter(info)));
  }

  /** The value of the first Heartbeat Info parameter, if any. */
  public Optional<Bytes> info() {
    return HeartbeatInfoParameter.firstIn(parameters);
  }

  @Override
  public int type() {
    return ChunkType.HEARTBEAT;
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
