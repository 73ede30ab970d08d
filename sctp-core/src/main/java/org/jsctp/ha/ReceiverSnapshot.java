package org.jsctp.ha;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.jsctp.wire.Bytes;

/**
 * The receiving half of a replicated association: every TSN acknowledged (or about to be), and
 * every byte received that the application has not confirmed: fragments being reassembled,
 * messages waiting for their turn on an ordered stream, messages and pieces delivered but not
 * confirmed (redelivered after a takeover, flagged as possible duplicates).
 *
 * @param cumulativeTsn the cumulative TSN
 * @param received the TSNs received above it, as ranges in TSN order
 * @param nextSsn per inbound stream, the SSN (DATA) or MID (I-DATA) the next ordered message must
 *     carry
 * @param fragments fragments held for reassembly, in TSN order
 * @param partials messages being delivered in pieces (RFC 6458 section 8.1.21)
 * @param waiting complete ordered messages waiting for an earlier SSN
 * @param deferred complete messages whose turn came while a partial delivery held delivery back
 * @param deferredReset an incoming stream reset waiting for earlier TSNs (RFC 6525 section 5.2.2),
 *     or null
 * @param redelivery what the application was handed and has not confirmed, in delivery order
 */
public record ReceiverSnapshot(
    int cumulativeTsn,
    List<TsnRange> received,
    List<Integer> nextSsn,
    List<InboundChunk> fragments,
    List<PartialDelivery> partials,
    List<HeldMessage> waiting,
    List<HeldMessage> deferred,
    DeferredReset deferredReset,
    List<Redelivery> redelivery) {

  public ReceiverSnapshot {
    received = List.copyOf(received);
    nextSsn = List.copyOf(nextSsn);
    fragments = List.copyOf(fragments);
    partials = List.copyOf(partials);
    waiting = List.copyOf(waiting);
    deferred = List.copyOf(deferred);
    redelivery = List.copyOf(redelivery);
  }

  /** TSNs {@code first} to {@code last}, both included. */
  public record TsnRange(int first, int last) {}

  /**
   * One DATA or I-DATA chunk as received.
   *
   * @param tsn its TSN
   * @param flags its flags (I, U, B, E as in {@link SenderSnapshot})
   * @param streamId its stream
   * @param messageId its SSN (DATA) or MID (I-DATA)
   * @param ppidOrFsn its PPID (DATA, first I-DATA fragment) or FSN (other I-DATA fragments)
   * @param source the peer address it came from, or null when not known
   * @param data its user data
   */
  public record InboundChunk(int tsn, int flags, int streamId, int messageId, int ppidOrFsn,
      InetAddress source, Bytes data) {

    public InboundChunk {
      Objects.requireNonNull(data, "data");
    }
  }

  /**
   * A message whose first pieces were delivered.
   *
   * @param streamId its stream
   * @param messageId its SSN or MID
   * @param unordered the U bit
   * @param payloadProtocolId its PPID
   * @param firstTsn the TSN of its first fragment
   * @param next the TSN (DATA) or FSN (I-DATA) of the fragment delivered next
   */
  public record PartialDelivery(int streamId, int messageId, boolean unordered,
      int payloadProtocolId, int firstTsn, int next) {}

  /**
   * A complete message held in the receiver.
   *
   * @param streamId its stream
   * @param messageId its SSN or MID
   * @param payloadProtocolId its PPID
   * @param unordered the U bit
   * @param firstTsn the TSN of its first fragment
   * @param tsnFrom the lowest TSN of its fragments
   * @param tsnTo the highest TSN of its fragments
   * @param scatteredTsns with I-DATA, every TSN of its fragments when they are not all of {@code
   *     tsnFrom..tsnTo}; otherwise empty
   * @param source the peer address its last fragment came from, or null
   * @param data the message
   */
  public record HeldMessage(int streamId, int messageId, int payloadProtocolId, boolean unordered,
      int firstTsn, int tsnFrom, int tsnTo, List<Integer> scatteredTsns, InetAddress source,
      Bytes data) {

    public HeldMessage {
      scatteredTsns = List.copyOf(scatteredTsns);
      Objects.requireNonNull(data, "data");
    }
  }

  /**
   * An incoming stream reset waiting until every TSN up to {@code lastAssignedTsn} has arrived.
   *
   * @param lastAssignedTsn the peer's Sender's Last Assigned TSN
   * @param streams the streams reset (empty: all)
   * @param held later chunks of those streams, held until the reset is done
   */
  public record DeferredReset(int lastAssignedTsn, List<Integer> streams, List<InboundChunk> held) {

    public DeferredReset {
      streams = List.copyOf(streams);
      held = List.copyOf(held);
    }
  }

  /**
   * A message, a piece of one, or the end of an aborted partial delivery, that the application was
   * handed and has not confirmed: after a takeover it is handed again, flagged.
   *
   * @param firstTsn the TSN of the message's first fragment: what confirmations name
   * @param aborted true for the end of a partial delivery the peer abandoned (then {@code data} is
   *     empty and {@code complete} false)
   * @param streamId its stream
   * @param messageId its SSN or MID
   * @param payloadProtocolId its PPID
   * @param unordered the U bit
   * @param source the peer address its last fragment came from, or null
   * @param complete false for a piece more pieces follow
   * @param data the message or piece
   */
  public record Redelivery(int firstTsn, boolean aborted, int streamId, int messageId,
      int payloadProtocolId, boolean unordered, InetAddress source, boolean complete, Bytes data) {

    public Redelivery {
      Objects.requireNonNull(data, "data");
    }
  }
}
