package org.jsctp.rx;

import java.net.InetAddress;
import org.jsctp.wire.Bytes;

/**
 * A complete user message (or a piece of one) on its way to the application.
 *
 * @param firstTsn the TSN of its first fragment, as on the wire
 * @param tsnFrom the unwrapped TSN of its first fragment held here
 * @param tsnTo the unwrapped TSN of its last fragment held here
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
    Bytes data) {}
