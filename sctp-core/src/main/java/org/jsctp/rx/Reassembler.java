package org.jsctp.rx;

import java.net.InetAddress;
import java.util.List;
import org.jsctp.ha.ReceiverSnapshot;
import org.jsctp.wire.UserDataChunk;

/**
 * Turns fragments into messages: by consecutive TSNs for DATA ({@link Reassembly}, RFC 9260
 * section 6.9), by stream, message identifier and fragment sequence number for I-DATA ({@link
 * InterleavedReassembly}, RFC 8260 section 2.1). Also starts the partial delivery of a message
 * too large to hold whole (RFC 6458 section 8.1.21) and gives up the highest fragment when the
 * receiver needs room for a lower TSN (RFC 9260 section 6.2).
 */
sealed interface Reassembler permits Reassembly, InterleavedReassembly {

  /** What to do with a message or a piece of one. */
  interface Sink {
    /** A whole message was reassembled. */
    void complete(InboundMessage message);

    /** A piece of a partially delivered message; {@code last} ends it. */
    void piece(InboundMessage message, boolean last);

    /** Whether a message with this stream and SSN or MID may start being delivered now. */
    boolean deliverableNow(int streamId, int messageId, boolean unordered);
  }

  /** Bytes of fragments held. */
  long bytes();

  /** Whether a message is being delivered in pieces. */
  boolean partialDeliveryActive();

  /**
   * Whether a complete message of {@code streamId} must wait, because a partial delivery it may
   * not interleave with is under way (RFC 6458 section 8.1.20: with DATA, any; with I-DATA,
   * one on the same stream).
   */
  boolean blocksDelivery(int streamId);

  /** Whether the ordered message with this stream and SSN (or MID) is being delivered in pieces. */
  boolean partiallyDelivering(int streamId, int messageId);

  /**
   * Takes one fragment (not both B and E) with unwrapped TSN {@code tsn}, delivering whatever it
   * completes.
   */
  void add(long tsn, UserDataChunk d, InetAddress source, TsnTracker tracker, Sink sink);

  /**
   * Starts the partial delivery of a message that may be delivered now, handing over its
   * contiguous fragments from the beginning. Returns whether one started.
   */
  boolean startPartialDelivery(Sink sink);

  /** An ordered stream now expects {@code messageId}: a message held with it may start delivery. */
  void streamAdvanced(int streamId, int messageId);

  /** The highest TSN (unwrapped) of a fragment held and not yet delivered, or -1. */
  long highestFragment();

  /** Gives up the fragment with unwrapped TSN {@code tsn} (its TSN is reneged by the caller). */
  void evict(long tsn);

  /** Adds the fragments held, in TSN order, and the partial deliveries under way (docs/ha.md). */
  void export(List<ReceiverSnapshot.InboundChunk> fragments,
      List<ReceiverSnapshot.PartialDelivery> partials);

  /**
   * Puts back a partial delivery of a replicated receiver (a standby taking over), before its
   * fragments are added again.
   */
  void restorePartial(ReceiverSnapshot.PartialDelivery partial, TsnTracker tracker);

  /** The replicated form of a held fragment. */
  static ReceiverSnapshot.InboundChunk exported(UserDataChunk d, InetAddress source) {
    return new ReceiverSnapshot.InboundChunk(d.tsn(), d.flags(), d.streamId(), d.messageId(),
        UserDataChunk.ppidOrFsn(d), source, d.userData());
  }
}
