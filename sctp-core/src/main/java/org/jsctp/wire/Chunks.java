package org.jsctp.wire;

/** Decodes one chunk by its type; the caller has checked that the value lies inside the packet. */
final class Chunks {

  private Chunks() {}

  static Chunk parse(int type, int flags, byte[] b, int off, int len) throws WireFormatException {
    switch (type) {
      case ChunkType.DATA:
        return DataChunk.parse(flags, b, off, len);
      case ChunkType.INIT:
        return InitChunk.parse(b, off, len);
      case ChunkType.INIT_ACK:
        return InitAckChunk.parse(b, off, len);
      case ChunkType.SACK:
        return SackChunk.parse(b, off, len);
      case ChunkType.HEARTBEAT:
        return HeartbeatChunk.parse(b, off, len);
      case ChunkType.HEARTBEAT_ACK:
        return HeartbeatAckChunk.parse(b, off, len);
      case ChunkType.ABORT:
        return AbortChunk.parse(flags, b, off, len);
      case ChunkType.SHUTDOWN:
        return ShutdownChunk.parse(b, off, len);
      case ChunkType.SHUTDOWN_ACK:
        return ShutdownAckChunk.parse(b, off, len);
      case ChunkType.ERROR:
        return ErrorChunk.parse(b, off, len);
      case ChunkType.COOKIE_ECHO:
        return CookieEchoChunk.parse(b, off, len);
      case ChunkType.COOKIE_ACK:
        return CookieAckChunk.parse(b, off, len);
      case ChunkType.SHUTDOWN_COMPLETE:
        return ShutdownCompleteChunk.parse(flags, b, off, len);
      case ChunkType.AUTH:
        return AuthChunk.parse(b, off, len);
      case ChunkType.I_DATA:
        return IDataChunk.parse(flags, b, off, len);
      case ChunkType.ASCONF_ACK:
        return AsconfAckChunk.parse(b, off, len);
      case ChunkType.RE_CONFIG:
        return ReConfigChunk.parse(b, off, len);
      case ChunkType.PAD:
        return PadChunk.parse(b, off, len);
      case ChunkType.FORWARD_TSN:
        return ForwardTsnChunk.parse(b, off, len);
      case ChunkType.ASCONF:
        return AsconfChunk.parse(b, off, len);
      case ChunkType.I_FORWARD_TSN:
        return IForwardTsnChunk.parse(b, off, len);
      default:
        return UnknownChunk.parse(type, flags, b, off, len);
    }
  }
}
