package org.jsctp.association.fuzz;

import java.util.List;

/**
 * One step of a fuzzed run, as {@link FuzzActionDecoder} reads it from the fuzzer's bytes: a
 * packet from the peer, an INIT or COOKIE ECHO of a collision or restart, an application call, or
 * time passing. The values are intents relative to what the peer knows (TSN offsets from the
 * cumulative TSN the IUT acknowledged, for example); {@link FuzzDriver} turns them into packets.
 */
sealed interface FuzzAction {

  /** Where a packet from the peer comes from. */
  enum Source {
    /** The peer's primary address. */
    PRIMARY,
    /** The peer's second address (the primary when the peer is not multihomed). */
    SECOND,
    /** An address the association does not know. */
    STRANGER
  }

  /** The verification tag on a packet from the peer. */
  enum Tag {
    /** The IUT's tag: the packet belongs to the association. */
    RIGHT,
    /** Zero, which only an INIT may carry. */
    ZERO,
    /** A tag the IUT never handed out. */
    WRONG
  }

  /** Which state cookie a COOKIE ECHO carries. */
  enum CookieChoice {
    /** The one of the latest INIT ACK. */
    LATEST,
    /** The one of the first INIT ACK the IUT sent. */
    OLDEST,
    /** Bytes the IUT never signed. */
    FORGED
  }

  /** A packet from the peer with one to four chunks, in this order, whatever bundling says. */
  record PeerPacket(Source source, Tag tag, List<ChunkSpec> chunks) implements FuzzAction {
    public PeerPacket {
      chunks = List.copyOf(chunks);
    }
  }

  /**
   * An INIT from the peer while an association exists (RFC 9260 section 5.2): with the peer's
   * current tag (a duplicate INIT) or a new one (a restart, or a new association once the old one
   * is closed).
   */
  record PeerInit(boolean newTag, Source source) implements FuzzAction {}

  /** A COOKIE ECHO from the peer (section 5.2.4), possibly bundled with a DATA chunk. */
  record PeerCookieEcho(CookieChoice cookie, boolean withData) implements FuzzAction {}

  /** The application sends a message; a stream beyond the negotiated ones is refused. */
  record AppSend(int stream, int size, boolean unordered, boolean sackImmediately,
      long lifetimeNanos) implements FuzzAction {}

  /** The application reads {@code eighths}/8 of the data delivered and not yet read. */
  record AppConsume(int eighths) implements FuzzAction {}

  /** The application asks for a graceful shutdown. */
  record AppShutdown() implements FuzzAction {}

  /** The application aborts the association. */
  record AppAbort() implements FuzzAction {}

  /** Virtual time moves on by {@code nanos}; every deadline on the way fires when due. */
  record Advance(long nanos) implements FuzzAction {}
}
