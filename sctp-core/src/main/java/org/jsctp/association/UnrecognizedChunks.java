package org.jsctp.association;

import java.nio.ByteBuffer;
import java.util.List;
import org.jsctp.path.Path;
import org.jsctp.wire.Bytes;
import org.jsctp.wire.Chunk;
import org.jsctp.wire.ErrorChunk;
import org.jsctp.wire.UnrecognizedAction;
import org.jsctp.wire.UnrecognizedChunkTypeCause;

/**
 * A chunk of a type this stack does not know (RFC 9260 section 3.2): its type's two highest bits
 * say whether to stop processing the packet and whether to report it in an ERROR with cause 6,
 * which echoes the chunk cut so that the ERROR fits the MTU (trap 22).
 */
final class UnrecognizedChunks {

  private UnrecognizedChunks() {}

  /** Reports {@code chunk} if its type says so; returns whether the packet's processing goes on. */
  static boolean handle(SctpAssociation a, Chunk chunk, Destination source) {
    UnrecognizedAction action = UnrecognizedAction.ofChunkType(chunk.type());
    if (action.reports()) {
      Path path = a.paths.find(source.remote());
      int mtu = path != null ? path.mtu() : a.options.pathMtu();
      Bytes raw = encode(chunk, Math.max(4, mtu - 48 - 16 - 8));
      a.queueControl(new ErrorChunk(List.of(new UnrecognizedChunkTypeCause(raw))), source);
    }
    return action.continues();
  }

  /** The chunk's bytes, cut to {@code limit}. */
  static Bytes encode(Chunk chunk, int limit) {
    ByteBuffer b = ByteBuffer.allocate(chunk.paddedLength());
    chunk.writeTo(b);
    int length = Math.min(chunk.encodedLength(), limit);
    return Bytes.wrap(b.array(), 0, length);
  }
}
