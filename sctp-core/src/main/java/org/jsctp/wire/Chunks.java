package org.jsctp.wire;

/** Decodes one chunk by its type; the caller has checked that the value lies inside the packet. */
final class Chunks {

  private Chunks() {}

  static Chunk parse(int type, int flags, byte[] b, int off, int len) throws WireFormatException {
    return switch (type) {
      case ChunkType.DATA -> DataChunk.parse(flags, b, off, len);
      case ChunkType.INIT -> InitChunk.parse(b, off, len);
      case ChunkType.INIT_ACK -> InitAckChunk.parse(b, off, len);
      case ChunkType.SACK -> SackChunk.parse(b, off, len);
      case ChunkType.HEARTBEAT -> HeartbeatChunk.parse(b, off, len);
      case ChunkType.HEARTBEAT_ACK -> HeartbeatAckChunk.parse(b, off, len);
      case ChunkType.ABORT -> AbortChunk.parse(flags, b, off, len);
      case ChunkType.SHUTDOWN -> ShutdownChunk.parse(b, off, len);
      case ChunkType.SHUTDOWN_ACK -> ShutdownAckChunk.parse(b, off, len);
      case ChunkType.ERROR -> ErrorChunk.parse(b, off, len);
      case ChunkType.COOKIE_ECHO -> CookieEchoChunk.parse(b, off, len);
      case ChunkType.COOKIE_ACK -> CookieAckChunk.parse(b, off, len);
      case ChunkType.SHUTDOWN_COMPLETE -> ShutdownCompleteChunk.parse(flags, b, off, len);
      case ChunkType.AUTH -> AuthChunk.parse(b, off, len);
      case ChunkType.I_DATA -> IDataChunk.parse(flags, b, off, len);
      case ChunkType.ASCONF_ACK -> AsconfAckChunk.parse(b, off, len);
      case ChunkType.RE_CONFIG -> ReConfigChunk.parse(b, off, len);
      case ChunkType.PAD -> PadChunk.parse(b, off, len);
      case ChunkType.FORWARD_TSN -> ForwardTsnChunk.parse(b, off, len);
      case ChunkType.ASCONF -> AsconfChunk.parse(b, off, len);
      case ChunkType.I_FORWARD_TSN -> IForwardTsnChunk.parse(b, off, len);
      default -> UnknownChunk.parse(type, flags, b, off, len);
    };
  }
}
