package org.jsctp.netty.option;

import org.jsctp.association.AssociationState;

/**
 * SCTP_STATUS (RFC 6458 section 8.2.1, struct sctp_status; read-only): the state of an
 * association.
 *
 * @param associationId the association (sstat_assoc_id)
 * @param state the RFC 9260 state (sstat_state)
 * @param peerRwnd the peer's receive window in bytes (sstat_rwnd)
 * @param unackedData DATA chunks sent and not yet acknowledged (sstat_unackdata)
 * @param pendingData bytes received but not yet deliverable: reassembly and reordering
 *     (sstat_penddata, in bytes here)
 * @param inboundStreams streams the peer may send on (sstat_instrms)
 * @param outboundStreams streams this side may send on (sstat_outstrms)
 * @param fragmentationPoint the largest user data per DATA chunk (sstat_fragmentation_point)
 * @param primary the primary path (sstat_primary), or null before the handshake has one
 */
public record AssociationStatus(
    int associationId,
    AssociationState state,
    long peerRwnd,
    int unackedData,
    long pendingData,
    int inboundStreams,
    int outboundStreams,
    int fragmentationPoint,
    PeerAddrInfo primary) {}
