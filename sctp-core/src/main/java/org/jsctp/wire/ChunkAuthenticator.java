package org.jsctp.wire;

/**
 * Authenticates the chunks of the packets a {@link PacketBuilder} builds (RFC 4895 section 6.2):
 * which chunk types must follow an AUTH chunk, the AUTH chunk to bundle, and its HMAC, computed
 * once the packet is encoded. Supplied by an association whose peer asked for authenticated
 * chunks.
 */
public interface ChunkAuthenticator {

  /** Whether chunks of {@code chunkType} must be sent after an AUTH chunk in their packet. */
  boolean requires(int chunkType);

  /**
   * The AUTH chunk to bundle, with the shared key identifier and HMAC identifier to use and an
   * HMAC of zeros of the algorithm's length.
   */
  AuthChunk template();

  /**
   * Computes the HMAC over {@code packet[authOffset, length)}, the AUTH chunk with its HMAC still
   * zero and every chunk after it, and writes it into the AUTH chunk at {@code authOffset}.
   */
  void sign(byte[] packet, int authOffset, int length);
}
