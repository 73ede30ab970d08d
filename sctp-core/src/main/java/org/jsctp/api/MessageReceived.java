package org.jsctp.api;

import java.net.InetAddress;
import org.jsctp.wire.Bytes;

/**
 * A user message, delivered in order per stream (or as soon as complete when unordered). A
 * message larger than the partial delivery point arrives in several pieces, all with the same
 * stream and SSN, the last one with {@code complete} set (RFC 6458 section 8.1.21, the JDK's
 * {@code MessageInfo.isComplete()}); no other message of the association is delivered between
 * the pieces. The driver must report with {@code SctpAssociation.consumed(bytes)} when the
 * application has read data, because unread data counts against the advertised window.
 *
 * @param associationId the association
 * @param streamId the stream it arrived on
 * @param streamSequenceNumber its SSN (meaningless for unordered messages)
 * @param payloadProtocolId the PPID, as sent (network byte order value)
 * @param unordered whether the U bit was set
 * @param firstTsn the TSN of its first fragment
 * @param source the peer address its last fragment came from
 * @param complete false for a piece of a partially delivered message that more pieces follow
 * @param data the message, or this piece of it
 * @param possiblyDuplicate true when a standby that took the association over hands it again:
 *     the active's application may have had it already and did not confirm it (docs/ha.md)
 */
public record MessageReceived(
    int associationId,
    int streamId,
    int streamSequenceNumber,
    int payloadProtocolId,
    boolean unordered,
    int firstTsn,
    InetAddress source,
    boolean complete,
    Bytes data,
    boolean possiblyDuplicate)
    implements SctpEvent {

  /** A message (or piece) handed out for the first time. */
  public MessageReceived(int associationId, int streamId, int streamSequenceNumber,
      int payloadProtocolId, boolean unordered, int firstTsn, InetAddress source, boolean complete,
      Bytes data) {
    this(associationId, streamId, streamSequenceNumber, payloadProtocolId, unordered, firstTsn,
        source, complete, data, false);
  }
}
