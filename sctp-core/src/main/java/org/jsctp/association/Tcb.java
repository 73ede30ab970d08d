package org.jsctp.association;

import org.jsctp.rx.DataReceiver;
import org.jsctp.tx.DataSender;

/**
 * The transmission control block (RFC 9260 section 14) of an association whose handshake has
 * produced both sides' parameters: the verification tags, the Initial TSNs, the negotiated stream
 * counts, the sending and receiving halves and the association error counter (section 8.1). It
 * negotiated extensions, exists from COOKIE-ECHOED (the active side learned the peer's parameters from the INIT ACK) or
 * from the valid COOKIE ECHO (the passive side) until the association closes. Its tags never
 * change: a peer restart or a collision that changes a tag builds a new one.
 */
final class Tcb {

  final int localTag;
  final int peerTag;
  final int localInitialTsn;
  final int peerInitialTsn;
  final int outboundStreams;
  final int inboundStreams;
  final Extensions extensions;
  final DataSender sender;
  final DataReceiver receiver;
  private int errorCount;

  Tcb(int localTag, int peerTag, int localInitialTsn, int peerInitialTsn, int outboundStreams,
      int inboundStreams, Extensions extensions, DataSender sender, DataReceiver receiver) {
    this.localTag = localTag;
    this.peerTag = peerTag;
    this.localInitialTsn = localInitialTsn;
    this.peerInitialTsn = peerInitialTsn;
    this.outboundStreams = outboundStreams;
    this.inboundStreams = inboundStreams;
    this.extensions = extensions;
    this.sender = sender;
    this.receiver = receiver;
  }

  /** The association error counter: consecutive retransmissions and unanswered heartbeats. */
  int errorCount() {
    return errorCount;
  }

  /** One more consecutive error; returns the count. */
  int countError() {
    return ++errorCount;
  }

  /** The peer answered: the counter starts again (sections 8.1, 8.3 and 9.2). */
  void clearErrors() {
    errorCount = 0;
  }

  /** Nothing queued or unacknowledged in either direction. */
  boolean isIdle() {
    return sender.isIdle() && !receiver.ackPending();
  }
}
