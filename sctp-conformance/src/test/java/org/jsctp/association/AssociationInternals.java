package org.jsctp.association;

/**
 * A test-only look at the parts of an association's TCB that its public API does not show, for
 * invariant checks (the association fuzz test): the Initial TSNs, the sender's cumulative TSN ack
 * point, next TSN, bytes in flight and queued bytes, and the receiver's cumulative TSN.
 *
 * @param localInitialTsn the association's own Initial TSN
 * @param peerInitialTsn the peer's Initial TSN
 * @param cumulativeAckPoint the last TSN the peer acknowledged cumulatively
 * @param nextTsn the TSN the next new DATA chunk gets
 * @param totalFlight bytes of DATA in flight over all paths, as the sender counts them
 * @param queuedBytes user data bytes queued and not yet cut into DATA chunks
 * @param receiverCumulativeTsn the cumulative TSN the receiver acknowledges
 */
public record AssociationInternals(
    int localInitialTsn,
    int peerInitialTsn,
    int cumulativeAckPoint,
    int nextTsn,
    long totalFlight,
    long queuedBytes,
    int receiverCumulativeTsn) {

  /** The internals of {@code a}, or null when it has no TCB (during the handshake, or closed). */
  public static AssociationInternals of(SctpAssociation a) {
    Tcb tcb = a.tcb();
    if (tcb == null) {
      return null;
    }
    return new AssociationInternals(tcb.localInitialTsn, tcb.peerInitialTsn,
        tcb.sender.cumulativeAckPoint(), tcb.sender.nextTsn(), tcb.sender.totalFlight(),
        tcb.sender.queuedBytes(), tcb.receiver.cumulativeTsn());
  }
}
