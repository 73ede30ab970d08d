package org.jsctp.rx;

import java.net.InetAddress;
import org.jsctp.wire.Bytes;

/**
 * A complete user message (or a piece of one) on its way to the application. With I-DATA the
 * stream sequence number is the 32-bit message identifier.
 *
 * @param firstTsn the TSN of its first fragment, as on the wire
 * @param tsnFrom the unwrapped TSN of its first fragment held here
 * @param tsnTo the highest unwrapped TSN of its fragments held here
 * @param scatteredTsns with I-DATA, the unwrapped TSNs of its fragments when they are not all of
 *     {@code tsnFrom..tsnTo} (fragments of other messages came between); otherwise null
 */
record InboundMessage(
    int streamId,
    int streamSequenceNumber,
    int payloadProtocolId,
    boolean unordered,
    int firstTsn,
    long tsnFrom,
    long tsnTo,
    InetAddress source,
    Bytes data,
    long[] scatteredTsns) {

  /** A message (or piece) whose fragments hold every TSN from {@code tsnFrom} to {@code tsnTo}. */
  InboundMessage(int streamId, int streamSequenceNumber, int payloadProtocolId, boolean unordered,
      int firstTsn, long tsnFrom, long tsnTo, InetAddress source, Bytes data) {
    this(streamId, streamSequenceNumber, payloadProtocolId, unordered, firstTsn, tsnFrom, tsnTo,
        source, data, null);
  }
}
