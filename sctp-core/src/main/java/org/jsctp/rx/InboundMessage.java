package org.jsctp.rx;

import java.net.InetAddress;
import org.jsctp.wire.Bytes;

/** A complete user message waiting for its turn in stream order. */
record InboundMessage(
    int streamId,
    int streamSequenceNumber,
    int payloadProtocolId,
    boolean unordered,
    int firstTsn,
    InetAddress source,
    Bytes data) {}
