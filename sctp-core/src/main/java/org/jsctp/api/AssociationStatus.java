package org.jsctp.api;

import java.net.InetAddress;
import org.jsctp.association.AssociationState;

/**
 * SCTP_STATUS (RFC 6458 section 8.2.1), plus the error counters and the threshold validation
 * of RFC 9260 section 8.2.
 *
 * @param associationId sstat_assoc_id
 * @param state sstat_state
 * @param peerRwnd sstat_rwnd, the peer's window as this side tracks it
 * @param unacknowledgedChunks sstat_unackdata
 * @param pendingChunks sstat_penddata: bytes received and not yet deliverable
 * @param inboundStreams sstat_instrms
 * @param outboundStreams sstat_outstrms
 * @param fragmentationPoint sstat_fragmentation_point: user bytes per DATA chunk
 * @param primary sstat_primary's address
 * @param errorCount the association error counter
 * @param maxRetrans Association.Max.Retrans
 * @param bufferedAmount bytes queued or unacknowledged
 * @param localRwnd the window this side advertises
 * @param thresholdWarning the RFC 9260 section 8.2 warning, or null when consistent
 */
public record AssociationStatus(
    int associationId,
    AssociationState state,
    long peerRwnd,
    int unacknowledgedChunks,
    long pendingChunks,
    int inboundStreams,
    int outboundStreams,
    int fragmentationPoint,
    InetAddress primary,
    int errorCount,
    int maxRetrans,
    long bufferedAmount,
    long localRwnd,
    String thresholdWarning) {}
