package org.jsctp.ha;

import java.util.List;

/**
 * What an association in an HA mode emits for its standby: a full {@link AssociationSnapshot}
 * (when replication starts, or on request) or a batch of {@link Delta}s, numbered from 1 in the
 * order they must be applied. The replicator hands records to the standby in order and tells the
 * association, with {@code SctpAssociation.replicated(now, sequence)}, up to which one the
 * standby has stored; what depends on a record (acknowledging its data, sending its chunks,
 * delivering its messages) waits until then.
 *
 * <p>{@code causes} say why the record went out, as the cause flags of Linux's XFRM
 * replication events do: {@link #CAUSE_THRESHOLD} (the next TSN moved by the threshold), {@link
 * #CAUSE_TIMER} (the interval passed with changes pending) and {@link #CAUSE_UPDATE} (a change
 * that cannot wait: received data, a chunk to send in SYNC mode, a state change, a snapshot).
 *
 * @param associationId the association on the active endpoint
 * @param sequence this record's number, from 1; a snapshot may skip numbers, a delta record may not
 * @param causes the cause flags
 * @param snapshot the full state, or null for a delta record
 * @param deltas the changes in the order they happened (empty in a snapshot record)
 */
public record ReplicationRecord(int associationId, long sequence, int causes,
    AssociationSnapshot snapshot, List<Delta> deltas) {

  /** The next TSN moved by the threshold (Linux: XFRM_AE_CR). */
  public static final int CAUSE_THRESHOLD = 1;
  /** The interval passed with changes pending (Linux: XFRM_AE_CE). */
  public static final int CAUSE_TIMER = 2;
  /** A change that is replicated at once (Linux: XFRM_AE_CU). */
  public static final int CAUSE_UPDATE = 4;

  public ReplicationRecord {
    if (sequence <= 0) {
      throw new IllegalArgumentException("record sequence numbers start at 1, got " + sequence);
    }
    if ((causes & ~(CAUSE_THRESHOLD | CAUSE_TIMER | CAUSE_UPDATE)) != 0) {
      throw new IllegalArgumentException("unknown cause flags 0x" + Integer.toHexString(causes));
    }
    deltas = List.copyOf(deltas);
    if (snapshot != null && !deltas.isEmpty()) {
      throw new IllegalArgumentException("a snapshot record carries no deltas");
    }
  }

  /** Whether this record carries a full snapshot. */
  public boolean isSnapshot() {
    return snapshot != null;
  }
}
