package org.jsctp.netty.option;

import java.util.List;

/**
 * SCTP_PEER_AUTH_CHUNKS and SCTP_LOCAL_AUTH_CHUNKS (RFC 6458 sections 8.2.7 and 8.2.8, struct
 * sctp_authchunks): the chunk types one side asked to receive authenticated (RFC 4895 Chunk
 * List), as it listed them.
 *
 * @param chunkTypes the chunk types (gauth_chunks), 0..255 each; copied
 */
public record AuthChunks(List<Integer> chunkTypes) {

  /** Copies the list. */
  public AuthChunks {
    chunkTypes = List.copyOf(chunkTypes);
  }
}
