package org.jsctp.tx;

import org.jsctp.path.Path;
import org.jsctp.wire.UserDataChunk;

/**
 * One DATA or I-DATA chunk that has a TSN and is not yet cumulatively acknowledged: where it was last
 * sent, how often, its miss indications, and whether it is gap-acknowledged or waiting for
 * retransmission (RFC 9260 sections 6.2.1, 6.3.3, 7.2.4).
 */
final class OutstandingChunk {

  /** Why a chunk waits for retransmission. */
  enum Retransmit {
    NONE,
    FAST,
    TIMEOUT
  }

  final long tsn;
  final UserDataChunk chunk;
  final int size;
  /** The user message the chunk carries part of. */
  final QueuedMessage message;
  /** Where the chunk's user data starts in its message. */
  final int messageOffset;
  Path path;
  Path retransmitPath;
  long sentAt;
  int transmissions;
  int misses;
  boolean gapAcked;
  boolean inFlight;
  boolean multiPath;
  /** The next TSN when the chunk was last retransmitted: a later TSN acked means it was lost. */
  long retransmissionBound;
  Retransmit retransmit = Retransmit.NONE;

  /** Abandoned with its message (PR-SCTP): never retransmitted, skipped by a FORWARD-TSN. */
  boolean abandoned;

  OutstandingChunk(long tsn, UserDataChunk chunk, QueuedMessage message, int messageOffset) {
    this.tsn = tsn;
    this.chunk = chunk;
    this.size = chunk.paddedLength();
    this.message = message;
    this.messageOffset = messageOffset;
  }

  boolean isMarked() {
    return retransmit != Retransmit.NONE;
  }

  /** User data bytes of the chunk (the buffered-amount unit). */
  int payloadLength() {
    return chunk.userData().length();
  }
}
