package org.jsctp.association;

import org.jsctp.rx.DataReceiver;
import org.jsctp.tx.DataSender;

/**
 * The transmission control block (RFC 9260 section 14) of an association whose handshake has
 * produced both sides' parameters: the verification tags, the Initial TSNs, the stream counts,
 * the negotiated extensions (AUTH's state among them), the sending and receiving halves, the association error counter
 * (section 8.1) and, with RE-CONFIG and ADD-IP, their states. It exists from
 * COOKIE-ECHOED (the active side learned the peer's parameters from the INIT ACK) or from the
 * valid COOKIE ECHO (the passive side) until the association closes. Its tags never change: a
 * peer restart or a collision that changes a tag builds a new one.
 */
final class Tcb {

  final int localTag;
  final int peerTag;
  final int localInitialTsn;
  final int peerInitialTsn;
  /** The streams each way: negotiated, then grown by stream reconfiguration (RFC 6525). */
  int outboundStreams;
  int inboundStreams;
  final Extensions extensions;
  final DataSender sender;
  final DataReceiver receiver;
  /** Stream reconfiguration (RFC 6525), or null when it was not negotiated. */
  final ReconfigState reconfig;
  /** AUTH (RFC 4895): {@link Authentication#OFF} when it was not negotiated. */
  final Authentication auth;
  /** Dynamic address reconfiguration (RFC 5061), or null when it was not negotiated. */
  final AsconfState asconf;
  private int errorCount;

  Tcb(int localTag, int peerTag, int localInitialTsn, int peerInitialTsn, int outboundStreams,
      int inboundStreams, Extensions extensions, DataSender sender, DataReceiver receiver,
      Authentication auth) {
    this(localTag, peerTag, localInitialTsn, peerInitialTsn, outboundStreams, inboundStreams,
        extensions, sender, receiver, extensions.streamReconfiguration()
            ? new ReconfigState(localInitialTsn, peerInitialTsn)
            : null, auth);
  }

  /** A TCB without AUTH that keeps {@code reconfig} (a snapshot restored). */
  Tcb(int localTag, int peerTag, int localInitialTsn, int peerInitialTsn, int outboundStreams,
      int inboundStreams, Extensions extensions, DataSender sender, DataReceiver receiver,
      ReconfigState reconfig) {
    this(localTag, peerTag, localInitialTsn, peerInitialTsn, outboundStreams, inboundStreams,
        extensions, sender, receiver, reconfig, Authentication.OFF);
  }

  /** A TCB that keeps {@code reconfig} (a collision changed a tag, the TSNs stayed). */
  Tcb(int localTag, int peerTag, int localInitialTsn, int peerInitialTsn, int outboundStreams,
      int inboundStreams, Extensions extensions, DataSender sender, DataReceiver receiver,
      ReconfigState reconfig, Authentication auth) {
    this.localTag = localTag;
    this.peerTag = peerTag;
    this.localInitialTsn = localInitialTsn;
    this.peerInitialTsn = peerInitialTsn;
    this.outboundStreams = outboundStreams;
    this.inboundStreams = inboundStreams;
    this.extensions = extensions;
    this.sender = sender;
    this.receiver = receiver;
    this.reconfig = reconfig;
    this.auth = auth;
    this.asconf = extensions.addressReconfiguration()
        ? new AsconfState(localInitialTsn, peerInitialTsn)
        : null;
  }

  /** {@code count} more outbound streams (RFC 6525 section 5.1.5). */
  void addOutboundStreams(int count) {
    sender.streams().add(count);
    outboundStreams += count;
  }

  /** {@code count} more inbound streams (RFC 6525 section 5.2.5). */
  void addInboundStreams(int count) {
    receiver.addStreams(count);
    inboundStreams += count;
  }

  /** The association error counter: consecutive retransmissions and unanswered heartbeats. */
  int errorCount() {
    return errorCount;
  }

  /** One more consecutive error; returns the count. */
  int countError() {
    return ++errorCount;
  }

  /** Puts back the counter of a replicated association (a standby taking over). */
  void restoreErrors(int count) {
    errorCount = Math.max(0, count);
  }

  /** The peer answered: the counter starts again (sections 8.1, 8.3 and 9.2). */
  void clearErrors() {
    errorCount = 0;
  }

  /** Nothing queued or unacknowledged in either direction. */
  boolean isIdle() {
    return sender.isIdle() && !receiver.ackPending() && !receiver.awaitingStandby();
  }
}
