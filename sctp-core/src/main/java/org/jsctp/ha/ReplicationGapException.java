package org.jsctp.ha;

/**
 * A delta record that does not follow the last record a {@link StandbyAssociationState} applied:
 * one was lost or came out of order. The standby's copy is unchanged; the replicator asks the
 * active for a full snapshot ({@code SctpAssociation.requestSnapshot()}).
 */
public final class ReplicationGapException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final long expected;
  private final long received;

  public ReplicationGapException(long expected, long received) {
    super(expected == 0
        ? "delta record " + received + " before any snapshot: a snapshot record must come first"
        : "record " + received + " where " + expected
            + " was expected: a record was lost; ask the active for a snapshot");
    this.expected = expected;
    this.received = received;
  }

  /** The sequence number that was due (0 when no snapshot was applied yet). */
  public long expected() {
    return expected;
  }

  /** The sequence number that came. */
  public long received() {
    return received;
  }
}
