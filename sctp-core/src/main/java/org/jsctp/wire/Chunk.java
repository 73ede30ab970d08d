package org.jsctp.wire;

import java.nio.ByteBuffer;

/**
 * One SCTP chunk (RFC 9260 section 3.2). Every chunk starts with the same 4-byte header:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Chunk Type  | Chunk  Flags  |        Chunk Length           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                                                               \
 * /                          Chunk Value                          /
 * \                                                               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The Length counts header and value but not the zero padding to a multiple of 4 that follows
 * the chunk on the wire. Types without a record of their own decode as {@link UnknownChunk}.
 */
public sealed interface Chunk
    permits UserDataChunk,
        InitChunk,
        InitAckChunk,
        SackChunk,
        HeartbeatChunk,
        HeartbeatAckChunk,
        AbortChunk,
        ShutdownChunk,
        ShutdownAckChunk,
        ErrorChunk,
        CookieEchoChunk,
        CookieAckChunk,
        ShutdownCompleteChunk,
        AuthChunk,
        AsconfAckChunk,
        ReConfigChunk,
        PadChunk,
        ForwardTsnChunk,
        AsconfChunk,
        IForwardTsnChunk,
        UnknownChunk {

  /** The chunk type, 0..255 (see {@link ChunkType}). */
  int type();

  /** The chunk flags, 0..255. */
  int flags();

  /** The Chunk Length field: header and value, without padding. */
  int encodedLength();

  /** The bytes the chunk takes in a packet: its Length rounded up to a multiple of 4. */
  default int paddedLength() {
    return Wire.pad4(encodedLength());
  }

  /** Writes header, value and zero padding; advances {@code out} by {@link #paddedLength()}. */
  void writeTo(ByteBuffer out);
}
