package org.jsctp.ha;

import java.util.Objects;

/**
 * Everything a standby needs to continue an association as the active would: its {@link
 * AssociationHeader} (identity, state, settings, paths), its sending half and its receiving half.
 * Immutable; {@link SnapshotCodec} writes and reads it in the versioned binary format of {@code
 * docs/ha.md}, and {@code Endpoint.restore} builds a live association from it.
 *
 * <p>An association produces a snapshot when replication starts ({@link ReplicationRecord}s with
 * deltas follow); a standby keeps the latest in a {@link StandbyAssociationState}, which folds the
 * deltas in.
 *
 * @param header identity, state, settings, paths
 * @param sender the sending half
 * @param receiver the receiving half
 */
public record AssociationSnapshot(AssociationHeader header, SenderSnapshot sender,
    ReceiverSnapshot receiver) {

  public AssociationSnapshot {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(receiver, "receiver");
  }
}
